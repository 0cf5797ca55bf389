package org.mtastscensus.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What enforced policies do to mail delivery: delivery risk and MX coverage. */
final class DeliverySection {
  private DeliverySection() {}

  static String render(StatsInput in) throws ReportException {
    List<BarChart.Bar> bars = new ArrayList<>();
    HtmlTable table = new HtmlTable("Delivery risk of enforced policies", "risk", "meaning", "#domains",
        "#share of enforce");
    long denominator = in.scan().headline().modeEnforce();
    for (CsvTable.Row row : in.table("delivery_risk").rows()) {
      String risk = row.text("risk");
      long n = row.count("domains");
      denominator = row.count("denominator");
      String[] meaning = riskMeaning(risk);
      bars.add(new BarChart.Bar(risk + " – " + meaning[0], n, Fmt.count(n) + " · " + Fmt.percent(row.share("share")),
          meaning[1]));
      table.row(risk, meaning[0], Fmt.count(n), Fmt.percent(row.share("share")));
    }
    String svg = BarChart.render("risk", "Delivery risk of enforced policies",
        "Domains enforcing a valid policy, by how many of their MX hosts the policy fails to cover.", bars, 0);
    String intro = "With mode enforce, a conforming sender delivers only to MX hosts that match the policy's "
        + Blocks.code("mx") + " patterns. When patterns leave MX hosts out, mail to those hosts is refused: "
        + "only backups (LATENT, harmless while the primaries answer), some primaries (PARTIAL) or all of them "
        + "(TOTAL). Denominator: the " + Fmt.count(denominator) + " domains in mode enforce.";
    return Blocks.section("delivery", "Delivery risk of enforced policies", intro,
        Blocks.figure("Enforced policies by delivery risk", svg, table.html()), coverage(in));
  }

  private static String[] riskMeaning(String risk) {
    return switch (String.valueOf(risk)) {
      case "NONE" -> new String[] {"every MX covered", Palette.GREEN};
      case "LATENT" -> new String[] {"only backup MX uncovered", Palette.AMBER};
      case "PARTIAL" -> new String[] {"a primary MX uncovered", Palette.ORANGE};
      case "TOTAL" -> new String[] {"no MX covered", Palette.RED};
      default -> new String[] {"", Palette.GREY};
    };
  }

  private static String coverage(StatsInput in) throws ReportException {
    Map<String, String> colors = new LinkedHashMap<>();
    colors.put("FULL", Palette.GREEN);
    colors.put("PARTIAL", Palette.AMBER);
    colors.put("NONE", Palette.RED);
    colors.put("NOT_APPLICABLE", Palette.LIGHT_GREY);
    colors.put("NOT_COMPUTED", Palette.PURPLE);
    Map<String, List<StackedBarChart.Segment>> byMode = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (CsvTable.Row row : in.table("mx_coverage").rows()) {
      String mode = row.text("mode");
      byMode.computeIfAbsent(mode, m -> new ArrayList<>())
          .add(new StackedBarChart.Segment(row.text("coverage"), row.count("domains")));
      totals.put(mode, row.count("denominator"));
      colors.putIfAbsent(String.valueOf(row.text("coverage")), Palette.GREY);
    }
    List<StackedBarChart.Stack> stacks = new ArrayList<>();
    for (Map.Entry<String, List<StackedBarChart.Segment>> e : byMode.entrySet()) {
      stacks.add(new StackedBarChart.Stack("mode " + e.getKey(), totals.get(e.getKey()), e.getValue()));
    }
    String svg = StackedBarChart.render("mxcov", "MX coverage by policy mode",
        "For valid testing and enforce policies, the share whose MX patterns cover all, some or none of the MX "
            + "hosts.", stacks, colors);
    return Blocks.figure("MX coverage: do the policy's mx patterns match the domain's MX hosts? "
        + "(NOT_APPLICABLE: null MX; NOT_COMPUTED: the MX lookup failed)", svg,
        HtmlTable.pivot("MX coverage of valid testing and enforce policies: domains (share of the mode)", "mode",
            stacks, colors.keySet()).html());
  }
}
