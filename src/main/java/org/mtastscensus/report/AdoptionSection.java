package org.mtastscensus.report;

import java.util.ArrayList;
import java.util.List;

/** Adoption by policy mode (among adopters) and by top-level domain. */
final class AdoptionSection {
  /** TLDs charted; the rest stay in csv/adoption.csv. */
  static final int TOP_TLDS = 12;

  private AdoptionSection() {}

  static String byMode(StatsInput in) throws ReportException {
    Headline h = in.scan().headline();
    long recordInvalid = 0;
    long unavailable = 0;
    long invalid = 0;
    for (CsvTable.Row row : in.table("misconfiguration").rows()) {
      switch (String.valueOf(row.text("reason"))) {
        case "RECORD_INVALID" -> recordInvalid = row.count("domains");
        case "POLICY_UNAVAILABLE" -> unavailable = row.count("domains");
        case "POLICY_INVALID" -> invalid = row.count("domains");
        default -> { }
      }
    }
    long d = h.stsRecord();
    Object[][] states = {
        {"enforce (valid policy)", h.modeEnforce(), Palette.GREEN},
        {"testing (valid policy)", h.modeTesting(), Palette.LIGHT_GREEN},
        {"none (valid policy)", h.modeNone(), Palette.GREY},
        {"policy invalid", invalid, Palette.ORANGE},
        {"policy unavailable", unavailable, Palette.RED},
        {"record invalid", recordInvalid, Palette.PURPLE}};
    List<BarChart.Bar> bars = new ArrayList<>();
    HtmlTable table = new HtmlTable("Adopters by mode or failure", "state", "#domains", "#share of adopters",
        "#share of measured");
    for (Object[] s : states) {
      long n = (Long) s[1];
      bars.add(new BarChart.Bar((String) s[0], n, Fmt.count(n) + " · " + Fmt.percent(n, d), (String) s[2]));
      table.row((String) s[0], Fmt.count(n), Fmt.percent(n, d), Fmt.percent(n, h.measured()));
    }
    table.row("all adopters", Fmt.count(d), Fmt.percent(d, d), Fmt.percent(d, h.measured()));
    String svg = BarChart.render("mode", "Adopters by policy mode",
        "Domains with an MTA-STS record, by the mode of their valid policy or by what prevents the policy from "
            + "being used.", bars, 0);
    String intro = "Of the " + Fmt.count(d) + " domains that publish a record, the mode tells what a sender "
        + "does: " + Blocks.b("enforce") + " refuses to deliver without authenticated TLS, " + Blocks.b("testing")
        + " delivers anyway and reports, " + Blocks.b("none") + " withdraws the policy. Domains whose record or "
        + "policy is broken are treated by senders as having no MTA-STS at all.";
    return Blocks.section("modes", "Adoption by mode", intro,
        Blocks.figure("Adopters by policy mode (share of the " + Fmt.count(d) + " adopters)", svg, table.html()));
  }

  static String byTld(StatsInput in) throws ReportException {
    List<CsvTable.Row> tlds = new ArrayList<>();
    for (CsvTable.Row row : in.table("adoption").rows()) {
      if ("TLD".equals(row.text("scope"))) {
        tlds.add(row);
      }
    }
    List<BarChart.Bar> bars = new ArrayList<>();
    HtmlTable table = new HtmlTable("Top-level domains with the most scanned names", "TLD", "#scanned",
        "#measured", "#adopters", "#adopters / measured", "#enforce / measured", "#misconfigured / adopters");
    long scaleMax = 0;
    for (int i = 0; i < tlds.size() && i < TOP_TLDS; i++) {
      CsvTable.Row row = tlds.get(i);
      String tld = "." + row.text("scope_value");
      long measured = row.count("measured");
      long adopters = row.count("sts_record");
      Double share = row.share("share_sts_record");
      long scaled = share == null ? 0 : Math.round(share * 100_000);
      scaleMax = Math.max(scaleMax, scaled);
      bars.add(new BarChart.Bar(tld, scaled, Fmt.percent(share) + " · " + Fmt.count(adopters) + " of "
          + Fmt.count(measured), Palette.BLUE));
      table.row(tld, Fmt.count(row.count("scanned")), Fmt.count(measured), Fmt.count(adopters), Fmt.percent(share),
          Fmt.percent(row.share("share_enforce")), Fmt.percent(row.share("share_misconfigured")));
    }
    String more = tlds.size() > TOP_TLDS
        ? Blocks.note(Fmt.count(tlds.size() - TOP_TLDS) + " more TLDs are in " + Blocks.code("csv/adoption.csv")
            + ".")
        : "";
    String svg = BarChart.render("tld", "Adoption by top-level domain",
        "Share of measured domains publishing an MTA-STS record, for the TLDs with the most scanned names.", bars,
        scaleMax);
    String intro = "The TLD is the last label of the domain name. TLDs are ordered by the number of names "
        + "scanned; small TLDs give unstable shares, so read them with their counts.";
    return Blocks.section("tlds", "Adoption by top-level domain", intro,
        Blocks.figure("Domains publishing a record, share of measured domains per TLD", svg, table.html()), more);
  }
}
