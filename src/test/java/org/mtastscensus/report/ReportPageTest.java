package org.mtastscensus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {
  private static String render(Path stats, Path history) throws Exception {
    StatsInput in = StatsInput.load(stats);
    return ReportPage.render(in, history == null ? null : HistoryReader.read(history, in.summary()), "test");
  }

  private static String text(String html) {
    return html.replace(Fmt.NBSP, " ");
  }

  @Test
  void headlineSpellsOutItsDenominators() throws Exception {
    String html = text(render(Fixtures.statsDir(), null));
    assertThat(html).contains("364 of 3,066 measured domains (11.9 %) publish an MTA-STS record; measured = "
        + "existing domains whose scan was conclusive.");
    assertThat(html).contains("324 of 3,066 measured domains have a valid record and a valid policy in mode enforce");
    assertThat(html).contains("41 of 364 domains with a record are misconfigured");
    assertThat(html).contains("6 of 3,072 existing domains could not be decided");
  }

  @Test
  void misconfigurationRuleAndPublishedFiguresAreStated() throws Exception {
    String html = text(render(Fixtures.statsDir(), null));
    assertThat(html).contains("A domain is misconfigured when it publishes an MTA-STS record",
        "29.6 % of ≈68 K adopters", "3.2 % should see delivery failures", "0.01–0.1 % of a zone file",
        "lower than the 29.6 % of IMC 2025", "far above every published population figure");
  }

  @Test
  void pageIsSelfContainedWithoutScriptOrUrls() throws Exception {
    String html = render(Fixtures.statsDir(), Fixtures.historyRoot());
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        + "style-src 'unsafe-inline'; img-src data:\">");
    // decision: no hyperlinks to RFCs or anything else; the only links are in-page anchors
    assertThat(html).doesNotContainPattern("(?i)https?://").doesNotContainPattern("(?i)<script")
        .doesNotContainPattern("(?i)<(img|link|iframe|object|embed)\\b").doesNotContainPattern("(?i)url\\(")
        .doesNotContainPattern("(?i)@import").doesNotContain("//");
    Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    List<String> targets = new ArrayList<>();
    while (hrefs.find()) {
      targets.add(hrefs.group(1));
    }
    assertThat(targets).isNotEmpty().allMatch(t -> t.matches("#[a-z-]+"));
  }

  @Test
  void everySectionIsPresent() throws Exception {
    String html = render(Fixtures.statsDir(), Fixtures.historyRoot());
    for (String id : List.of("key-figures", "published", "modes", "tlds", "findings", "delivery", "flips", "fetch",
        "maxage", "tlsrpt", "providers", "undetermined", "changes", "trends", "definitions")) {
      assertThat(html).contains("<section id=\"" + id + "\"");
    }
    assertThat(html).contains("Transition matrix", "Example domains per kind of change", "Adoption across scans",
        "2026-09-30", "2026-10-06_16-13-12_UTC", "127.0.0.1:49381", "mtasts report test");
  }

  @Test
  void hostileNamesAreEscapedEverywhere(@TempDir Path tmp) throws Exception {
    String html = render(Fixtures.hostileCopy(tmp.resolve("stats")), null);
    assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x")
        .doesNotContain("<b>B</b>").doesNotContain("<i>");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;",
        "x&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;.com", "list &quot;A&quot; &amp; &lt;b&gt;B&lt;/b&gt;");
    for (String svg : svgs(html)) {
      SvgAssert.parse(svg);
    }
  }

  @Test
  void missingOptionalTablesAreSaidInThePage(@TempDir Path tmp) throws Exception {
    Path stats = Fixtures.copy(tmp.resolve("stats"));
    Files.delete(stats.resolve("csv/changes.csv"));
    Files.delete(stats.resolve("csv/change_domains.csv"));
    String html = render(stats, null);
    assertThat(html).contains("Not available: the stats were produced without <code>--previous</code>")
        .doesNotContain("Transition matrix");
    assertThat(html).contains("Not drawn: no <code>--history STATS_ROOT</code> was given");
  }

  @Test
  void changesWithoutExampleDomainsStillRender(@TempDir Path tmp) throws Exception {
    Path stats = Fixtures.copy(tmp.resolve("stats"));
    Files.delete(stats.resolve("csv/change_domains.csv"));
    String html = render(stats, null);
    assertThat(html).contains("Transition matrix", "<code>csv/change_domains.csv</code> is absent");
  }

  @Test
  void aSingleScanMakesNoTrend(@TempDir Path tmp) throws Exception {
    String html = render(Fixtures.statsDir(), Files.createDirectories(tmp.resolve("empty")));
    assertThat(html).contains("the history holds 1 scan of list domains.txt; a trend needs at least two");
  }

  @Test
  void historyKeepsOnlyTheReportedList(@TempDir Path tmp) throws Exception {
    Path root = tmp.resolve("root");
    Path other = Files.createDirectories(root.resolve("zone"));
    Files.writeString(other.resolve("summary.json"), Files.readString(Fixtures.historyRoot()
        .resolve("scan_date=2026-10-31/scan_id=demo/summary.json")).replace("\"domains.txt\"", "\"com.zone\""));
    Path same = Files.createDirectories(root.resolve("same"));
    Files.copy(Fixtures.historyRoot().resolve("scan_date=2026-09-30/scan_id=demo/summary.json"),
        same.resolve("summary.json"));
    List<HistoryReader.Point> points = HistoryReader.read(root, StatsInput.load(Fixtures.statsDir()).summary());
    assertThat(points).extracting(p -> p.ref().scanDate()).containsExactly("2026-09-30", "2026-11-28");
  }

  @Test
  void severalScansAreComparedAndTheLastIsDetailed(@TempDir Path tmp) throws Exception {
    Path stats = Fixtures.copy(tmp.resolve("stats"));
    try (var files = Files.list(stats.resolve("csv"))) {
      for (Path csv : files.toList()) {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
          out.add(line.replace(",demo,domains.txt,", ",top,toplist.csv,"));
        }
        out.addAll(lines.subList(1, lines.size()));
        Files.write(csv, out, StandardCharsets.UTF_8);
      }
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode summary = (ObjectNode) json.readTree(stats.resolve("summary.json").toFile());
    ArrayNode scans = (ArrayNode) summary.get("scans");
    ObjectNode top = scans.get(0).deepCopy();
    top.put("scan_id", "top").put("list", "toplist.csv");
    scans.insert(0, top);
    json.writeValue(stats.resolve("summary.json").toFile(), summary);

    String html = render(stats, null);
    assertThat(html).contains("This stats folder summarises 2 scans", "toplist.csv");
    assertThat(count(html, "<th scope=\"row\">.com</th>")).isEqualTo(1);
    assertThat(count(html, "<th scope=\"row\">TLSRPT_MISSING</th>")).isEqualTo(1);
  }

  @Test
  void anEmptyScanRendersWithoutDividingByZero(@TempDir Path tmp) throws Exception {
    Path stats = Files.createDirectories(tmp.resolve("stats/csv"));
    for (var table : StatsInput.REQUIRED.entrySet()) {
      List<String> lines = new ArrayList<>();
      lines.add("scan_date,scan_id,list," + String.join(",", table.getValue()));
      if (table.getKey().equals("adoption")) {
        List<String> cells = new ArrayList<>(List.of("2026-11-28", "empty", "empty.txt"));
        for (String column : table.getValue()) {
          cells.add(column.equals("scope") ? "ALL" : column.equals("scope_value") ? "*"
              : column.startsWith("share_") ? "" : "0");
        }
        lines.add(String.join(",", cells));
      }
      Files.write(stats.resolve(table.getKey() + ".csv"), lines, StandardCharsets.UTF_8);
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode summary = (ObjectNode) json.readTree(Fixtures.statsDir().resolve("summary.json").toFile());
    ObjectNode scan = (ObjectNode) summary.get("scans").get(0);
    scan.put("scan_id", "empty").put("list", "empty.txt").put("rows", 0);
    ObjectNode headline = (ObjectNode) scan.get("headline");
    for (String f : iterable(headline)) {
      if (f.startsWith("share_")) {
        headline.putNull(f);
      } else {
        headline.put(f, 0);
      }
    }
    scan.putObject("max_age_quantiles");
    summary.putNull("previous");
    json.writeValue(tmp.resolve("stats/summary.json").toFile(), summary);

    String html = text(render(tmp.resolve("stats"), null));
    assertThat(html).contains("0 of 0 measured domains (n/a) publish an MTA-STS record", "no rows");
    for (String svg : svgs(html)) {
      SvgAssert.parse(svg);
    }
  }

  private static List<String> iterable(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }

  static List<String> svgs(String html) {
    List<String> out = new ArrayList<>();
    for (int at = html.indexOf("<svg"); at >= 0; at = html.indexOf("<svg", at + 1)) {
      out.add(html.substring(at, html.indexOf("</svg>", at) + 6));
    }
    return out;
  }
}
