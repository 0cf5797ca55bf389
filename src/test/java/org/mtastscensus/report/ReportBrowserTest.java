package org.mtastscensus.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the fixture report and opens it in real headless Chromium (Debian's /usr/bin/chromium) over the
 * DevTools protocol. Skipped when the browser is missing, unless MTASTS_REQUIRE_BROWSER=1 (CI), where a missing
 * browser is a failure.
 */
class ReportBrowserTest {
  @BeforeEach
  void browser() {
    if (Chromium.available()) {
      return;
    }
    if ("1".equals(System.getenv("MTASTS_REQUIRE_BROWSER"))) {
      fail("MTASTS_REQUIRE_BROWSER=1 but no chromium at " + Chromium.binary());
    }
    Assumptions.assumeTrue(false, "no chromium at " + Chromium.binary());
  }

  @Test
  void fixtureReportLoadsCleanlyAndFetchesNothing(@TempDir Path tmp) throws Exception {
    Path html = tmp.resolve("report.html");
    render(Fixtures.statsDir(), html, "--history", Fixtures.historyRoot().toString());
    Path screenshot = Path.of("target", "report-screenshot.png");

    PageCheck.Result result = PageCheck.check(html, screenshot);

    assertThat(result.problems()).isEmpty();
    assertThat(result.requests()).allMatch(u -> u.startsWith("file:") || u.startsWith("data:"));
    assertThat(result.scripts()).isZero();
    assertThat(result.svgs()).isGreaterThanOrEqualTo(15);
    String text = result.text().replace('\u00a0', ' ');
    assertThat(text).contains("364 of 3,066 measured domains (11.9 %) publish an MTA-STS record; measured = "
        + "existing domains whose scan was conclusive");
    assertThat(text).contains("Trends across scans", "29.6 %");
    assertThat(result.title()).contains("MTA-STS adoption report");
    assertThat(Files.size(screenshot)).isGreaterThan(50_000);
  }

  @Test
  void hostileValuesStayText(@TempDir Path tmp) throws Exception {
    Path stats = Fixtures.hostileCopy(tmp.resolve("stats"));
    Path html = tmp.resolve("report.html");
    render(stats, html);

    PageCheck.Result result = PageCheck.check(html, null);

    assertThat(result.problems()).isEmpty();
    assertThat(result.scripts()).isZero();
    assertThat(result.text()).contains(Fixtures.HOSTILE_PROVIDER, Fixtures.HOSTILE_LIST);
    assertThat(result.allText()).contains(Fixtures.HOSTILE_DOMAIN);
  }

  @Test
  void closingKillsTheWholeBrowserProcessTree() throws Exception {
    List<ProcessHandle> tree;
    try (Chromium chromium = Chromium.start()) {
      tree = chromium.processTree();
      assertThat(tree).hasSizeGreaterThan(1).allMatch(ProcessHandle::isAlive);
    }
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }

  private static void render(Path stats, Path html, String... more) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new java.util.ArrayList<>(List.of(stats.toString(), "--out", html.toString()));
    args.addAll(List.of(more));
    int code = ReportCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
  }
}
