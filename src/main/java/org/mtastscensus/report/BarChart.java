package org.mtastscensus.report;

import java.util.List;

/** Horizontal bar chart: one labelled bar per row, the value written beside each bar. */
final class BarChart {
  static final int ROW = 26;
  static final int BAR = 18;
  static final int LABEL_WIDTH = 260;
  static final int VALUE_WIDTH = 190;
  static final int LABEL_CHARS = 36;

  /** A bar: {@code valueText} is what the reader sees beside it, {@code detail} the hover title. */
  record Bar(String label, long value, String valueText, String color, String detail) {
    Bar(String label, long value, String valueText, String color) {
      this(label, value, valueText, color, label + ": " + valueText);
    }
  }

  private BarChart() {}

  /** Bar lengths are relative to the largest value, or to {@code scaleMax} when it is larger (a shared scale). */
  static String render(String id, String title, String desc, List<Bar> bars, long scaleMax) {
    long max = scaleMax;
    for (Bar bar : bars) {
      max = Math.max(max, bar.value());
    }
    int height = Math.max(bars.size(), 1) * ROW + 8;
    StringBuilder svg = Svg.open(id, Svg.WIDTH, height, title, desc);
    double area = Svg.WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    svg.append("<line x1=\"").append(LABEL_WIDTH).append("\" y1=\"2\" x2=\"").append(LABEL_WIDTH).append("\" y2=\"")
        .append(height - 4).append("\" class=\"axis\"/>");
    if (bars.isEmpty()) {
      Svg.text(svg, LABEL_WIDTH + 8, 20, null, "muted", "no rows");
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = 4 + i * ROW;
      double w = max == 0 ? 0 : area * bar.value() / max;
      if (bar.value() > 0) {
        w = Math.max(w, 1.5);
      }
      svg.append("<g><title>").append(Html.esc(bar.detail())).append("</title>");
      Svg.text(svg, LABEL_WIDTH - 8, y + BAR - 5, "end", "label", Html.shorten(bar.label(), LABEL_CHARS));
      if (w > 0) {
        Svg.rect(svg, LABEL_WIDTH + 1, y, w, BAR, bar.color());
      }
      Svg.text(svg, LABEL_WIDTH + 1 + w + 6, y + BAR - 5, null, "value", bar.valueText());
      svg.append("</g>");
    }
    return svg.append("</svg>").toString();
  }
}
