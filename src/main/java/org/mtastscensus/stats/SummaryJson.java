package org.mtastscensus.stats;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtastscensus.schema.ResultColumns;

/** Builds the content of {@code summary.json}: what was counted, by which rules, and where each table is. */
public final class SummaryJson {
  /** One scan and its counts. */
  public record Scanned(ScanInfo scan, ScanTally tally) {}

  private SummaryJson() {}

  /**
   * @param pslSource the PSL path as shown to users
   * @param previous the --previous scan, or null
   */
  public static Map<String, Object> build(List<Scanned> scans, ScanInfo previous, String pslSource,
      String pslVersion, String projectVersion, StatsData data) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("stats_version", StatsRules.STATS_VERSION);
    summary.put("generated_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    Map<String, Object> generator = new LinkedHashMap<>();
    generator.put("project", projectVersion);
    generator.put("schema_version", ResultColumns.SCHEMA_VERSION);
    summary.put("generator", generator);
    Map<String, Object> psl = new LinkedHashMap<>();
    psl.put("source", pslSource);
    psl.put("version", pslVersion);
    summary.put("psl", psl);
    List<Object> scanList = new ArrayList<>();
    for (Scanned scanned : scans) {
      scanList.add(scan(scanned.scan(), scanned.tally()));
    }
    summary.put("scans", scanList);
    summary.put("previous", previous == null ? null : identity(previous));
    summary.put("rules", StatsRules.rules());
    summary.put("denominators", StatsRules.denominators());
    Map<String, Object> tables = new LinkedHashMap<>();
    for (StatsTable table : data.tables()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("description", table.description());
      entry.put("order", table.order());
      entry.put("rows", data.rows(table).size());
      entry.put("csv", "csv/" + table.name() + ".csv");
      entry.put("parquet", "parquet/" + table.name());
      tables.put(table.name(), entry);
    }
    summary.put("tables", tables);
    return summary;
  }

  private static Map<String, Object> identity(ScanInfo scan) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("scan_dir", scan.dir().toString());
    identity.put("scan_date", scan.scanDate());
    identity.put("scan_id", scan.scanId());
    identity.put("list", scan.list());
    return identity;
  }

  private static Map<String, Object> scan(ScanInfo scan, ScanTally tally) {
    Map<String, Object> entry = identity(scan);
    entry.put("input_format", scan.inputFormat());
    entry.put("resolvers", scan.resolvers());
    entry.put("started_at", scan.startedAt());
    entry.put("rows", tally.total(ScanTally.Count.SCANNED));
    entry.put("headline", headline(tally));
    Map<String, Object> quantiles = new LinkedHashMap<>();
    quantiles.put("p10", tally.maxAgeQuantile(10));
    quantiles.put("p50", tally.maxAgeQuantile(50));
    quantiles.put("p90", tally.maxAgeQuantile(90));
    entry.put("max_age_quantiles", quantiles);
    long adopters = tally.total(ScanTally.Count.STS_RECORD);
    Map<String, Object> concentration = new LinkedHashMap<>();
    concentration.put("policy_hosting_top1_share", ScanTables.topShare(tally.hosting, 1, adopters, RowFacts.NO_CNAME));
    concentration.put("policy_hosting_top5_share", ScanTables.topShare(tally.hosting, 5, adopters, RowFacts.NO_CNAME));
    concentration.put("mail_providers_top1_share", ScanTables.topShare(tally.mailProviders, 1, tally.withMx, null));
    concentration.put("mail_providers_top5_share", ScanTables.topShare(tally.mailProviders, 5, tally.withMx, null));
    entry.put("concentration", concentration);
    return entry;
  }

  /** The adoption ALL row, by the same column names, plus the number of outcome flips. */
  static Map<String, Object> headline(ScanTally tally) {
    Map<String, Object> headline = new LinkedHashMap<>();
    long[] all = tally.scopes.getOrDefault("*", new long[ScanTally.Count.values().length]);
    List<StatsColumn> columns = StatsTables.ADOPTION.columns();
    int first = StatsTables.ADOPTION.index("scanned");
    for (ScanTally.Count count : ScanTally.Count.values()) {
      headline.put(columns.get(first + count.ordinal()).name(), all[count.ordinal()]);
    }
    headline.put("outcome_flips", tally.flips());
    List<Double> shares = ScanTables.adoptionShares(all);
    int firstShare = StatsTables.ADOPTION.index("share_sts_record");
    for (int i = 0; i < shares.size(); i++) {
      headline.put(columns.get(firstShare + i).name(), shares.get(i));
    }
    return headline;
  }
}
