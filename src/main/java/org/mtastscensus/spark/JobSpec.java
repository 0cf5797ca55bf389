package org.mtastscensus.spark;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtastscensus.cli.UsageException;
import org.mtastscensus.spark.JobKey.Kind;

/**
 * A declarative job definition ({@code jobs/NAME.yaml}): values only, every key defined here with its default and
 * doc. Unknown keys and values of the wrong shape are rejected with the file and key named; ranges are checked by
 * the scan command line the job is turned into ({@link #scanArgs()}).
 */
public final class JobSpec {
  public static final List<JobKey> KEYS = List.of(
      JobKey.of("name", Kind.STRING, "(required)", null, "Job name; the default scan ID is NAME-YYYYMMDD (UTC)."),
      JobKey.of("description", Kind.STRING, "\"\"", null, "One line for people; not used by the run."),
      JobKey.of("inputs", Kind.LIST, "(required unless sandbox)", "--input",
          "Domain list files, relative to the working directory."),
      JobKey.choice("input-format", "plain", "--input-format", ScanJobConfig.INPUT_FORMATS,
          "How inputs are read: plain (one name per line, # comments), toplist (rank,domain CSV), zone (DNS master"
              + " file: the delegated names), auto (detected per file); gzip and zip are opened either way."),
      JobKey.of("list-id", Kind.STRING, "none", "--list-id",
          "Published identifier of the input list (e.g. a Tranco list ID), recorded in _run.json for reproducibility."),
      JobKey.of("out", Kind.STRING, "data/scans", "--out",
          "Dataset root; the run lands in OUT/scan_date=YYYY-MM-DD/scan_id=ID/."),
      JobKey.choice("format", "parquet", "--format", List.of("parquet", "json"), "Output format."),
      JobKey.of("scan-id", Kind.STRING, "NAME-YYYYMMDD", "--scan-id",
          "Run name; re-running an ID replaces its output."),
      JobKey.of("resume", Kind.BOOL, "false", "--resume", "Continue an interrupted run of the same scan ID."),
      JobKey.of("master", Kind.STRING, "spark-submit's, else local[*]", "--master", "Spark master URL."),
      JobKey.of("partitions", Kind.INT, "default parallelism", "--partitions", "Spark partitions per chunk."),
      JobKey.of("chunk-size", Kind.INT, "100000", "--chunk-size", "Domains per chunk (unit of commit and resume)."),
      JobKey.of("progress-seconds", Kind.INT, "5", "--progress-seconds", "Progress line interval."),
      JobKey.of("sandbox", Kind.BOOL, "false", null,
          "Scan the in-process sandbox world (catalogue plus sandbox-bulk generated domains) instead of inputs;"
              + " resolver, trust and port are set by the world."),
      JobKey.of("sandbox-bulk", Kind.INT, "3000", null, "Generated domains added to the sandbox catalogue."),
      JobKey.of("resolvers", Kind.LIST, "the system's nameservers", "--resolver",
          "DNS servers as IP:PORT (a local recursive resolver; never hammer public ones)."),
      JobKey.of("trust-ca", Kind.LIST, "[]", "--trust-ca", "Extra trusted CA certificate files (PEM)."),
      JobKey.of("https-port", Kind.INT, "443", "--https-port", "Port of the policy hosts."),
      JobKey.of("allow-private-targets", Kind.BOOL, "false", "--allow-private-targets",
          "Allow policy hosts on loopback and private addresses (labs and tests only)."),
      JobKey.of("opt-out", Kind.LIST, "[]", "--opt-out",
          "Domains (and subdomains) never scanned; counted as opted out in _run.json."),
      JobKey.of("dns-timeout-ms", Kind.INT, "3000", "--dns-timeout-ms", "One DNS attempt."),
      JobKey.of("dns-attempts", Kind.INT, "3", "--dns-attempts", "Tries per query on timeouts and SERVFAIL."),
      JobKey.of("fetch-timeout-ms", Kind.INT, "20000", "--fetch-timeout-ms", "Whole policy fetch budget."),
      JobKey.of("connect-timeout-ms", Kind.INT, "10000", "--connect-timeout-ms", "One TCP connect."),
      JobKey.of("slow-ms", Kind.INT, "4000", "--slow-ms", "A slower complete fetch gets POLICY_SLOW."),
      JobKey.of("domain-deadline-ms", Kind.INT, "60000", "--domain-deadline-ms", "Safety net per domain."),
      JobKey.of("concurrency", Kind.INT, "200", "--concurrency", "Domains in flight per partition."),
      JobKey.of("fetch-concurrency", Kind.INT, "64", "--fetch-concurrency", "HTTPS fetches in flight per partition."),
      JobKey.of("per-address", Kind.INT, "2", "--per-address", "HTTPS fetches in flight per IP address."),
      JobKey.of("contact-url", Kind.STRING, "none (the User-Agent then names only the scanner)", "--contact-url",
          "Named in the User-Agent: who scans, how to opt out."),
      JobKey.of("tlsrpt-all", Kind.BOOL, "false", "--tlsrpt-all", "Query TLS-RPT for every domain."),
      JobKey.of("fetch-without-record", Kind.BOOL, "false", "--fetch-without-record",
          "Also fetch policies of domains without a TXT record."),
      JobKey.of("stats", Kind.BOOL, "false", null,
          "After the scan, run mtasts stats on it into STATS-OUT/scan_date=YYYY-MM-DD/scan_id=ID/."),
      JobKey.of("stats-out", Kind.STRING, "data/stats", null, "Root of the statistics folders."),
      JobKey.of("previous", Kind.STRING, "auto", null,
          "Scan the statistics compare against: auto (this job's newest earlier complete scan under OUT), none,"
              + " or a scan folder."),
      JobKey.of("report", Kind.BOOL, "false", null,
          "After the statistics, write report.html beside them, with trends from every earlier statistics folder"
              + " under STATS-OUT (needs stats: true)."),
      JobKey.of("retention-days", Kind.INT, "0", null,
          "After a successful run, delete this job's scan folders whose scan_date is more than this many days"
              + " before today's; 0 keeps every scan. Statistics and reports are small and always kept."));

  private static final ObjectMapper YAML = new ObjectMapper(
      new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

  private final Path file;
  private final Map<String, Object> values;

  private JobSpec(Path file, Map<String, Object> values) {
    this.file = file;
    this.values = values;
  }

  public static JobSpec load(Path file) throws UsageException {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UsageException(file + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
    }
    if (root == null || !root.isObject()) {
      throw new UsageException(file + ": a job file is a YAML mapping of keys to values");
    }
    Map<String, JobKey> known = new LinkedHashMap<>();
    KEYS.forEach(key -> known.put(key.name(), key));
    Map<String, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JobKey key = known.get(entry.getKey());
      if (key == null) {
        throw new UsageException(file + ": unknown key \"" + entry.getKey() + "\"; known keys: "
            + String.join(", ", known.keySet()));
      }
      values.put(key.name(), value(file, key, entry.getValue()));
    }
    if (!values.containsKey("name")) {
      throw new UsageException(file + ": key \"name\" is required");
    }
    if (!Boolean.TRUE.equals(values.get("sandbox")) && !values.containsKey("inputs")) {
      throw new UsageException(file + ": key \"inputs\" is required (or sandbox: true)");
    }
    if (Boolean.TRUE.equals(values.get("sandbox"))) {
      for (String pointing : List.of("resolvers", "trust-ca", "https-port")) {
        if (values.containsKey(pointing)) {
          throw new UsageException(file + ": key \"" + pointing + "\" cannot be combined with sandbox: true"
              + " (the sandbox world sets it)");
        }
      }
    }
    if (Boolean.TRUE.equals(values.get("report")) && !Boolean.TRUE.equals(values.get("stats"))) {
      throw new UsageException(file + ": key \"report\" needs stats: true (the report is drawn from the statistics)");
    }
    Object retention = values.get("retention-days");
    if (retention != null && ((Integer) retention < 0 || (Integer) retention == 1)) {
      throw new UsageException(file + ": key \"retention-days\" must be 0 (keep all) or at least 2, so that the"
          + " previous night's scan survives for the comparison; got " + retention);
    }
    return new JobSpec(file, values);
  }

  private static Object value(Path file, JobKey key, JsonNode node) throws UsageException {
    String where = file + ": key \"" + key.name() + "\": expected " + key.kind().description();
    return switch (key.kind()) {
      case STRING -> {
        if (!node.isTextual() || node.asText().isBlank()) {
          throw new UsageException(where + ", got " + node);
        }
        yield node.asText();
      }
      case INT -> {
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
          throw new UsageException(where + ", got " + node);
        }
        yield node.asInt();
      }
      case BOOL -> {
        if (!node.isBoolean()) {
          throw new UsageException(where + ", got " + node);
        }
        yield node.asBoolean();
      }
      case LIST -> {
        List<String> list = new ArrayList<>();
        if (node.isTextual()) {
          list.add(node.asText());
        } else if (node.isArray()) {
          for (JsonNode item : node) {
            if (!item.isTextual() && !item.isNumber()) {
              throw new UsageException(where + ", got an item " + item);
            }
            list.add(item.asText());
          }
        } else {
          throw new UsageException(where + ", got " + node);
        }
        yield list;
      }
      case CHOICE -> {
        String text = node.asText().toLowerCase(Locale.ROOT);
        if (!node.isTextual() || !key.choices().contains(text)) {
          throw new UsageException(where + " " + String.join(", ", key.choices()) + ", got " + node);
        }
        yield text;
      }
    };
  }

  public String name() {
    return (String) values.get("name");
  }

  public boolean sandbox() {
    return Boolean.TRUE.equals(values.get("sandbox"));
  }

  public int sandboxBulk() {
    return (Integer) values.getOrDefault("sandbox-bulk", DemoCommand.BULK_DEFAULT);
  }

  public Path file() {
    return file;
  }

  public boolean stats() {
    return Boolean.TRUE.equals(values.get("stats"));
  }

  public boolean report() {
    return Boolean.TRUE.equals(values.get("report"));
  }

  public String statsOut() {
    return (String) values.getOrDefault("stats-out", "data/stats");
  }

  /** "auto", "none" or a scan folder. */
  public String previous() {
    return (String) values.getOrDefault("previous", "auto");
  }

  public int retentionDays() {
    return (Integer) values.getOrDefault("retention-days", 0);
  }

  /** The job as {@code mtasts scan} arguments; the scan ID defaults to NAME-YYYYMMDD (UTC today). */
  public List<String> scanArgs() {
    List<String> args = new ArrayList<>();
    for (JobKey key : KEYS) {
      Object value = values.get(key.name());
      if (value == null || key.option() == null) {
        continue;
      }
      if (value instanceof List<?> list) {
        if (key.option().equals("--input")) {
          args.add("--input");
          list.forEach(item -> args.add(item.toString()));
        } else {
          list.forEach(item -> {
            args.add(key.option());
            args.add(item.toString());
          });
        }
      } else if (value instanceof Boolean flag) {
        if (flag) {
          args.add(key.option());
        }
      } else {
        args.add(key.option());
        args.add(value.toString());
      }
    }
    if (!values.containsKey("out")) {
      args.addAll(List.of("--out", "data/scans"));
    }
    if (!values.containsKey("scan-id")) {
      args.addAll(List.of("--scan-id", name() + "-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "")));
    }
    return args;
  }

  /** The key table, for {@code mtasts run --help}. */
  public static String describeKeys() {
    StringBuilder out = new StringBuilder();
    for (JobKey key : KEYS) {
      String kind = key.kind() == Kind.CHOICE ? "one of " + String.join("|", key.choices()) : key.kind().description();
      out.append(String.format(Locale.ROOT, "  %-22s %s (default: %s)%n  %-22s %s%n", key.name(), kind,
          key.defaultValue(), "", key.doc()));
    }
    return out.toString();
  }
}
