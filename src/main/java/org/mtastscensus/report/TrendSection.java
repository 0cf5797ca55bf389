package org.mtastscensus.report;

import java.util.ArrayList;
import java.util.List;

/** Headline shares across scans of the same list, from the summary.json files under --history. */
final class TrendSection {
  private TrendSection() {}

  /** {@code points} null: --history was not given. */
  static String render(List<HistoryReader.Point> points, ScanRef current) {
    if (points == null) {
      return Blocks.section("trends", "Trends across scans", null, Blocks.note("Not drawn: no "
          + Blocks.code("--history STATS_ROOT") + " was given. With it, every " + Blocks.code("summary.json")
          + " under STATS_ROOT is read and the scans of list " + Html.esc(current.list()) + " are drawn by date."));
    }
    if (points.size() < 2) {
      return Blocks.section("trends", "Trends across scans", null, Blocks.note("Not drawn: the history holds "
          + points.size() + " scan of list " + Html.esc(current.list()) + "; a trend needs at least two."));
    }
    List<String> labels = new ArrayList<>();
    List<Double> adoption = new ArrayList<>();
    List<Double> usable = new ArrayList<>();
    List<Double> enforce = new ArrayList<>();
    List<Double> misconfigured = new ArrayList<>();
    HtmlTable table = new HtmlTable("Headline figures per scan", "date", "scan", "#measured", "#adopters",
        "#enforce", "#misconfigured");
    for (HistoryReader.Point p : points) {
      Headline h = p.headline();
      labels.add(p.ref().scanDate());
      adoption.add(Fmt.share(h.stsRecord(), h.measured()));
      usable.add(Fmt.share(h.policyUsable(), h.measured()));
      enforce.add(Fmt.share(h.modeEnforce(), h.measured()));
      misconfigured.add(Fmt.share(h.misconfigured(), h.stsRecord()));
      table.row(p.ref().scanDate(), p.ref().scanId(), Fmt.count(h.measured()), Fmt.ofTotal(h.stsRecord(),
          h.measured()), Fmt.ofTotal(h.modeEnforce(), h.measured()), Fmt.ofTotal(h.misconfigured(), h.stsRecord()));
    }
    String shares = LineChart.render("trend-adoption", "Adoption across scans",
        "Share of measured domains with a record, with a usable policy and in mode enforce, per scan date.",
        labels, List.of(new LineChart.Series("record", Palette.BLUE, adoption),
            new LineChart.Series("usable policy", Palette.LIGHT_BLUE, usable),
            new LineChart.Series("enforce", Palette.GREEN, enforce)));
    String mis = LineChart.render("trend-misconfigured", "Misconfigured adopters across scans",
        "Share of adopters that are misconfigured, per scan date.", labels,
        List.of(new LineChart.Series("misconfigured", Palette.RED, misconfigured)));
    String intro = Fmt.count(points.size()) + " scans of list " + Blocks.b(current.list()) + ", from "
        + Html.esc(labels.get(0)) + " to " + Html.esc(labels.get(labels.size() - 1)) + ". Only scans of the same "
        + "list are drawn: other lists measure other populations.";
    return Blocks.section("trends", "Trends across scans", intro,
        Blocks.figure("Adoption, share of measured domains", shares, ""),
        Blocks.figure("Misconfigured, share of adopters", mis, table.html()));
  }
}
