package org.mtastscensus.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtastscensus.spark.SandboxScanFixture;
import org.mtastscensus.spark.SandboxScanFixture.ScanRow;
import org.mtastscensus.FileTrees;

/**
 * The dashboard SQL ({@code src/main/sql/duckdb/views.sql}) loaded into DuckDB over real scan Parquet written by
 * the Spark job ({@link SandboxScanFixture}: two scans of the sandbox world). Every view must run, and its numbers
 * must equal counts made here in Java from the same rows, following the stats contract's definitions.
 *
 * <p>The stats views ({@code stats_*}) need the output of {@code mtasts stats}: {@link DuckDbStatsViewsTest}.
 */
class DuckDbViewsTest {
  static final Path PROJECT = Path.of(System.getProperty("mtasts.projectDir", "."));
  static final Path VIEWS = PROJECT.resolve("src/main/sql/duckdb/views.sql");
  static final Path CHANGE_VIEWS = PROJECT.resolve("src/main/sql/duckdb/views-changes.sql");
  static final Set<String> SCAN_VIEWS = Set.of("scan_results", "scan_runs", "domain_flags", "adopters",
      "findings_long", "findings_daily", "adoption_daily", "adoption_by_tld", "policy_hosting");
  // the mandatory tables of the stats contract; changes and change_domains live in views-changes.sql
  static final List<String> STATS_TABLES = List.of("adoption", "findings", "severities", "misconfiguration",
      "delivery_risk", "outcome_flips", "mx_coverage", "max_age", "tlsrpt", "fetch_status", "undetermined",
      "policy_hosting", "policy_host_networks", "mail_providers");
  static final Set<String> NOT_MEASURED = Set.of("NO_DOMAIN", "UNDETERMINED");
  static final Set<String> NOT_ADOPTER = Set.of("NO_DOMAIN", "NO_RECORD", "UNDETERMINED");
  static final Set<String> USABLE = Set.of("VALID_NONE", "VALID_TESTING", "VALID_ENFORCE");
  static final Set<String> MISCONFIGURED = Set.of("RECORD_INVALID", "POLICY_UNAVAILABLE", "POLICY_INVALID");

  static SandboxScanFixture.Scans scans;
  static Path dataRoot;
  static Connection duck;

  @BeforeAll
  static void loadViews() throws Exception {
    scans = SandboxScanFixture.get();
    dataRoot = PROJECT.resolve("target/dashboards-test/data");
    FileTrees.deleteTree(dataRoot);
    // a copy, because a later test adds a scan folder and the fixture is shared with other readers
    copyScans(scans, dataRoot.resolve("scans/sandbox"));
    duck = DriverManager.getConnection("jdbc:duckdb:");
    // the stats views bind at creation and need files: only the scan section is loaded here
    execute(duck, scanSection(Files.readString(VIEWS)), dataRoot);
  }

  @AfterAll
  static void close() throws SQLException {
    if (duck != null) {
      duck.close();
    }
  }

  /** Statements of a views file, with the data root written in as the file's header says. */
  static List<String> statements(String sql, Path root) {
    List<String> out = new ArrayList<>();
    for (String statement : sql.replace("@DATA_ROOT@", root.toAbsolutePath().toString()).split(";\\s*(\\n|$)")) {
      if (!statement.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
        out.add(statement);
      }
    }
    return out;
  }

  static String scanSection(String sql) {
    int stats = sql.indexOf("CREATE OR REPLACE VIEW stats_");
    assertThat(stats).as("views.sql has a stats section after the scan views").isPositive();
    return sql.substring(0, stats);
  }

  static void execute(Connection connection, String sql, Path root) throws SQLException {
    for (String statement : statements(sql, root)) {
      try (Statement s = connection.createStatement()) {
        s.execute(statement);
      } catch (SQLException e) {
        throw new SQLException("failed: " + statement.strip().lines().filter(l -> !l.startsWith("--"))
            .findFirst().orElse("") + " ... : " + e.getMessage(), e);
      }
    }
  }

  static List<Map<String, Object>> query(String sql) throws SQLException {
    return query(duck, sql);
  }

  static List<Map<String, Object>> query(Connection connection, String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static List<ScanRow> rows(String scanId) {
    return SandboxScanFixture.get().rows().stream().filter(r -> r.scanId().equals(scanId)).toList();
  }

  static long count(List<ScanRow> rows, Predicate<ScanRow> p) {
    return rows.stream().filter(p).count();
  }

  static boolean adopter(ScanRow r) {
    return !NOT_ADOPTER.contains(r.outcome());
  }

  static boolean misconfigured(ScanRow r) {
    return adopter(r) && (MISCONFIGURED.contains(r.outcome())
        || "PARTIAL".equals(r.deliveryRisk()) || "TOTAL".equals(r.deliveryRisk()));
  }

  /** The contract's headline counts, computed from the rows in Java. */
  static Map<String, Long> headline(List<ScanRow> rows) {
    Map<String, Long> h = new LinkedHashMap<>();
    h.put("scanned", (long) rows.size());
    h.put("nxdomain", count(rows, r -> r.outcome().equals("NO_DOMAIN")));
    h.put("undetermined", count(rows, r -> r.outcome().equals("UNDETERMINED")));
    h.put("existing", count(rows, r -> !r.outcome().equals("NO_DOMAIN")));
    h.put("measured", count(rows, r -> !NOT_MEASURED.contains(r.outcome())));
    h.put("sts_record", count(rows, DuckDbViewsTest::adopter));
    h.put("record_valid", count(rows, r -> r.recordValid() && !r.outcome().equals("UNDETERMINED")));
    h.put("policy_usable", count(rows, r -> USABLE.contains(r.outcome())));
    h.put("policy_usable_lenient", count(rows, r -> USABLE.contains(r.outcomeLenient())));
    h.put("mode_enforce", count(rows, r -> r.outcome().equals("VALID_ENFORCE")));
    h.put("mode_testing", count(rows, r -> r.outcome().equals("VALID_TESTING")));
    h.put("mode_none", count(rows, r -> r.outcome().equals("VALID_NONE")));
    h.put("misconfigured", count(rows, DuckDbViewsTest::misconfigured));
    h.put("outcome_flips", count(rows, r -> !NOT_MEASURED.contains(r.outcome())
        && !r.outcome().equals(r.outcomeLenient())));
    return h;
  }

  static String tld(String domain) {
    return domain.substring(domain.lastIndexOf('.') + 1);
  }

  static long asLong(Object value) {
    return ((Number) value).longValue();
  }

  @Test
  void everyScanViewRunsAndReturnsRows() throws SQLException {
    Set<String> views = new TreeSet<>();
    for (Map<String, Object> row : query("SELECT view_name FROM duckdb_views() WHERE NOT internal")) {
      views.add((String) row.get("view_name"));
    }
    assertThat(views).containsExactlyInAnyOrderElementsOf(SCAN_VIEWS);
    for (String view : views) {
      assertThat(asLong(query("SELECT count(*) AS n FROM " + view).get(0).get("n"))).as(view).isPositive();
    }
  }

  @Test
  void bothFixtureScansAreThere() {
    assertThat(scans.rows().stream().map(ScanRow::scanId).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(SandboxScanFixture.SCAN_A, SandboxScanFixture.SCAN_B);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SandboxScanFixture.SCAN_A, SandboxScanFixture.SCAN_B})
  void scanResultsHoldEveryDomainOnceWithItsVerdict(String scanId) throws SQLException {
    Map<String, String> expected = new TreeMap<>();
    rows(scanId).forEach(r -> expected.put(r.domain(), r.outcome() + "/" + r.outcomeLenient()));
    Map<String, String> actual = new TreeMap<>();
    for (Map<String, Object> row : query("SELECT domain, outcome || '/' || outcome_lenient AS v FROM scan_results"
        + " WHERE scan_id = '" + scanId + "'")) {
      assertThat(actual.put((String) row.get("domain"), (String) row.get("v"))).as("duplicate row").isNull();
    }
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SandboxScanFixture.SCAN_A, SandboxScanFixture.SCAN_B})
  void adoptionDailyEqualsTheContractCountedInJava(String scanId) throws SQLException {
    List<ScanRow> rows = rows(scanId);
    Map<String, Long> expected = headline(rows);
    List<Map<String, Object>> daily = query("SELECT * FROM adoption_daily WHERE scan_id = '" + scanId + "'");
    assertThat(daily).hasSize(1);
    Map<String, Object> row = daily.get(0);
    expected.forEach((column, n) -> assertThat(asLong(row.get(column))).as(column).isEqualTo(n));
    assertThat(row.get("scan_date").toString()).isEqualTo(rows.get(0).scanDate());
    assertThat(row.get("list")).isEqualTo(scanId.equals(SandboxScanFixture.SCAN_A)
        ? SandboxScanFixture.LIST_A : SandboxScanFixture.LIST_B);
    assertThat((Double) row.get("share_sts_record"))
        .isCloseTo((double) expected.get("sts_record") / expected.get("measured"), offset(1e-12));
    assertThat((Double) row.get("share_misconfigured"))
        .isCloseTo((double) expected.get("misconfigured") / expected.get("sts_record"), offset(1e-12));
    assertThat((Double) row.get("share_undetermined"))
        .isCloseTo((double) expected.get("undetermined") / expected.get("existing"), offset(1e-12));
    // the sandbox world has every kind of adopter, so the numbers under test are not trivially zero
    assertThat(expected.get("sts_record")).isPositive();
    assertThat(expected.get("misconfigured")).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SandboxScanFixture.SCAN_A, SandboxScanFixture.SCAN_B})
  void adoptersAreTheRowsWithAnStsRecordAndADeterminedVerdict(String scanId) throws SQLException {
    Set<String> expected = rows(scanId).stream().filter(DuckDbViewsTest::adopter).map(ScanRow::domain)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> actual = new TreeSet<>();
    query("SELECT domain FROM adopters WHERE scan_id = '" + scanId + "'")
        .forEach(r -> actual.add((String) r.get("domain")));
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SandboxScanFixture.SCAN_A, SandboxScanFixture.SCAN_B})
  void findingsLongHasOneRowPerDomainAndCode(String scanId) throws SQLException {
    Set<String> expected = new TreeSet<>();
    Map<String, long[]> perCode = new TreeMap<>();
    for (ScanRow r : rows(scanId)) {
      for (String code : r.findings()) {
        expected.add(r.domain() + " " + code);
        long[] counts = perCode.computeIfAbsent(code, c -> new long[2]);
        counts[0] += NOT_MEASURED.contains(r.outcome()) ? 0 : 1;
        counts[1] += adopter(r) ? 1 : 0;
      }
    }
    List<Map<String, Object>> longRows = query("SELECT domain || ' ' || code AS k FROM findings_long"
        + " WHERE scan_id = '" + scanId + "'");
    assertThat(longRows).hasSize(expected.size());
    assertThat(longRows.stream().map(r -> (String) r.get("k")).collect(Collectors.toSet())).isEqualTo(expected);

    Map<String, String> daily = new TreeMap<>();
    query("SELECT code, domains, adopters FROM findings_daily WHERE scan_id = '" + scanId + "'")
        .forEach(r -> daily.put((String) r.get("code"), r.get("domains") + "/" + r.get("adopters")));
    Map<String, String> expectedDaily = new TreeMap<>();
    perCode.forEach((code, c) -> expectedDaily.put(code, c[0] + "/" + c[1]));
    assertThat(daily).isEqualTo(expectedDaily);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SandboxScanFixture.SCAN_A, SandboxScanFixture.SCAN_B})
  void adoptionByTldCountsPerLastLabel(String scanId) throws SQLException {
    Map<String, String> expected = new TreeMap<>();
    rows(scanId).stream().collect(Collectors.groupingBy(r -> tld(r.domain()))).forEach((tld, group) -> {
      Map<String, Long> h = headline(group);
      expected.put(tld, h.get("scanned") + "/" + h.get("measured") + "/" + h.get("sts_record") + "/"
          + h.get("mode_enforce") + "/" + h.get("misconfigured"));
    });
    Map<String, String> actual = new TreeMap<>();
    query("SELECT tld, scanned || '/' || measured || '/' || sts_record || '/' || mode_enforce || '/' || misconfigured"
        + " AS v FROM adoption_by_tld WHERE scan_id = '" + scanId + "'")
        .forEach(r -> actual.put((String) r.get("tld"), (String) r.get("v")));
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SandboxScanFixture.SCAN_A, SandboxScanFixture.SCAN_B})
  void policyHostingGroupsAdoptersByTheLastCnameTarget(String scanId) throws SQLException {
    Map<String, Long> expected = rows(scanId).stream().filter(DuckDbViewsTest::adopter)
        .collect(Collectors.groupingBy(r -> r.policyHostCnameChain().isEmpty() ? "(no CNAME)"
            : r.policyHostCnameChain().get(r.policyHostCnameChain().size() - 1), TreeMap::new, Collectors.counting()));
    Map<String, Long> actual = new TreeMap<>();
    query("SELECT policy_host_target, domains FROM policy_hosting WHERE scan_id = '" + scanId + "'")
        .forEach(r -> actual.put((String) r.get("policy_host_target"), asLong(r.get("domains"))));
    assertThat(actual).isEqualTo(expected);
    if (scanId.equals(SandboxScanFixture.SCAN_A)) {
      assertThat(actual.keySet()).as("the catalogue delegates a policy host by CNAME").hasSizeGreaterThan(1);
    }
  }

  @Test
  void scanRunsNameTheListOfEachScan() throws SQLException {
    Map<String, String> lists = new TreeMap<>();
    query("SELECT scan_id, list, \"rows\" FROM scan_runs").forEach(r -> {
      lists.put((String) r.get("scan_id"), (String) r.get("list"));
      assertThat(asLong(r.get("rows"))).isEqualTo(rows((String) r.get("scan_id")).size());
    });
    assertThat(lists).containsExactlyInAnyOrderEntriesOf(Map.of(
        SandboxScanFixture.SCAN_A, SandboxScanFixture.LIST_A, SandboxScanFixture.SCAN_B, SandboxScanFixture.LIST_B));
  }

  /** The nightly run only adds folders: the views pick them up without being created again. */
  @Test
  void aScanWrittenAfterTheViewsAppearsWithoutReloading() throws Exception {
    Path source = scans.dirs().get(SandboxScanFixture.SCAN_B);
    Path later = dataRoot.resolve("scans/nightly").resolve(source.getParent().getFileName())
        .resolve("scan_id=later");
    copyTree(source, later);
    try {
      List<Map<String, Object>> daily = query("SELECT sts_record FROM adoption_daily WHERE scan_id = 'later'");
      assertThat(daily).hasSize(1);
      assertThat(asLong(daily.get(0).get("sts_record")))
          .isEqualTo(headline(rows(SandboxScanFixture.SCAN_B)).get("sts_record"));
    } finally {
      FileTrees.deleteTree(dataRoot.resolve("scans/nightly"));
    }
  }

  record Stats(int exit, String err) {}

  /**
   * The stats command as {@code mtasts stats} runs it (arguments parsed by the command line), on the tests' shared
   * Spark session, which it leaves running.
   */
  static Stats stats(List<String> args) throws Exception {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream errStream = new java.io.PrintStream(err, true, StandardCharsets.UTF_8);
    org.mtastscensus.stats.spark.StatsCommand.Parsed parsed = org.mtastscensus.stats.spark.StatsCommand.parse(args);
    int exit = org.mtastscensus.stats.spark.StatsCommand.run(SandboxScanFixture.spark(), parsed.options(),
        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), errStream);
    return new Stats(exit, err.toString(StandardCharsets.UTF_8));
  }

  /** Each scan folder under root, keeping its scan_date=/scan_id= levels. */
  static void copyScans(SandboxScanFixture.Scans scans, Path root) throws IOException {
    for (Path dir : scans.dirs().values()) {
      copyTree(dir, root.resolve(dir.getParent().getFileName().toString()).resolve(dir.getFileName().toString()));
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

}
