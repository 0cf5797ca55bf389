package org.mtastscensus.report;

import java.util.ArrayList;
import java.util.List;

/** Why domains could not be decided; they are outside every adoption denominator. */
final class UndeterminedSection {
  private UndeterminedSection() {}

  static String render(StatsInput in) throws ReportException {
    Headline h = in.scan().headline();
    List<BarChart.Bar> bars = new ArrayList<>();
    HtmlTable table = new HtmlTable("Undetermined domains by reason", "reason", "#domains",
        "#share of undetermined");
    for (CsvTable.Row row : in.table("undetermined").rows()) {
      long n = row.count("domains");
      bars.add(new BarChart.Bar(row.text("reason"), n, Fmt.count(n) + " · " + Fmt.percent(row.share("share")),
          Palette.PURPLE));
      table.row(row.text("reason"), Fmt.count(n), Fmt.percent(row.share("share")));
    }
    String svg = BarChart.render("undetermined", "Undetermined domains by reason",
        "Domains whose verdict could not be decided, by the first failed step.", bars, 0);
    String intro = Fmt.count(h.undetermined()) + " of " + Fmt.count(h.existing()) + " existing domains ("
        + Fmt.percent(h.shareUndetermined()) + ") could not be decided. A failed lookup never becomes "
        + "\"no MTA-STS\": these domains are left out of the measured domains. TXT_ and MX_ reasons name the DNS "
        + "query and its status; a high share points at the resolver, not at the domains.";
    return Blocks.section("undetermined", "Undetermined domains", intro,
        Blocks.figure("Undetermined domains by reason", svg, table.html()));
  }
}
