package org.mtastscensus.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the report reads from one stats folder: summary.json and csv/&lt;table&gt;.csv (stats contract),
 * each table reduced to the rows of the scan the report details. Nothing else in the folder is read.
 */
final class StatsInput {
  /** Required tables and the columns the report uses; the scan columns are checked for every table. */
  static final Map<String, String[]> REQUIRED = new LinkedHashMap<>();
  /** Written only with {@code mtasts stats --previous}; their absence is stated on the page. */
  static final Map<String, String[]> OPTIONAL = new LinkedHashMap<>();

  static {
    REQUIRED.put("adoption", new String[] {"scope", "scope_value", "scanned", "existing", "measured", "sts_record",
        "policy_usable", "mode_enforce", "mode_testing", "mode_none", "misconfigured", "share_sts_record",
        "share_enforce", "share_misconfigured", "undetermined"});
    REQUIRED.put("findings", new String[] {"code", "severity", "rfc", "domains", "adopters", "share_adopters"});
    REQUIRED.put("severities", new String[] {"severity", "adopters_any", "adopters_worst", "share_any",
        "share_worst"});
    REQUIRED.put("misconfiguration", new String[] {"reason", "domains", "denominator", "share"});
    REQUIRED.put("delivery_risk", new String[] {"risk", "domains", "denominator", "share"});
    REQUIRED.put("outcome_flips", new String[] {"outcome", "outcome_lenient", "domains", "flipped", "share"});
    REQUIRED.put("mx_coverage", new String[] {"mode", "coverage", "domains", "denominator", "share"});
    REQUIRED.put("max_age", new String[] {"bucket", "lower_seconds", "upper_seconds", "domains", "denominator",
        "share"});
    REQUIRED.put("tlsrpt", new String[] {"population", "tlsrpt", "domains", "denominator", "share"});
    REQUIRED.put("fetch_status", new String[] {"fetch_status", "domains", "denominator", "share"});
    REQUIRED.put("undetermined", new String[] {"reason", "domains", "denominator", "share"});
    REQUIRED.put("policy_hosting", new String[] {"rank", "provider", "domains", "policy_usable", "denominator",
        "share"});
    REQUIRED.put("policy_host_networks", new String[] {"rank", "network", "domains", "denominator", "share"});
    REQUIRED.put("mail_providers", new String[] {"rank", "provider", "domains", "mode_enforce", "denominator",
        "share"});
    OPTIONAL.put("changes", new String[] {"kind", "from_value", "to_value", "domains"});
    OPTIONAL.put("change_domains", new String[] {"domain", "kind", "from_value", "to_value", "previous_sts_id",
        "current_sts_id"});
  }

  private final Path dir;
  private final Summary summary;
  private final Map<String, CsvTable> tables;

  private StatsInput(Path dir, Summary summary, Map<String, CsvTable> tables) {
    this.dir = dir;
    this.summary = summary;
    this.tables = tables;
  }

  static StatsInput load(Path dir) throws ReportException {
    if (!Files.isDirectory(dir)) {
      throw new ReportException(dir + ": not a directory (expected a stats folder written by mtasts stats)");
    }
    Summary summary = SummaryReader.read(dir.resolve("summary.json"), "summary.json");
    ScanRef scan = summary.mainScan().ref();
    Map<String, CsvTable> tables = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : REQUIRED.entrySet()) {
      tables.put(e.getKey(), load(dir, e.getKey(), e.getValue(), scan));
    }
    for (Map.Entry<String, String[]> e : OPTIONAL.entrySet()) {
      if (Files.exists(csv(dir, e.getKey()))) {
        tables.put(e.getKey(), load(dir, e.getKey(), e.getValue(), scan));
      }
    }
    if (tables.get("adoption").rows().isEmpty()) {
      throw new ReportException("csv/adoption.csv: no rows for scan " + scan.scanDate() + " " + scan.scanId() + " "
          + scan.list() + " (the last scan of summary.json)");
    }
    return new StatsInput(dir, summary, tables);
  }

  private static CsvTable load(Path dir, String name, String[] columns, ScanRef scan) throws ReportException {
    return CsvReader.read(csv(dir, name), "csv/" + name + ".csv").require(columns).forScan(scan);
  }

  private static Path csv(Path dir, String name) {
    return dir.resolve("csv").resolve(name + ".csv");
  }

  Path dir() {
    return dir;
  }

  Summary summary() {
    return summary;
  }

  ScanInfo scan() {
    return summary.mainScan();
  }

  CsvTable table(String name) {
    CsvTable table = tables.get(name);
    if (table == null) {
      throw new IllegalArgumentException("table " + name + " is optional; check has() first");
    }
    return table;
  }

  boolean has(String name) {
    return tables.containsKey(name);
  }
}
