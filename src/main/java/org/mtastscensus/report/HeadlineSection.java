package org.mtastscensus.report;

import java.util.List;

/** Key figures with their denominators in words, and the path from scanned names to enforced policies. */
final class HeadlineSection {
  private HeadlineSection() {}

  static String render(StatsInput in) {
    Headline h = in.scan().headline();
    StringBuilder cards = new StringBuilder("<div class=\"cards\">");
    cards.append(card("Publish an MTA-STS record", h.stsRecord(), h.measured(),
        Fmt.count(h.stsRecord()) + " of " + Fmt.count(h.measured()) + " measured domains ("
            + Fmt.percent(h.stsRecord(), h.measured()) + ") publish an MTA-STS record; measured = existing domains "
            + "whose scan was conclusive."));
    cards.append(card("Enforce a valid policy", h.modeEnforce(), h.measured(),
        Fmt.count(h.modeEnforce()) + " of " + Fmt.count(h.measured()) + " measured domains have a valid record and "
            + "a valid policy in mode enforce: senders that support MTA-STS must use authenticated TLS."));
    cards.append(card("Misconfigured adopters", h.misconfigured(), h.stsRecord(),
        Fmt.count(h.misconfigured()) + " of " + Fmt.count(h.stsRecord()) + " domains with a record are "
            + "misconfigured (the rule is stated below); the denominator here is the adopters, not all domains."));
    cards.append(card("Could not be decided", h.undetermined(), h.existing(),
        Fmt.count(h.undetermined()) + " of " + Fmt.count(h.existing()) + " existing domains could not be decided "
            + "(a lookup or fetch failed); they are left out of the measured domains instead of being counted as "
            + "having no MTA-STS."));
    cards.append("</div>");

    long noUsable = h.stsRecord() - h.policyUsable();
    List<BarChart.Bar> funnel = List.of(
        new BarChart.Bar("Names scanned", h.scanned(), Fmt.count(h.scanned()), Palette.LIGHT_GREY),
        new BarChart.Bar("Existing (not NXDOMAIN)", h.existing(), Fmt.count(h.existing()), Palette.LIGHT_GREY),
        new BarChart.Bar("Measured (conclusive scan)", h.measured(), Fmt.count(h.measured()), Palette.GREY),
        new BarChart.Bar("Publish a record (adopters)", h.stsRecord(), ofMeasured(h.stsRecord(), h), Palette.BLUE),
        new BarChart.Bar("Valid record", h.recordValid(), ofMeasured(h.recordValid(), h), Palette.LIGHT_BLUE),
        new BarChart.Bar("Usable policy (any mode)", h.policyUsable(), ofMeasured(h.policyUsable(), h),
            Palette.TEAL),
        new BarChart.Bar("Mode enforce", h.modeEnforce(), ofMeasured(h.modeEnforce(), h), Palette.GREEN));
    String chart = BarChart.render("funnel", "From scanned names to enforced policies",
        "Counts of domains at each step, from all scanned names down to domains enforcing a valid policy.", funnel,
        0);
    HtmlTable table = new HtmlTable("Counts behind the chart", "step", "#domains", "#share of measured")
        .row("Names scanned", Fmt.count(h.scanned()), "")
        .row("Do not exist (NXDOMAIN)", Fmt.count(h.nxdomain()), "")
        .row("Could not be decided", Fmt.count(h.undetermined()), Fmt.percent(h.shareUndetermined()) + " of existing")
        .row("Measured", Fmt.count(h.measured()), "100" + Fmt.NBSP + "%")
        .row("Publish a record", Fmt.count(h.stsRecord()), Fmt.percent(h.stsRecord(), h.measured()))
        .row("Record but no usable policy", Fmt.count(noUsable), Fmt.percent(noUsable, h.measured()))
        .row("Usable policy (strict)", Fmt.count(h.policyUsable()), Fmt.percent(h.policyUsable(), h.measured()))
        .row("Usable policy (lenient)", Fmt.count(h.policyUsableLenient()),
            Fmt.percent(h.policyUsableLenient(), h.measured()))
        .row("Mode enforce", Fmt.count(h.modeEnforce()), Fmt.percent(h.modeEnforce(), h.measured()))
        .row("Misconfigured", Fmt.count(h.misconfigured()),
            Fmt.percent(h.misconfigured(), h.stsRecord()) + " of adopters");
    String intro = "Scan " + Blocks.b(in.scan().ref().scanId()) + " of list " + Blocks.b(in.scan().ref().list())
        + " on " + Blocks.b(in.scan().ref().scanDate()) + ": " + Fmt.count(h.scanned()) + " names scanned, "
        + Fmt.count(h.nxdomain()) + (h.nxdomain() == 1 ? " does" : " do") + " not exist and "
        + Fmt.count(h.undetermined()) + " could not be decided, which leaves " + Blocks.b(Fmt.count(h.measured()) + " measured domains")
        + ", the denominator of every adoption share on this page.";
    return Blocks.section("key-figures", "Key figures", intro, cards.toString(),
        Blocks.figure("From scanned names to enforced policies", chart, table.html()), scansTable(in));
  }

  private static String ofMeasured(long n, Headline h) {
    return Fmt.count(n) + " · " + Fmt.percent(n, h.measured());
  }

  private static String card(String title, long n, long d, String sentence) {
    return "<div class=\"card\"><div class=\"card-title\">" + Html.esc(title) + "</div><div class=\"big\">"
        + Html.esc(Fmt.percent(n, d)) + "</div><p>" + Html.esc(sentence) + "</p></div>";
  }

  /** With several scans in one stats folder (e.g. a top list and a zone file), their headlines side by side. */
  private static String scansTable(StatsInput in) {
    List<ScanInfo> scans = in.summary().scans();
    if (scans.size() < 2) {
      return "";
    }
    HtmlTable table = new HtmlTable("Every scan in this stats folder (the sections below detail the last one)",
        "list", "date", "scan", "#measured", "#adopters", "#enforce", "#misconfigured (of adopters)");
    for (ScanInfo s : scans) {
      Headline h = s.headline();
      table.row(s.ref().list(), s.ref().scanDate(), s.ref().scanId(), Fmt.count(h.measured()),
          Fmt.ofTotal(h.stsRecord(), h.measured()), Fmt.ofTotal(h.modeEnforce(), h.measured()),
          Fmt.ofTotal(h.misconfigured(), h.stsRecord()));
    }
    return Blocks.note("This stats folder summarises " + scans.size() + " scans. Lists of different kinds (top "
        + "lists, zone files) are not comparable with each other; read each on its own.") + table.html();
  }
}
