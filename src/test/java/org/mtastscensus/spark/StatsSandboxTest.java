package org.mtastscensus.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtastscensus.stats.StatsColumn;
import org.mtastscensus.stats.StatsTable;
import org.mtastscensus.stats.StatsTables;
import org.mtastscensus.stats.spark.StatsCommand;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.FileTrees;

/**
 * {@code mtasts stats} end to end: the real sandbox scan ({@link SandboxScan}) as the previous scan, and a second
 * scan written from it with Spark after known edits (new adopters, policies changed without a new id, domains
 * dropped). The command runs on both with {@code --previous}; its CSV, Parquet (read back with Spark) and
 * summary.json must agree with counts taken here straight from the scan rows with Spark SQL.
 */
class StatsSandboxTest {
  private static final String ENFORCE = "outcome = 'VALID_ENFORCE'";
  private static final Column NEW_ADOPTER = col("outcome").equalTo("NO_RECORD").and(bucket(5).equalTo(0));
  private static final Column NOT_ROTATED = col("outcome").equalTo("VALID_ENFORCE").and(bucket(3).equalTo(0));
  private static final Column DROPPED = col("outcome").equalTo("VALID_ENFORCE").and(bucket(7).equalTo(1));

  private static SparkSession spark;
  private static Path previous;
  private static Path current;
  private static Path out;
  private static Dataset<Row> previousRows;
  private static Dataset<Row> currentRows;
  private static JsonNode summary;
  private static String stdout;

  private static Column bucket(int n) {
    return abs(hash(col("domain"))).mod(n);
  }

  @BeforeAll
  static void runStats() throws Exception {
    SandboxScan.Scanned scanned = SandboxScan.get();
    spark = SparkTestSession.get();
    previous = scanned.published();
    Path root = scanned.root().resolve("stats-e2e");
    FileTrees.deleteTree(root);
    current = root.resolve("scans/scan_date=2026-11-29/scan_id=e2e-next");
    out = root.resolve("stats");

    previousRows = spark.read().parquet(previous.toString());
    // the drop goes first: the conditions read the previous columns, not the edited ones
    Dataset<Row> edited = previousRows.filter(DROPPED.unary_$bang())
        .withColumn("sts_id", when(NEW_ADOPTER, lit("new1")).otherwise(col("sts_id")))
        .withColumn("policy_max_age", when(NOT_ROTATED, col("policy_max_age").plus(1)).otherwise(col("policy_max_age")))
        .withColumn("outcome_lenient", when(NEW_ADOPTER, lit("VALID_ENFORCE")).otherwise(col("outcome_lenient")))
        .withColumn("outcome", when(NEW_ADOPTER, lit("VALID_ENFORCE")).otherwise(col("outcome")));
    edited.coalesce(2).write().mode(SaveMode.Overwrite).parquet(current.toString());
    ObjectNode run = (ObjectNode) new ObjectMapper().readTree(previous.resolve("_run.json").toFile());
    run.put("scan_date", "2026-11-29").put("scan_id", "e2e-next");
    new ObjectMapper().writeValue(current.resolve("_run.json").toFile(), run);
    currentRows = spark.read().parquet(current.toString());

    ByteArrayOutputStream stdoutBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream stderrBytes = new ByteArrayOutputStream();
    StatsCommand.Parsed parsed = StatsCommand.parse(List.of(previous.toString(), current.toString(),
        "--previous", previous.toString(), "--out", out.toString(), "--top", "3"));
    int exit = StatsCommand.run(spark, parsed.options(), new PrintStream(stdoutBytes, true, StandardCharsets.UTF_8),
        new PrintStream(stderrBytes, true, StandardCharsets.UTF_8));
    stdout = stdoutBytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(stderrBytes.toString(StandardCharsets.UTF_8)).isZero();
    summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }

  /** The adoption ALL counts of a scan, by SQL on its rows (the contract's definitions written out again). */
  private static Map<String, Long> expectedHeadline(Dataset<Row> rows) {
    String adopter = "outcome NOT IN ('NO_DOMAIN', 'NO_RECORD', 'UNDETERMINED')";
    String usable = "outcome IN ('VALID_NONE', 'VALID_TESTING', 'VALID_ENFORCE')";
    Map<String, String> sql = new LinkedHashMap<>();
    sql.put("scanned", "true");
    sql.put("nxdomain", "outcome = 'NO_DOMAIN'");
    sql.put("undetermined", "outcome = 'UNDETERMINED'");
    sql.put("existing", "outcome != 'NO_DOMAIN'");
    sql.put("measured", "outcome NOT IN ('NO_DOMAIN', 'UNDETERMINED')");
    sql.put("sts_record", adopter);
    sql.put("record_valid", "record_valid AND outcome != 'UNDETERMINED'");
    sql.put("policy_usable", usable);
    sql.put("policy_usable_lenient", "outcome NOT IN ('NO_DOMAIN', 'UNDETERMINED') AND outcome_lenient IN"
        + " ('VALID_NONE', 'VALID_TESTING', 'VALID_ENFORCE')");
    sql.put("mode_enforce", ENFORCE);
    sql.put("mode_testing", "outcome = 'VALID_TESTING'");
    sql.put("mode_none", "outcome = 'VALID_NONE'");
    sql.put("misconfigured", adopter + " AND (outcome IN ('RECORD_INVALID', 'POLICY_UNAVAILABLE', 'POLICY_INVALID')"
        + " OR coalesce(delivery_risk IN ('PARTIAL', 'TOTAL'), false))");
    sql.put("outcome_flips", "outcome NOT IN ('NO_DOMAIN', 'UNDETERMINED') AND outcome != outcome_lenient");
    Map<String, Long> counts = new LinkedHashMap<>();
    sql.forEach((name, condition) -> counts.put(name, rows.filter(condition).count()));
    return counts;
  }

  private static List<Map<String, String>> csv(String table) throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("csv").resolve(table + ".csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(",", -1));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      // the sandbox values hold no comma or quote, so a plain split reads them
      String[] fields = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), fields[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  private static Dataset<Row> parquet(String table) {
    return spark.read().parquet(out.resolve("parquet").resolve(table).toString());
  }

  @Test
  void adoptionAgreesInCsvParquetAndSummaryWithCountsFromTheRows() throws Exception {
    Map<String, Map<String, Long>> expected = new HashMap<>();
    expected.put("e2e", expectedHeadline(previousRows));
    expected.put("e2e-next", expectedHeadline(currentRows));
    assertThat(expected.get("e2e").get("sts_record")).isPositive();
    assertThat(expected.get("e2e-next").get("scanned")).isLessThan(expected.get("e2e").get("scanned"));

    List<Map<String, String>> csvAll = csv("adoption").stream().filter(r -> r.get("scope").equals("ALL")).toList();
    assertThat(csvAll).extracting(r -> r.get("scan_id")).containsExactly("e2e", "e2e-next");
    List<Row> parquetAll = parquet("adoption").filter("scope = 'ALL'").collectAsList();
    assertThat(parquetAll).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode scan = summary.get("scans").get(i);
      String scanId = scan.get("scan_id").asText();
      Map<String, String> csvRow = csvAll.stream().filter(r -> r.get("scan_id").equals(scanId)).findFirst()
          .orElseThrow();
      Row parquetRow = parquetAll.stream().filter(r -> r.getAs("scan_id").equals(scanId)).findFirst().orElseThrow();
      assertThat(csvRow.get("list")).isEqualTo("sandbox-e2e");
      assertThat(scan.get("rows").asLong()).isEqualTo(expected.get(scanId).get("scanned"));
      for (Map.Entry<String, Long> count : expected.get(scanId).entrySet()) {
        String name = count.getKey();
        assertThat(scan.get("headline").get(name).asLong()).as(scanId + " summary " + name).isEqualTo(count.getValue());
        if (!name.equals("outcome_flips")) {
          assertThat(Long.parseLong(csvRow.get(name))).as(scanId + " csv " + name).isEqualTo(count.getValue());
          assertThat((Long) parquetRow.getAs(name)).as(scanId + " parquet " + name).isEqualTo(count.getValue());
        }
      }
      double share = (double) expected.get(scanId).get("sts_record") / expected.get(scanId).get("measured");
      assertThat(Double.parseDouble(csvRow.get("share_sts_record"))).isCloseTo(share, org.assertj.core.data.Offset.offset(1e-6));
      assertThat((Double) parquetRow.getAs("share_sts_record")).isEqualTo(Double.parseDouble(csvRow.get("share_sts_record")));
      assertThat(scan.get("headline").get("share_sts_record").asDouble()).isEqualTo(Double.parseDouble(csvRow.get("share_sts_record")));
    }
    assertThat(summary.get("scans").get(0).get("resolvers").get(0).asText()).startsWith("127.0.0.1:");
    assertThat(summary.get("psl").get("version").asText()).isEqualTo("2026-10-06_16-13-12_UTC");
    assertThat(stdout).contains("16 tables");
  }

  @Test
  void findingsAgreeWithTheRows() throws Exception {
    Map<String, Long> expected = new HashMap<>();
    for (Row row : previousRows.filter("outcome NOT IN ('NO_DOMAIN', 'UNDETERMINED')")
        .selectExpr("explode(findings) AS code").groupBy("code").count().collectAsList()) {
      expected.put(row.getString(0), row.getLong(1));
    }
    assertThat(expected).isNotEmpty();
    List<Map<String, String>> rows = csv("findings").stream().filter(r -> r.get("scan_id").equals("e2e")).toList();
    assertThat(rows).hasSize(FindingCode.values().length);
    for (Map<String, String> row : rows) {
      assertThat(Long.parseLong(row.get("domains"))).as(row.get("code"))
          .isEqualTo(expected.getOrDefault(row.get("code"), 0L));
    }
  }

  @Test
  void changesAgreeWithTheEdits() throws Exception {
    long newAdopters = previousRows.filter(NEW_ADOPTER).count();
    long notRotated = previousRows.filter(NOT_ROTATED.and(DROPPED.unary_$bang())).count();
    long dropped = previousRows.filter(DROPPED).count();
    long undetermined = previousRows.filter("outcome = 'UNDETERMINED'").count();
    assertThat(newAdopters).isPositive();
    assertThat(notRotated).isPositive();
    assertThat(dropped).isPositive();

    Map<String, Long> byKind = new HashMap<>();
    for (Map<String, String> row : csv("changes")) {
      assertThat(row.get("scan_id")).isEqualTo("e2e-next");
      byKind.merge(row.get("kind"), Long.parseLong(row.get("domains")), Long::sum);
    }
    assertThat(byKind.get("TRANSITION")).isEqualTo(previousRows.count());
    assertThat(byKind.get("NEW_ADOPTER")).isEqualTo(newAdopters);
    assertThat(byKind.get("ID_NOT_ROTATED")).isEqualTo(notRotated);
    assertThat(byKind.get("NOT_COMPARABLE")).isEqualTo(dropped + undetermined);
    assertThat(byKind).containsOnlyKeys("TRANSITION", "NEW_ADOPTER", "ID_NOT_ROTATED", "NOT_COMPARABLE");

    Map<String, Long> parquetKinds = new HashMap<>();
    for (Row row : parquet("change_domains").groupBy("kind").count().collectAsList()) {
      parquetKinds.put(row.getString(0), row.getLong(1));
    }
    assertThat(parquetKinds).containsExactlyInAnyOrderEntriesOf(Map.of("NEW_ADOPTER", newAdopters,
        "ID_NOT_ROTATED", notRotated));
    assertThat(csv("change_domains")).hasSize((int) (newAdopters + notRotated))
        .filteredOn(r -> r.get("kind").equals("NEW_ADOPTER"))
        .allSatisfy(r -> assertThat(r.get("current_sts_id")).isEqualTo("new1"));
    assertThat(summary.get("previous").get("scan_id").asText()).isEqualTo("e2e");
  }

  @Test
  void everyTableHasOneParquetFileWithTheDeclaredColumnsAndDocs() throws Exception {
    List<String> names = new ArrayList<>();
    summary.get("tables").fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyElementsOf(StatsTables.all().stream().map(StatsTable::name).toList());
    for (StatsTable table : StatsTables.all()) {
      Path dir = out.resolve("parquet").resolve(table.name());
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.filter(p -> p.getFileName().toString().endsWith(".parquet"))).as(table.name()).hasSize(1);
      }
      StructField[] fields = parquet(table.name()).schema().fields();
      assertThat(fields).extracting(StructField::name)
          .containsExactlyElementsOf(table.columns().stream().map(StatsColumn::name).toList());
      for (int i = 0; i < fields.length; i++) {
        assertThat(fields[i].getComment().get()).isEqualTo(table.columns().get(i).doc());
      }
      assertThat(Files.readAllLines(out.resolve("csv").resolve(table.name() + ".csv")).get(0))
          .isEqualTo(String.join(",", table.columns().stream().map(StatsColumn::name).toList()));
      long csvRows = Files.readAllLines(out.resolve("csv").resolve(table.name() + ".csv")).size() - 1;
      assertThat(parquet(table.name()).count()).as(table.name()).isEqualTo(csvRows);
      assertThat(summary.get("tables").get(table.name()).get("rows").asLong()).isEqualTo(csvRows);
    }
  }

  @Test
  void providerTablesKeepTheTopNAndOther() throws Exception {
    List<Map<String, String>> mail = csv("mail_providers").stream().filter(r -> r.get("scan_id").equals("e2e"))
        .toList();
    assertThat(mail.size()).isLessThanOrEqualTo(4);
    long denominator = previousRows.filter("outcome NOT IN ('NO_DOMAIN', 'NO_RECORD', 'UNDETERMINED')"
        + " AND exists(mx_records, r -> r != '0 .')").count();
    assertThat(mail).allSatisfy(r -> assertThat(Long.parseLong(r.get("denominator"))).isEqualTo(denominator));
  }

  @Test
  void aJsonLinesScanGivesTheSameTables() throws Exception {
    Path root = SandboxScan.get().root().resolve("stats-json");
    FileTrees.deleteTree(root);
    Path json = root.resolve("scan_date=2026-11-29/scan_id=e2e-next");
    currentRows.coalesce(2).write().option("ignoreNullFields", "false").json(json.toString());
    Files.copy(current.resolve("_run.json"), json.resolve("_run.json"));
    Path jsonOut = root.resolve("stats");
    StatsCommand.Parsed parsed = StatsCommand.parse(List.of(json.toString(), "--out", jsonOut.toString(),
        "--top", "3"));
    assertThat(StatsCommand.run(spark, parsed.options(), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(new ByteArrayOutputStream()))).isZero();
    for (String table : List.of("adoption", "findings", "tlsrpt", "mail_providers", "policy_hosting")) {
      List<String> fromParquetScan = Files.readAllLines(out.resolve("csv").resolve(table + ".csv")).stream()
          .filter(line -> !line.contains(",e2e,")).toList();
      assertThat(Files.readAllLines(jsonOut.resolve("csv").resolve(table + ".csv"))).as(table)
          .containsExactlyElementsOf(fromParquetScan);
    }
  }

  @Test
  void zeroRowsAndMissingRunJsonAreErrorsNamingThePath() throws Exception {
    Path root = SandboxScan.get().root().resolve("stats-errors");
    FileTrees.deleteTree(root);
    Path empty = root.resolve("scan_date=2026-11-30/scan_id=empty");
    previousRows.limit(0).write().parquet(empty.toString());
    Files.copy(previous.resolve("_run.json"), empty.resolve("_run.json"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StatsCommand.Parsed parsed = StatsCommand.parse(List.of(empty.toString(), "--out", root.resolve("o").toString()));
    int exit = StatsCommand.run(spark, parsed.options(), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("0 rows").contains(empty.toString());
    assertThat(root.resolve("o")).doesNotExist();

    Files.delete(empty.resolve("_run.json"));
    err.reset();
    assertThat(StatsCommand.run(List.of(empty.toString()), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(empty.resolve("_run.json").toString()).contains("missing");
  }
}
