package org.mtastscensus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ReportCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesStatsDirReportHtmlByDefault(@TempDir Path tmp) throws Exception {
    Path stats = Fixtures.copy(tmp.resolve("stats"));
    assertThat(run(stats.toString())).isZero();
    Path page = stats.resolve("report.html");
    assertThat(page).exists();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("report: " + page + " (");
    assertThat(Files.readString(page)).contains("MTA-STS adoption report");
    try (var leftovers = Files.list(stats)) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void outAndHistoryAreHonoured(@TempDir Path tmp) {
    Path page = tmp.resolve("sub/dir/r.html");
    assertThat(run(Fixtures.statsDir().toString(), "--history", Fixtures.historyRoot().toString(), "--out",
        page.toString())).as(err()).isZero();
    assertThat(page).exists();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 scans in the trend");
  }

  @Test
  void severalScansOfOneListMakeATrendWithoutHistory(@TempDir Path tmp) throws Exception {
    Path stats = Fixtures.copy(tmp.resolve("stats"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode summary = (ObjectNode) json.readTree(stats.resolve("summary.json").toFile());
    ArrayNode scans = (ArrayNode) summary.get("scans");
    scans.insert(0, ((ObjectNode) scans.get(0).deepCopy()).put("scan_date", "2026-10-31"));
    json.writeValue(stats.resolve("summary.json").toFile(), summary);
    assertThat(run(stats.toString())).as(err()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 scans in the trend");
    assertThat(Files.readString(stats.resolve("report.html"))).contains("Adoption across scans");
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("a", "b")).isEqualTo(2);
    assertThat(run("a", "--bogus")).isEqualTo(2);
    assertThat(run("a", "--out")).isEqualTo(2);
    assertThat(run("a", "--history")).isEqualTo(2);
    assertThat(err().lines().toList()).containsExactly(
        "mtasts report: STATS_DIR is missing (usage: mtasts report STATS_DIR [--history STATS_ROOT] "
            + "[--out FILE.html])",
        "mtasts report: one STATS_DIR only, got a and b",
        "mtasts report: unknown option --bogus (see mtasts report --help)",
        "mtasts report: --out needs a value",
        "mtasts report: --history needs a value");
  }

  @Test
  void missingStatsFolderOrFilesExitOneNamingThem(@TempDir Path tmp) throws Exception {
    assertThat(run(tmp.resolve("none").toString())).isEqualTo(1);
    assertThat(err()).contains("not a directory");

    Path stats = Fixtures.copy(tmp.resolve("stats"));
    Files.delete(stats.resolve("csv/findings.csv"));
    err.reset();
    assertThat(run(stats.toString())).isEqualTo(1);
    assertThat(err()).startsWith("mtasts report: csv/findings.csv: missing (expected at ");

    Files.delete(stats.resolve("summary.json"));
    err.reset();
    assertThat(run(stats.toString())).isEqualTo(1);
    assertThat(err()).startsWith("mtasts report: summary.json: missing");
    assertThat(stats.resolve("report.html")).doesNotExist();
  }

  @Test
  void malformedInputsExitOneNamingTheFile(@TempDir Path tmp) throws Exception {
    Path stats = Fixtures.copy(tmp.resolve("stats"));
    Fixtures.rewrite(stats.resolve("csv/delivery_risk.csv"), "NONE,309,", "NONE,lots,");
    assertThat(run(stats.toString())).isEqualTo(1);
    assertThat(err()).isEqualTo("mtasts report: csv/delivery_risk.csv: record 2, column domains: \"lots\" is not an "
        + "integer" + System.lineSeparator());

    stats = Fixtures.copy(tmp.resolve("stats2"));
    Fixtures.rewrite(stats.resolve("csv/max_age.csv"), "bucket,", "bukket,");
    err.reset();
    assertThat(run(stats.toString())).isEqualTo(1);
    assertThat(err()).contains("csv/max_age.csv: required column bucket is missing");

    stats = Fixtures.copy(tmp.resolve("stats3"));
    Fixtures.rewrite(stats.resolve("summary.json"), "\"stats_version\": 1,", "\"stats_version\": 1,,");
    err.reset();
    assertThat(run(stats.toString())).isEqualTo(1);
    assertThat(err()).startsWith("mtasts report: summary.json: not valid JSON");

    stats = Fixtures.copy(tmp.resolve("stats4"));
    Fixtures.rewrite(stats.resolve("summary.json"), "\"measured\": 3066,", "");
    err.reset();
    assertThat(run(stats.toString())).isEqualTo(1);
    assertThat(err()).isEqualTo("mtasts report: summary.json: scans[0].headline.measured is missing"
        + System.lineSeparator());

    stats = Fixtures.copy(tmp.resolve("stats5"));
    Fixtures.rewrite(stats.resolve("summary.json"), "\"stats_version\": 1,", "\"stats_version\": 2,");
    err.reset();
    assertThat(run(stats.toString())).isEqualTo(1);
    assertThat(err()).contains("stats_version 2 is not supported");
  }

  @Test
  void statsOfAnotherScanAreRefused(@TempDir Path tmp) throws Exception {
    Path stats = Fixtures.copy(tmp.resolve("stats"));
    Fixtures.rewrite(stats.resolve("summary.json"), "\"scan_id\": \"demo\"", "\"scan_id\": \"other\"");
    assertThat(run(stats.toString())).isEqualTo(1);
    assertThat(err()).contains("csv/adoption.csv: no rows for scan 2026-11-28 other domains.txt");
  }

  @Test
  void brokenHistoryIsNamed(@TempDir Path tmp) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root/scan_date=2026-01-01"));
    Files.writeString(root.resolve("summary.json"), "{}");
    assertThat(run(Fixtures.statsDir().toString(), "--history", tmp.resolve("root").toString(), "--out",
        tmp.resolve("r.html").toString())).isEqualTo(1);
    assertThat(err()).contains("scan_date=2026-01-01/summary.json: stats_version is missing");
    err.reset();
    assertThat(run(Fixtures.statsDir().toString(), "--history", tmp.resolve("nowhere").toString(), "--out",
        tmp.resolve("r.html").toString())).isEqualTo(1);
    assertThat(err()).contains("--history").contains("not a directory");
  }
}
