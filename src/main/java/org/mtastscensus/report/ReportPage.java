package org.mtastscensus.report;

import java.util.List;
import java.util.Map;

/**
 * Assembles the report: one self-contained HTML document with inline CSS and inline SVG, no script, no external
 * resource and a Content-Security-Policy that forbids fetching anything but data: images.
 */
final class ReportPage {
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  static final String TITLE = "MTA-STS adoption report";

  private ReportPage() {}

  /** {@code history} null when --history was not given. */
  static String render(StatsInput in, List<HistoryReader.Point> history, String generatorVersion)
      throws ReportException {
    ScanRef ref = in.scan().ref();
    String[][] toc = {{"key-figures", "Key figures"}, {"published", "Misconfiguration"}, {"modes", "Modes"},
        {"tlds", "TLDs"}, {"findings", "Findings"}, {"delivery", "Delivery risk"}, {"flips", "Strict vs lenient"},
        {"fetch", "Fetch failures"}, {"maxage", "max_age"}, {"tlsrpt", "TLS-RPT"}, {"providers", "Providers"},
        {"undetermined", "Undetermined"}, {"changes", "Changes"}, {"trends", "Trends"},
        {"definitions", "Definitions"}};
    StringBuilder html = new StringBuilder(200_000);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta name=\"referrer\" content=\"no-referrer\">")
        .append("<title>").append(Html.esc(TITLE + " – " + ref.list() + " – " + ref.scanDate())).append("</title>")
        .append("<style>").append(ReportStyle.CSS).append("</style></head><body>\n");
    html.append("<header class=\"top\"><div class=\"wrap\"><h1>").append(TITLE).append("</h1><p>List ")
        .append(Html.esc(ref.list())).append(" · scan ").append(Html.esc(ref.scanId())).append(" · ")
        .append(Html.esc(ref.scanDate())).append(" · MTA-STS (RFC 8461) and TLS-RPT (RFC 8460)</p></div></header>\n");
    html.append("<nav class=\"toc\" aria-label=\"Sections\"><div class=\"wrap\">");
    for (String[] entry : toc) {
      html.append("<a href=\"#").append(entry[0]).append("\">").append(entry[1]).append("</a>");
    }
    html.append("</div></nav>\n<main class=\"wrap\">\n");
    for (String section : List.of(HeadlineSection.render(in), ComparisonSection.render(in),
        AdoptionSection.byMode(in), AdoptionSection.byTld(in), FindingsSection.render(in),
        DeliverySection.render(in), PolicySection.flips(in), PolicySection.fetchStatus(in),
        PolicySection.maxAge(in), PolicySection.tlsrpt(in), ProviderSection.render(in),
        UndeterminedSection.render(in), ChangesSection.render(in), TrendSection.render(history, ref),
        definitions(in.summary()))) {
      html.append(section).append('\n');
    }
    html.append("</main>\n").append(footer(in, generatorVersion)).append("</body></html>\n");
    return html.toString();
  }

  private static String definitions(Summary summary) {
    StringBuilder dl = new StringBuilder();
    appendDefs(dl, "Rules", summary.rules());
    appendDefs(dl, "Denominators", summary.denominators());
    String intro = "As written by the stats producer into " + Blocks.code("summary.json") + ". Every share on "
        + "this page names its denominator; adoption shares are over measured domains, quality shares over "
        + "adopters (domains with an STS record).";
    return Blocks.section("definitions", "Definitions", intro, dl.isEmpty()
        ? Blocks.note("summary.json holds no rules or denominators.") : dl.toString());
  }

  private static void appendDefs(StringBuilder out, String title, Map<String, String> defs) {
    if (defs.isEmpty()) {
      return;
    }
    out.append("<h3>").append(Html.esc(title)).append("</h3><dl class=\"defs\">");
    for (Map.Entry<String, String> e : defs.entrySet()) {
      out.append("<dt>").append(Html.esc(e.getKey())).append("</dt><dd>").append(Html.esc(e.getValue()))
          .append("</dd>");
    }
    out.append("</dl>");
  }

  private static String footer(StatsInput in, String generatorVersion) {
    ScanInfo scan = in.scan();
    Summary s = in.summary();
    HtmlTable facts = new HtmlTable("Run facts (from summary.json)", "fact", "value")
        .row("scan", scan.ref().scanId() + " · " + scan.ref().scanDate())
        .row("list", scan.ref().list() + (scan.inputFormat() == null ? "" : " (" + scan.inputFormat() + ")"))
        .row("rows scanned", Fmt.count(scan.rows()))
        .row("scan started", orDash(scan.startedAt()))
        .row("resolvers", scan.resolvers().isEmpty() ? "–" : String.join(", ", scan.resolvers()))
        .row("scan folder", orDash(scan.scanDir()))
        .row("previous scan", s.previous() == null ? "–" : s.previous().scanId() + " · " + s.previous().scanDate()
            + " · " + s.previous().list())
        .row("Public Suffix List", orDash(s.pslVersion()) + (s.pslSource() == null ? "" : " (" + s.pslSource() + ")"))
        .row("statistics", "stats_version " + s.statsVersion() + ", generated " + orDash(s.generatedAt())
            + " by mta-sts-census " + orDash(s.generatorProject()) + ", schema " + orDash(s.schemaVersion()))
        .row("report", "mtasts report " + orDash(generatorVersion));
    return "<footer><div class=\"wrap\">" + facts.html() + "<p>Generated by MTA-STS Census. This page is "
        + "self-contained: no script, no external resource.</p></div></footer>\n";
  }

  private static String orDash(String s) {
    return s == null || s.isEmpty() ? "–" : s;
  }
}
