package org.mtastscensus.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policy side: strict vs lenient readings, fetch failures, max_age and TLS-RPT co-adoption. */
final class PolicySection {
  private PolicySection() {}

  static String flips(StatsInput in) throws ReportException {
    Headline h = in.scan().headline();
    List<BarChart.Bar> bars = new ArrayList<>();
    HtmlTable table = new HtmlTable("Verdicts that differ between the strict and the lenient reading",
        "strict verdict", "lenient verdict", "#domains", "#share of measured");
    long flipped = 0;
    for (CsvTable.Row row : in.table("outcome_flips").rows()) {
      if (!row.flag("flipped")) {
        continue;
      }
      long n = row.count("domains");
      flipped += n;
      String label = row.text("outcome") + " → " + row.text("outcome_lenient");
      bars.add(new BarChart.Bar(label, n, Fmt.count(n) + " · " + Fmt.percent(n, h.stsRecord()) + " of adopters",
          Palette.AMBER));
      table.row(row.text("outcome"), row.text("outcome_lenient"), Fmt.count(n), Fmt.percent(row.share("share")));
    }
    String intro = "The strict reading follows RFC 8461 §3.2 to the letter (a policy served with a Content-Type "
        + "other than " + Blocks.code("text/plain") + " is invalid, as postfix-mta-sts-resolver treats it); the "
        + "lenient reading ignores the Content-Type, as mox does. " + Blocks.b(Fmt.count(flipped))
        + " measured domains get a different verdict: usable policies " + Fmt.count(h.policyUsable())
        + " (strict) against " + Fmt.count(h.policyUsableLenient()) + " (lenient).";
    if (bars.isEmpty()) {
      return Blocks.section("flips", "Strict vs lenient reading", intro,
          Blocks.note("No domain changes verdict between the two readings."));
    }
    String svg = BarChart.render("flips", "Verdict changes from the strict to the lenient reading",
        "Domains whose verdict differs between the strict and the lenient reading of the policy Content-Type.",
        bars, 0);
    return Blocks.section("flips", "Strict vs lenient reading", intro,
        Blocks.figure("Domains whose verdict flips (strict → lenient)", svg, table.html()));
  }

  static String fetchStatus(StatsInput in) throws ReportException {
    List<BarChart.Bar> bars = new ArrayList<>();
    HtmlTable table = new HtmlTable("Outcome of the HTTPS policy fetch", "status", "#domains",
        "#share of fetch attempts");
    long attempts = 0;
    for (CsvTable.Row row : in.table("fetch_status").rows()) {
      String status = row.text("fetch_status");
      long n = row.count("domains");
      attempts = row.count("denominator");
      bars.add(new BarChart.Bar(status, n, Fmt.count(n) + " · " + Fmt.percent(row.share("share")),
          "COMPLETE".equals(status) ? Palette.GREEN : status != null && status.startsWith("CERT_")
              ? Palette.RED : Palette.ORANGE));
      table.row(status, Fmt.count(n), Fmt.percent(row.share("share")));
    }
    String svg = BarChart.render("fetch", "Policy fetch results",
        "Policy fetch attempts over HTTPS by result: complete responses and each class of failure.", bars, 0);
    String intro = "The policy file " + Blocks.code("/.well-known/mta-sts.txt") + " is fetched over HTTPS from "
        + Blocks.code("mta-sts.<domain>") + " whenever the domain has a TXT record at " + Blocks.code("_mta-sts") + ". Denominator: the "
        + Fmt.count(attempts) + " fetch attempts. COMPLETE means an HTTP response was read over a valid TLS "
        + "connection, whatever its status (a 404 is complete here and judged by the policy checks); certificate "
        + "failures are in red.";
    return Blocks.section("fetch", "Policy fetch failures", intro,
        Blocks.figure("Fetch attempts by result", svg, table.html()));
  }

  static String maxAge(StatsInput in) throws ReportException {
    List<BarChart.Bar> bars = new ArrayList<>();
    HtmlTable table = new HtmlTable("max_age of parsed policies", "max_age", "#domains", "#share");
    long denominator = 0;
    for (CsvTable.Row row : in.table("max_age").rows()) {
      long n = row.count("domains");
      denominator = row.count("denominator");
      long upper = row.count("upper_seconds");
      bars.add(new BarChart.Bar(row.text("bucket"), n, Fmt.count(n) + " · " + Fmt.percent(row.share("share")),
          upper <= 86_400 ? Palette.AMBER : Palette.BLUE));
      table.row(row.text("bucket"), Fmt.count(n), Fmt.percent(row.share("share")));
    }
    Map<String, Long> q = in.scan().maxAgeQuantiles();
    String quantiles = q.isEmpty() ? "" : " Median " + Blocks.b(q.containsKey("p50") ? Fmt.duration(q.get("p50"))
        : "n/a") + (q.containsKey("p10") ? ", 10th percentile " + Html.esc(Fmt.duration(q.get("p10"))) : "")
        + (q.containsKey("p90") ? ", 90th percentile " + Html.esc(Fmt.duration(q.get("p90"))) : "") + ".";
    String svg = BarChart.render("maxage", "Distribution of policy max_age",
        "Number of parsed policies per max_age range; ranges below one day are weakened (POLICY_MAX_AGE_SHORT).",
        bars, 0);
    String intro = "max_age is how long a sender may cache the policy (RFC 8461 §3.2, at most one year). Short "
        + "values below one day (amber) weaken the protection against an attacker who blocks the policy fetch. "
        + "Denominator: the " + Fmt.count(denominator) + " policies with a valid max_age." + quantiles;
    return Blocks.section("maxage", "max_age distribution", intro,
        Blocks.figure("Policies by max_age", svg, table.html()));
  }

  static String tlsrpt(StatsInput in) throws ReportException {
    Map<String, String> colors = new LinkedHashMap<>();
    colors.put("VALID", Palette.GREEN);
    colors.put("INVALID", Palette.ORANGE);
    colors.put("ABSENT", Palette.LIGHT_GREY);
    colors.put("LOOKUP_FAILED", Palette.PURPLE);
    colors.put("NOT_LOOKED_UP", "#e2e6ec");
    Map<String, List<StackedBarChart.Segment>> byPopulation = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (CsvTable.Row row : in.table("tlsrpt").rows()) {
      String population = populationLabel(row.text("population"));
      byPopulation.computeIfAbsent(population, p -> new ArrayList<>())
          .add(new StackedBarChart.Segment(row.text("tlsrpt"), row.count("domains")));
      totals.put(population, row.count("denominator"));
      colors.putIfAbsent(String.valueOf(row.text("tlsrpt")), Palette.GREY);
    }
    List<StackedBarChart.Stack> stacks = new ArrayList<>();
    for (Map.Entry<String, List<StackedBarChart.Segment>> e : byPopulation.entrySet()) {
      stacks.add(new StackedBarChart.Stack(e.getKey(), totals.get(e.getKey()), e.getValue()));
    }
    String svg = StackedBarChart.render("tlsrpt", "TLS-RPT co-adoption",
        "Share of each population with a valid, invalid or absent TLS-RPT record.", stacks, colors);
    String intro = "TLS-RPT (RFC 8460) tells a domain when senders fail to deliver under its policy; RFC 8461 §6 "
        + "recommends it with MTA-STS. NOT_LOOKED_UP: the scan did not query " + Blocks.code("_smtp._tls")
        + " for that domain (by default only for domains with an STS record).";
    return Blocks.section("tlsrpt", "TLS-RPT co-adoption", intro,
        Blocks.figure("TLS-RPT record by population", svg,
            HtmlTable.pivot("TLS-RPT record (RFC 8460) by population: domains (share of the population)",
                "population", stacks, colors.keySet()).html()));
  }

  private static String populationLabel(String population) {
    return switch (String.valueOf(population)) {
      case "MEASURED" -> "all measured";
      case "STS_RECORD" -> "adopters";
      case "POLICY_USABLE" -> "usable policy";
      case "ENFORCE" -> "mode enforce";
      default -> String.valueOf(population);
    };
  }
}
