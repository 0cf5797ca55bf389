package org.mtastscensus.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.sandbox.SandboxWorld;
import org.mtastscensus.sandbox.WorldCase;
import org.mtastscensus.schema.ResultColumns;
import scala.jdk.javaapi.CollectionConverters;

/**
 * End to end through Spark: the sandbox catalogue plus bulk domains, with duplicates and malformed lines in the
 * input, scanned by {@code mtasts scan} in the shared local[2] session (once per JVM, see {@link SandboxScan});
 * the Parquet is read back with Spark and with DuckDB (an independent reader), and {@code _run.json} is checked.
 */
class ScanJobSandboxTest {
  static final int BULK = SandboxScan.BULK;
  private static SandboxWorld world;
  private static Path published;
  private static JsonNode run;
  private static final Map<String, Verdict> bySpark = new HashMap<>();
  private static final Map<String, Verdict> byDuckDb = new HashMap<>();

  record Verdict(String outcome, String outcomeLenient, Set<String> findings, String risk) {}

  @BeforeAll
  static void scanTheWorld() throws Exception {
    SandboxScan.Scanned scanned = SandboxScan.get();
    world = scanned.world();
    published = scanned.published();
    Path dir = scanned.root();
    run = new ObjectMapper().readTree(published.resolve("_run.json").toFile());

    for (Row row : SparkTestSession.get().read().parquet(dir.resolve("out").toString())
        .select("domain", "outcome", "outcome_lenient", "findings", "delivery_risk").collectAsList()) {
      Set<String> findings = new TreeSet<>(CollectionConverters.asJava(row.<String>getSeq(3)));
      bySpark.put(row.getString(0), new Verdict(row.getString(1), row.getString(2), findings, row.getString(4)));
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement();
        ResultSet rows = statement.executeQuery("SELECT domain, outcome, outcome_lenient, findings, delivery_risk"
            + " FROM read_parquet('" + dir.resolve("out") + "/*/*/*.parquet', hive_partitioning = true)"
            + " WHERE scan_id = 'e2e'")) {
      while (rows.next()) {
        Array array = rows.getArray(4);
        Set<String> findings = new TreeSet<>();
        for (Object code : (Object[]) array.getArray()) {
          findings.add((String) code);
        }
        byDuckDb.put(rows.getString(1), new Verdict(rows.getString(2), rows.getString(3), findings,
            rows.getString(5)));
      }
    }
  }

  static Stream<WorldCase> cases() {
    try (SandboxWorld w = SandboxWorld.start()) {
      return w.cases().stream();
    }
  }

  static Verdict expected(WorldCase c) {
    Set<String> findings = new TreeSet<>();
    c.findings().forEach(code -> findings.add(code.name()));
    return new Verdict(c.outcome().name(), c.outcomeLenient().name(), findings,
        c.risk() == null ? null : c.risk().name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sparkReadsTheExpectedVerdict(WorldCase c) {
    assertThat(bySpark.get(c.domain())).as(c.domain() + " (" + c.what() + ")").isEqualTo(expected(c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void duckDbReadsTheExpectedVerdict(WorldCase c) {
    assertThat(byDuckDb.get(c.domain())).as(c.domain() + " (" + c.what() + ")").isEqualTo(expected(c));
  }

  @Test
  void oneRowPerDistinctDomainInTheHivePartition() {
    int expected = world.cases().size() + BULK;
    assertThat(bySpark).hasSize(expected);
    assertThat(byDuckDb).hasSize(expected);
    assertThat(published.getParent().getFileName().toString()).startsWith("scan_date=");
    assertThat(published.getFileName().toString()).isEqualTo("scan_id=e2e");
    assertThat(published.getParent().getParent().resolve(StagingArea.STAGING)).doesNotExist();
  }

  @Test
  void parquetFooterSchemaIsTheOneDerivedFromResultColumns() throws Exception {
    Path file;
    try (Stream<Path> files = Files.list(published)) {
      file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toString()), new Configuration()))) {
      Map<String, String> keyValues = reader.getFooter().getFileMetaData().getKeyValueMetaData();
      StructType written = (StructType) DataType.fromJson(keyValues.get("org.apache.spark.sql.parquet.row.metadata"));
      // names, order, types, nullability and metadata (comment = column doc) all at once
      assertThat(written).isEqualTo(SparkSchemas.scanResult());
      MessageType parquet = reader.getFooter().getFileMetaData().getSchema();
      List<String> required = new ArrayList<>();
      parquet.getFields().stream().filter(f -> f.getRepetition() == Type.Repetition.REQUIRED)
          .forEach(f -> required.add(f.getName()));
      List<String> notNullable = ResultColumns.all().stream().filter(c -> !c.nullable()).map(c -> c.name()).toList();
      assertThat(required).containsExactlyElementsOf(notNullable);
    }
  }

  @Test
  void sparkReadsTheColumnDocsBack() {
    StructType read = SparkTestSession.get().read().parquet(published.toString()).schema();
    List<String> names = new ArrayList<>();
    for (StructField field : read.fields()) {
      names.add(field.name());
      StructField declared = SparkSchemas.scanResult().apply(field.name());
      // Spark reads every Parquet column (and array element) as nullable; the footer test checks nullability
      assertThat(field.dataType().simpleString()).as(field.name()).isEqualTo(declared.dataType().simpleString());
      assertThat(field.getComment().get()).as(field.name()).isEqualTo(declared.getComment().get());
    }
    assertThat(names).containsExactlyElementsOf(ResultColumns.all().stream().map(c -> c.name()).toList());
  }

  @Test
  void runJsonRecordsVersionsConfigurationInputAndCounts() {
    assertThat(run.get("scan_id").asText()).isEqualTo("e2e");
    assertThat(run.get("versions").get("spark").asText()).isEqualTo("4.2.0");
    assertThat(run.get("versions").get("java").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(run.get("versions").get("schema_version").asInt()).isEqualTo(ResultColumns.SCHEMA_VERSION);
    assertThat(run.get("configuration").get("list_id").asText()).isEqualTo("sandbox-e2e");
    JsonNode engine = run.get("configuration").get("engine");
    assertThat(engine.get("resolvers").get(0).asText()).isEqualTo("127.0.0.1:" + world.dnsAddress().getPort());
    assertThat(engine.get("extraTrustCaSha256").get(0).asText()).matches("[0-9a-f]{64}");
    assertThat(engine.get("dnsTimeoutMillis").asLong()).isEqualTo(400);
    assertThat(engine.get("maxDomainsInFlight").asInt()).isEqualTo(200);

    JsonNode input = run.get("input");
    int domains = world.cases().size() + BULK;
    assertThat(input.get("read").asLong()).isEqualTo(domains + 6);
    assertThat(input.get("duplicate").asLong()).isEqualTo(2);
    assertThat(input.get("malformed").asLong()).isEqualTo(4);
    assertThat(input.get("malformed_by_reason").get("IP_LITERAL").get("samples").get(0).asText())
        .isEqualTo("192.0.2.1");
    assertThat(input.get("malformed_by_reason").get("LABEL_EMPTY").get("count").asLong()).isEqualTo(1);
    assertThat(input.get("malformed_by_reason").get("NOT_LDH").get("count").asLong()).isEqualTo(2);
    assertThat(input.get("accepted").asLong()).isEqualTo(domains);

    assertThat(run.get("rows").asLong()).isEqualTo(domains);
    Map<String, Long> outcomes = new HashMap<>();
    bySpark.values().forEach(v -> outcomes.merge(v.outcome(), 1L, Long::sum));
    outcomes.forEach((outcome, n) -> assertThat(run.get("outcomes").get(outcome).asLong()).as(outcome).isEqualTo(n));
    Map<String, Long> findings = new HashMap<>();
    bySpark.values().forEach(v -> v.findings().forEach(code -> findings.merge(code, 1L, Long::sum)));
    assertThat(run.get("findings").size()).isEqualTo(findings.size());
    findings.forEach((code, n) -> assertThat(run.get("findings").get(code).asLong()).as(code).isEqualTo(n));
    assertThat(run.get("throughput").get("domains_per_second").asDouble()).isPositive();
    assertThat(run.get("started_at").asText()).isLessThan(run.get("finished_at").asText());
  }
}
