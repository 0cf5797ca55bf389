package org.mtastscensus.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Provider concentration: who hosts the policies, on which networks, and who runs the mail. */
final class ProviderSection {
  static final int TOP = 10;
  static final String OTHER = "(other)";

  private ProviderSection() {}

  static String render(StatsInput in) throws ReportException {
    Map<String, Double> c = in.scan().concentration();
    String intro = "Providers are registrable domains (Public Suffix List, ICANN section"
        + (in.summary().pslVersion() == null ? "" : ", version " + Html.esc(in.summary().pslVersion()))
        + "). A policy host reached through a CNAME counts for the provider at the end of the chain; " + Blocks.code(
        "(no CNAME)") + " means the domain serves the policy under its own name. Concentration as computed by "
        + Blocks.code("mtasts stats") + ": policy hosting, top provider " + share(c, "policy_hosting_top1_share")
        + " and top five " + share(c, "policy_hosting_top5_share") + " of adopters; mail, top provider "
        + share(c, "mail_providers_top1_share") + " and top five " + share(c, "mail_providers_top5_share") + ".";
    return Blocks.section("providers", "Provider concentration", intro,
        top(in.table("policy_hosting"), "provider", "policyhost", "Policy hosting: top " + TOP + " providers",
            "Domains with an MTA-STS record by the provider that serves their policy host.", "policy_usable",
            "usable policy", Palette.TEAL),
        top(in.table("mail_providers"), "provider", "mailprov", "Mail providers: top " + TOP + " (MX hosts)",
            "Domains with an MTA-STS record by the provider of their MX hosts; a domain counts once per provider.",
            "mode_enforce", "mode enforce", Palette.BLUE),
        top(in.table("policy_host_networks"), "network", "networks", "Policy host networks: top " + TOP,
            "Domains with an MTA-STS record by the IPv4 /24 or IPv6 /48 network of their policy host addresses.",
            null, null, Palette.PURPLE));
  }

  private static String share(Map<String, Double> concentration, String key) {
    return Blocks.b(Fmt.percent(concentration.get(key)));
  }

  private static String top(CsvTable table, String nameColumn, String id, String title, String desc,
      String extraColumn, String extraLabel, String color) throws ReportException {
    List<BarChart.Bar> bars = new ArrayList<>();
    HtmlTable html = extraColumn == null
        ? new HtmlTable(title, "#rank", nameColumn, "#domains", "#share")
        : new HtmlTable(title, "#rank", nameColumn, "#domains", "#" + extraLabel, "#share");
    long denominator = 0;
    int shown = 0;
    int hidden = 0;
    for (CsvTable.Row row : table.rows()) {
      String name = row.text(nameColumn);
      boolean other = OTHER.equals(name);
      if (!other && shown >= TOP) {
        hidden++;
        continue;
      }
      if (!other) {
        shown++;
      }
      long n = row.count("domains");
      denominator = row.count("denominator");
      Double share = row.share("share");
      bars.add(new BarChart.Bar(String.valueOf(name), n, Fmt.count(n) + " · " + Fmt.percent(share),
          other ? Palette.LIGHT_GREY : color));
      if (extraColumn == null) {
        html.row(String.valueOf(row.count("rank")), name, Fmt.count(n), Fmt.percent(share));
      } else {
        html.row(String.valueOf(row.count("rank")), name, Fmt.count(n), Fmt.count(row.count(extraColumn)),
            Fmt.percent(share));
      }
    }
    String svg = BarChart.render(id, title, desc, bars, 0);
    String more = hidden > 0 ? Blocks.note(Fmt.count(hidden) + " more rows before " + Blocks.code(OTHER) + " are in "
        + Blocks.code(table.name()) + ".") : "";
    return Blocks.figure(title + " (denominator " + Fmt.count(denominator) + " adopters)", svg, html.html()) + more;
  }
}
