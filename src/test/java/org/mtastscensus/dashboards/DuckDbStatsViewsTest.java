package org.mtastscensus.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtastscensus.dashboards.DuckDbViewsTest.asLong;
import static org.mtastscensus.dashboards.DuckDbViewsTest.headline;
import static org.mtastscensus.dashboards.DuckDbViewsTest.rows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtastscensus.spark.SandboxScanFixture;
import org.mtastscensus.FileTrees;

/**
 * The stats views ({@code stats_*} in views.sql and views-changes.sql). Runs the real stats command (parsed as
 * {@code mtasts stats} parses it, on the tests' shared Spark session) over the fixture's two scans (once over both,
 * once over scan B with {@code --previous} scan A), loads every view and holds the stats views against the scan
 * views, whose numbers {@link DuckDbViewsTest} checks against Java counts.
 */
class DuckDbStatsViewsTest {
  static Path both;
  static Connection duck;

  @BeforeAll
  static void runStatsAndLoadEveryView() throws Exception {
    SandboxScanFixture.Scans scans = SandboxScanFixture.get();
    Path dataRoot = DuckDbViewsTest.PROJECT.resolve("target/dashboards-stats-test/data");
    FileTrees.deleteTree(dataRoot);
    DuckDbViewsTest.copyScans(scans, dataRoot.resolve("scans/sandbox"));
    Path dirA = scans.dirs().get(SandboxScanFixture.SCAN_A);
    Path dirB = scans.dirs().get(SandboxScanFixture.SCAN_B);
    both = dataRoot.resolve("stats/both");
    DuckDbViewsTest.Stats first = DuckDbViewsTest.stats(
        List.of(dirA.toString(), dirB.toString(), "--out", both.toString()));
    assertThat(first.exit()).as(first.err()).isZero();
    DuckDbViewsTest.Stats second = DuckDbViewsTest.stats(List.of(dirB.toString(), "--previous", dirA.toString(),
        "--out", dataRoot.resolve("stats/previous").toString()));
    assertThat(second.exit()).as(second.err()).isZero();
    duck = DriverManager.getConnection("jdbc:duckdb:");
    DuckDbViewsTest.execute(duck, Files.readString(DuckDbViewsTest.VIEWS), dataRoot);
    DuckDbViewsTest.execute(duck, Files.readString(DuckDbViewsTest.CHANGE_VIEWS), dataRoot);
  }

  @AfterAll
  static void close() throws SQLException {
    if (duck != null) {
      duck.close();
    }
  }

  static List<Map<String, Object>> query(String sql) throws SQLException {
    return DuckDbViewsTest.query(duck, sql);
  }

  /** Rows of the output over both scans only: the --previous output holds scan B a second time. */
  static String inBoth() {
    return " stats_dir = '" + both.toAbsolutePath() + "'";
  }

  @Test
  void everyStatsViewRunsAndHoldsBothScans() throws SQLException {
    for (String table : DuckDbViewsTest.STATS_TABLES) {
      Set<String> ids = new TreeSet<>();
      query("SELECT DISTINCT CAST(scan_id AS VARCHAR) AS scan_id FROM stats_" + table + " WHERE" + inBoth())
          .forEach(r -> ids.add((String) r.get("scan_id")));
      // tables with a row per value seen (undetermined, fetch_status, outcome_flips) may lack a scan's rows
      assertThat(ids).as(table).isSubsetOf(SandboxScanFixture.SCAN_A, SandboxScanFixture.SCAN_B);
    }
    for (String view : List.of("stats_changes", "stats_change_domains")) {
      assertThat(asLong(query("SELECT count(*) AS n FROM " + view).get(0).get("n"))).as(view).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SandboxScanFixture.SCAN_A, SandboxScanFixture.SCAN_B})
  void statsAdoptionAllRowEqualsTheScanViews(String scanId) throws SQLException {
    List<Map<String, Object>> all = query("SELECT * FROM stats_adoption WHERE scope = 'ALL' AND scan_id = '"
        + scanId + "' AND" + inBoth());
    assertThat(all).hasSize(1);
    Map<String, Object> daily = query("SELECT * FROM adoption_daily WHERE scan_id = '" + scanId + "'").get(0);
    Map<String, Long> expected = headline(rows(scanId));
    expected.remove("outcome_flips");
    expected.forEach((column, n) -> {
      assertThat(asLong(all.get(0).get(column))).as(column).isEqualTo(n);
      assertThat(asLong(daily.get(column))).as(column).isEqualTo(n);
    });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SandboxScanFixture.SCAN_A, SandboxScanFixture.SCAN_B})
  void statsFindingsEqualFindingsDailyAndKeepZeroRows(String scanId) throws SQLException {
    Map<String, Long> fromScan = new TreeMap<>();
    query("SELECT code, adopters FROM findings_daily WHERE scan_id = '" + scanId + "'")
        .forEach(r -> fromScan.put((String) r.get("code"), asLong(r.get("adopters"))));
    Map<String, Long> fromStats = new TreeMap<>();
    query("SELECT code, adopters FROM stats_findings WHERE scan_id = '" + scanId + "' AND" + inBoth())
        .forEach(r -> fromStats.put((String) r.get("code"), asLong(r.get("adopters"))));
    assertThat(fromStats.keySet()).containsAll(fromScan.keySet());
    fromStats.forEach((code, n) -> assertThat(n).as(code).isEqualTo(fromScan.getOrDefault(code, 0L)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SandboxScanFixture.SCAN_A, SandboxScanFixture.SCAN_B})
  void policyHostingCountsEveryAdopterOnce(String scanId) throws SQLException {
    long sum = asLong(query("SELECT sum(domains) AS n FROM stats_policy_hosting WHERE scan_id = '" + scanId
        + "' AND" + inBoth()).get(0).get("n"));
    assertThat(sum).isEqualTo(headline(rows(scanId)).get("sts_record"));
  }

  @Test
  void theNamesPublishedBetweenTheScansAreNewAdopters() throws SQLException {
    Set<String> adopters = new TreeSet<>();
    query("SELECT domain FROM stats_change_domains WHERE kind = 'NEW_ADOPTER'")
        .forEach(r -> adopters.add((String) r.get("domain")));
    // addBulk makes every tenth name a correct enforce deployment
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < SandboxScanFixture.LATER; i += 10) {
      expected.add("later" + i + ".bulk.test");
    }
    assertThat(adopters).isEqualTo(expected);
  }

  @Test
  void changeDomainsListEveryDomainTheChangesCount() throws SQLException {
    Map<String, Long> counted = new TreeMap<>();
    query("SELECT kind, sum(domains) AS n FROM stats_changes WHERE kind NOT IN ('TRANSITION', 'NOT_COMPARABLE')"
        + " GROUP BY kind").forEach(r -> counted.put((String) r.get("kind"), asLong(r.get("n"))));
    Map<String, Long> listed = new TreeMap<>();
    query("SELECT kind, count(*) AS n FROM stats_change_domains GROUP BY kind")
        .forEach(r -> listed.put((String) r.get("kind"), asLong(r.get("n"))));
    assertThat(listed).isEqualTo(counted);
  }
}
