package org.mtastscensus.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mtastscensus.stats.ChangeKind;
import org.mtastscensus.stats.DomainState;

/** Changes against the previous scan (tables changes and change_domains, written with stats --previous). */
final class ChangesSection {
  /** Example domains listed per change kind; the full list is csv/change_domains.csv. */
  static final int EXAMPLES = 8;
  static final List<String> STATES = DomainState.STATES;
  /** Every change kind but the matrix itself, with its meaning, in the changes table's order. */
  static final Map<String, String> KINDS = new LinkedHashMap<>();

  static {
    for (ChangeKind kind : ChangeKind.values()) {
      if (kind != ChangeKind.TRANSITION) {
        KINDS.put(kind.name(), kind.meaning());
      }
    }
  }

  private ChangesSection() {}

  static String render(StatsInput in) throws ReportException {
    ScanRef previous = in.summary().previous();
    if (!in.has("changes")) {
      return Blocks.section("changes", "Changes since the previous scan", null, Blocks.note("Not available: the "
          + "stats were produced without " + Blocks.code("--previous") + ", so " + Blocks.code("csv/changes.csv")
          + " and " + Blocks.code("csv/change_domains.csv") + " are absent. Run " + Blocks.code(
          "mtasts stats SCAN_DIR --previous EARLIER_SCAN_DIR") + " to compare two scans domain by domain."));
    }
    Map<String, Long> kinds = new LinkedHashMap<>();
    KINDS.keySet().forEach(k -> kinds.put(k, 0L));
    Map<String, Long> transitions = new LinkedHashMap<>();
    TreeSet<String> seenStates = new TreeSet<>((a, b) -> Integer.compare(rank(a), rank(b)) != 0
        ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
    for (CsvTable.Row row : in.table("changes").rows()) {
      String kind = String.valueOf(row.text("kind"));
      long n = row.count("domains");
      if (kind.equals("TRANSITION")) {
        String from = String.valueOf(row.text("from_value"));
        String to = String.valueOf(row.text("to_value"));
        transitions.merge(from + "\u0000" + to, n, Long::sum);
        seenStates.add(from);
        seenStates.add(to);
      } else {
        kinds.merge(kind, n, Long::sum);
      }
    }
    List<BarChart.Bar> bars = new ArrayList<>();
    HtmlTable table = new HtmlTable("Domains per kind of change", "kind", "meaning", "#domains");
    for (Map.Entry<String, Long> e : kinds.entrySet()) {
      String color = switch (e.getKey()) {
        case "NEW_ADOPTER", "MODE_UPGRADED" -> Palette.GREEN;
        case "LOST_ADOPTER", "POLICY_REMOVED", "MODE_DOWNGRADED" -> Palette.RED;
        case "ID_NOT_ROTATED" -> Palette.ORANGE;
        default -> Palette.GREY;
      };
      bars.add(new BarChart.Bar(e.getKey(), e.getValue(), Fmt.count(e.getValue()), color));
      table.row(e.getKey(), KINDS.getOrDefault(e.getKey(), ""), Fmt.count(e.getValue()));
    }
    String svg = BarChart.render("changes", "Changes since the previous scan",
        "Number of domains per kind of change between the previous and this scan.", bars, 0);
    String intro = "Domain by domain, " + (previous == null ? "the previous scan" : "scan " + Blocks.b(
        previous.scanId()) + " of " + Blocks.b(previous.scanDate()) + " (list " + Html.esc(previous.list()) + ")")
        + " against this one. A domain can count under several kinds (a lost adopter with an enforced policy is "
        + "also a removed policy).";
    return Blocks.section("changes", "Changes since the previous scan", intro,
        Blocks.figure("Domains per kind of change", svg, table.html()), matrix(transitions, seenStates),
        examples(in));
  }

  private static int rank(String state) {
    int i = STATES.indexOf(state);
    return i < 0 ? STATES.size() : i;
  }

  private static String matrix(Map<String, Long> transitions, TreeSet<String> states) {
    if (transitions.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<figure><figcaption>State before (rows) and now (columns); the "
        + "diagonal holds the unchanged domains</figcaption><div class=\"table-wrap\"><table class=\"matrix\">"
        + "<caption>Transition matrix</caption><thead><tr><th scope=\"col\">before \\ now</th>");
    for (String to : states) {
      html.append("<th scope=\"col\" class=\"num\">").append(Html.esc(to)).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (String from : states) {
      html.append("<tr><th scope=\"row\">").append(Html.esc(from)).append("</th>");
      for (String to : states) {
        Long n = transitions.get(from + "\u0000" + to);
        String cls = from.equals(to) ? "num diag" : n == null ? "num empty" : "num moved";
        html.append("<td class=\"").append(cls).append("\">").append(n == null ? "" : Html.esc(Fmt.count(n)))
            .append("</td>");
      }
      html.append("</tr>");
    }
    return html.append("</tbody></table></div></figure>").toString();
  }

  private static String examples(StatsInput in) throws ReportException {
    if (!in.has("change_domains")) {
      return Blocks.note(Blocks.code("csv/change_domains.csv") + " is absent: no example domains.");
    }
    Map<String, List<CsvTable.Row>> byKind = new LinkedHashMap<>();
    int total = 0;
    for (CsvTable.Row row : in.table("change_domains").rows()) {
      byKind.computeIfAbsent(String.valueOf(row.text("kind")), k -> new ArrayList<>()).add(row);
      total++;
    }
    if (total == 0) {
      return "";
    }
    HtmlTable table = new HtmlTable("Example domains (up to " + EXAMPLES + " per kind; all " + Fmt.count(total)
        + " rows in csv/change_domains.csv)", "domain", "kind", "before", "now", "previous id", "current id");
    for (List<CsvTable.Row> rows : byKind.values()) {
      for (int i = 0; i < rows.size() && i < EXAMPLES; i++) {
        CsvTable.Row r = rows.get(i);
        table.row(r.text("domain"), r.text("kind"), r.text("from_value"), r.text("to_value"),
            r.text("previous_sts_id"), r.text("current_sts_id"));
      }
    }
    return "<details><summary>Example domains per kind of change</summary>" + table.html() + "</details>";
  }
}
