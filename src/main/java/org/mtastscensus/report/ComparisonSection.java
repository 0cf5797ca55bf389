package org.mtastscensus.report;

import java.util.List;

/**
 * The contract's misconfiguration rule and how this scan's figures sit beside published ones
 * (mta-sts-rules.md §5). The published numbers are constants: they come from papers, not from the data.
 */
final class ComparisonSection {
  /** IMC 2025, "Unraveling the Complexities of MTA-STS Deployment and Management in Securing Email". */
  static final double IMC2025_MISCONFIGURED = 0.296;
  static final double IMC2025_DELIVERY_FAILURE = 0.032;
  static final double ZONE_LOW = 1e-4;
  static final double ZONE_HIGH = 1e-3;
  static final double TOP1M_LOW = 0.005;
  static final double TOP1M_HIGH = 0.01;
  /** Within this many percentage points a share reads as "close to" a published one. */
  static final double CLOSE_POINTS = 0.05;

  static final String RULE = "A domain is misconfigured when it publishes an MTA-STS record (an STS-looking TXT "
      + "record at _mta-sts) and either its verdict is RECORD_INVALID (senders discard the record), "
      + "POLICY_UNAVAILABLE (the policy cannot be fetched over HTTPS with a valid certificate) or POLICY_INVALID "
      + "(the policy file is not valid), or it enforces a policy whose MX patterns leave a primary MX host "
      + "uncovered (delivery risk PARTIAL or TOTAL). Denominator: domains with a record.";

  private ComparisonSection() {}

  static String render(StatsInput in) throws ReportException {
    Headline h = in.scan().headline();
    long riskPartial = 0;
    long riskTotal = 0;
    for (CsvTable.Row row : in.table("delivery_risk").rows()) {
      switch (String.valueOf(row.text("risk"))) {
        case "PARTIAL" -> riskPartial = row.count("domains");
        case "TOTAL" -> riskTotal = row.count("domains");
        default -> { }
      }
    }
    long atRisk = riskPartial + riskTotal;
    Double adoption = Fmt.share(h.stsRecord(), h.measured());
    Double misconfigured = Fmt.share(h.misconfigured(), h.stsRecord());
    String svg = BarChart.render("compare", "Misconfigured adopters: this scan and IMC 2025",
        "Share of domains with an MTA-STS record that are misconfigured, in this scan and in the IMC 2025 study.",
        List.of(new BarChart.Bar("This scan", permille(misconfigured), Fmt.percent(misconfigured), Palette.BLUE),
            new BarChart.Bar("IMC 2025 (≈68 K adopters)", permille(IMC2025_MISCONFIGURED),
                Fmt.percent(IMC2025_MISCONFIGURED), Palette.GREY),
            new BarChart.Bar("This scan: delivery at risk", permille(Fmt.share(atRisk, h.stsRecord())),
                Fmt.percent(atRisk, h.stsRecord()), Palette.RED),
            new BarChart.Bar("IMC 2025: delivery failures", permille(IMC2025_DELIVERY_FAILURE),
                Fmt.percent(IMC2025_DELIVERY_FAILURE), Palette.LIGHT_GREY)),
        0);
    HtmlTable table = new HtmlTable("This scan beside published figures", "figure", "this scan", "published",
        "source")
        .row("Domains publishing an MTA-STS record", Fmt.ofTotal(h.stsRecord(), h.measured()) + " of measured",
            "0.01–0.1 % of a zone file; about 0.5–1 % of the top 1 million; 0.0124 % of 1.76 M domains (2019)",
            "mta-sts-rules.md §5; Tatang, Flume, Holz 2019; industry counts 2024–2026")
        .row("Adopters misconfigured", Fmt.ofTotal(h.misconfigured(), h.stsRecord()),
            "29.6 % of ≈68 K adopters; about 30 % expected", "IMC 2025")
        .row("Adopters whose enforced policy puts delivery at risk (PARTIAL or TOTAL)",
            Fmt.ofTotal(atRisk, h.stsRecord()), "3.2 % should see delivery failures", "IMC 2025");
    String rule = in.summary().rules().get("misconfigured");
    String intro = Html.esc(RULE) + (rule == null ? "" : " The stats producer states it as: " + Blocks.code(rule)
        + ".") + " The same rule must be applied before figures from different studies are compared.";
    String reading = Blocks.p(Html.esc("Adoption: " + Fmt.percent(adoption) + " of measured domains is "
        + adoptionReading(adoption) + " Misconfiguration: " + Fmt.percent(misconfigured) + " of adopters is "
        + misconfiguredReading(misconfigured)));
    return Blocks.section("published", "Misconfiguration, and published figures", intro, reading,
        Blocks.figure("Misconfigured adopters and delivery risk, this scan against IMC 2025", svg, table.html()));
  }

  /** Bars of a share chart use per-mille integers so that small published shares still get a visible length. */
  private static long permille(Double share) {
    return share == null ? 0 : Math.round(share * 100_000);
  }

  static String adoptionReading(Double share) {
    if (share == null) {
      return "not defined (no measured domains).";
    }
    if (share < ZONE_LOW) {
      return "below the range expected for zone files (10⁻⁴ to 10⁻³).";
    }
    if (share <= ZONE_HIGH) {
      return "within the range expected for zone files (10⁻⁴ to 10⁻³).";
    }
    if (share < TOP1M_LOW) {
      return "between the zone-file range and the top-million range (0.5 to 1 %).";
    }
    if (share <= TOP1M_HIGH) {
      return "within the range expected for the top million (0.5 to 1 %).";
    }
    if (share <= 2 * TOP1M_HIGH) {
      return "above the range expected for the top million (0.5 to 1 %).";
    }
    return "far above every published population figure: a list this rich in adopters is not a sample of the "
        + "Internet (a curated or test list), so compare it only with lists of the same kind.";
  }

  static String misconfiguredReading(Double share) {
    if (share == null) {
      return "not defined (no adopters).";
    }
    if (Math.abs(share - IMC2025_MISCONFIGURED) <= CLOSE_POINTS) {
      return "close to the 29.6 % of IMC 2025.";
    }
    return (share < IMC2025_MISCONFIGURED ? "lower" : "higher") + " than the 29.6 % of IMC 2025.";
  }
}
