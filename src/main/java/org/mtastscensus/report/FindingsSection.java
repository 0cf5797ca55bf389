package org.mtastscensus.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The most frequent finding codes among adopters, and the worst severity per adopter. */
final class FindingsSection {
  static final int TOP_FINDINGS = 15;

  private FindingsSection() {}

  private record Finding(String code, String severity, String rfc, long adopters, Double share) {}

  static String render(StatsInput in) throws ReportException {
    long adopters = in.scan().headline().stsRecord();
    List<Finding> findings = new ArrayList<>();
    for (CsvTable.Row row : in.table("findings").rows()) {
      long n = row.count("adopters");
      if (n > 0) {
        findings.add(new Finding(row.text("code"), row.text("severity"), row.text("rfc"), n,
            row.share("share_adopters")));
      }
    }
    findings.sort(Comparator.comparingLong(Finding::adopters).reversed().thenComparing(Finding::code));
    List<BarChart.Bar> bars = new ArrayList<>();
    HtmlTable table = new HtmlTable("Finding codes among adopters", "code", "severity", "rule", "#adopters",
        "#share of adopters");
    for (int i = 0; i < findings.size() && i < TOP_FINDINGS; i++) {
      Finding f = findings.get(i);
      bars.add(new BarChart.Bar(f.code(), f.adopters(), Fmt.count(f.adopters()) + " · " + Fmt.percent(f.share()),
          Palette.severity(f.severity()), f.code() + " (" + f.severity() + ", " + f.rfc() + "): "
              + Fmt.count(f.adopters()) + " adopters"));
    }
    for (Finding f : findings) {
      table.row(f.code(), f.severity(), f.rfc(), Fmt.count(f.adopters()), Fmt.percent(f.share()));
    }
    String svg = BarChart.render("findings", "Most frequent findings among adopters",
        "Number of domains with an MTA-STS record that have each finding code; colour = severity.", bars, 0);
    String more = findings.size() > TOP_FINDINGS ? Blocks.note("The chart shows the " + TOP_FINDINGS
        + " most frequent codes; the table lists every code seen among adopters.") : "";
    String intro = "A domain can have several findings. Colours give the severity: "
        + legend("BREAKS_DELIVERY", "enforced, some or all MX hosts refused")
        + legend("POLICY_IGNORED", "senders act as if there were no MTA-STS")
        + legend("WEAKENED", "applies, with less protection") + legend("COSMETIC", "tolerated oddity")
        + legend("INFO", "a fact, not a fault") + ". Codes are documented in docs/findings.md.";
    return Blocks.section("findings", "Top findings among adopters", intro,
        Blocks.figure("Finding codes among the " + Fmt.count(adopters) + " adopters", svg, table.html()), more,
        severities(in));
  }

  private static String legend(String severity, String meaning) {
    return " <span class=\"swatch\" style=\"background:" + Palette.severity(severity) + "\"></span>"
        + Blocks.code(severity) + " " + Html.esc(meaning);
  }

  private static String severities(StatsInput in) throws ReportException {
    List<BarChart.Bar> bars = new ArrayList<>();
    HtmlTable table = new HtmlTable("Adopters by severity", "severity", "#with at least one", "#share",
        "#as the worst", "#share");
    for (CsvTable.Row row : in.table("severities").rows()) {
      String severity = row.text("severity");
      long worst = row.count("adopters_worst");
      Double share = row.share("share_worst");
      String label = "NONE".equals(severity) ? "no finding at all" : severity;
      bars.add(new BarChart.Bar(label, worst, Fmt.count(worst) + " · " + Fmt.percent(share),
          Palette.severity(severity)));
      table.row(label, "NONE".equals(severity) ? "" : Fmt.count(row.count("adopters_any")),
          "NONE".equals(severity) ? "" : Fmt.percent(row.share("share_any")), Fmt.count(worst), Fmt.percent(share));
    }
    String svg = BarChart.render("severity", "Adopters by their most severe finding",
        "Each adopter counted once, under the most severe of its findings.", bars, 0);
    return Blocks.figure("Adopters by their most severe finding (each adopter once)", svg, table.html());
  }
}
