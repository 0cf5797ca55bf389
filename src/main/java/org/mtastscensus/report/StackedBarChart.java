package org.mtastscensus.report;

import java.util.List;
import java.util.Map;

/** 100 % stacked bars: one row per population, one coloured segment per category, with a legend. */
final class StackedBarChart {
  static final int ROW = 34;
  static final int BAR = 22;
  static final int LABEL_WIDTH = 170;
  static final int TOTAL_WIDTH = 96;
  static final int LEGEND_ROW = 22;
  /** Narrower segments get no percentage inside; their value stays in the hover title and the table. */
  static final int MIN_LABELLED_WIDTH = 44;

  record Segment(String category, long value) {}

  record Stack(String label, long total, List<Segment> segments) {}

  private StackedBarChart() {}

  /** {@code colors}: category → colour, in legend order. */
  static String render(String id, String title, String desc, List<Stack> stacks, Map<String, String> colors) {
    int legendRows = legendRows(colors);
    int top = legendRows * LEGEND_ROW + 8;
    int height = top + Math.max(stacks.size(), 1) * ROW + 4;
    StringBuilder svg = Svg.open(id, Svg.WIDTH, height, title, desc);
    legend(svg, colors);
    double area = Svg.WIDTH - LABEL_WIDTH - TOTAL_WIDTH;
    for (int i = 0; i < stacks.size(); i++) {
      Stack stack = stacks.get(i);
      double y = top + i * ROW;
      Svg.text(svg, LABEL_WIDTH - 8, y + BAR - 6, "end", "label", Html.shorten(stack.label(), 24));
      Svg.rect(svg, LABEL_WIDTH, y, area, BAR, "#eef1f5");
      double x = LABEL_WIDTH;
      for (Segment seg : stack.segments()) {
        if (seg.value() <= 0 || stack.total() <= 0) {
          continue;
        }
        double w = area * seg.value() / stack.total();
        String color = colors.getOrDefault(seg.category(), "#8a94a6");
        svg.append("<g><title>").append(Html.esc(stack.label() + " · " + seg.category() + ": "
            + Fmt.ofTotal(seg.value(), stack.total()))).append("</title>");
        Svg.rect(svg, x, y, Math.max(w, 1), BAR, color);
        if (w >= MIN_LABELLED_WIDTH) {
          Svg.text(svg, x + w / 2, y + BAR - 6, "middle", light(color) ? "inbar dark" : "inbar",
              Fmt.percent(Fmt.share(seg.value(), stack.total())));
        }
        svg.append("</g>");
        x += w;
      }
      Svg.text(svg, Svg.WIDTH - TOTAL_WIDTH + 8, y + BAR - 6, null, "value", "n = " + Fmt.count(stack.total()));
    }
    return svg.append("</svg>").toString();
  }

  /** Light segment colours get dark text: white on light grey is unreadable. */
  static boolean light(String hex) {
    if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
      return false;
    }
    int rgb = Integer.parseInt(hex.substring(1), 16);
    double luminance = (0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff)) / 255;
    return luminance > 0.62;
  }

  private static int legendRows(Map<String, String> colors) {
    int rows = 1;
    double x = LABEL_WIDTH;
    for (String category : colors.keySet()) {
      double w = legendWidth(category);
      if (x + w > Svg.WIDTH && x > LABEL_WIDTH) {
        rows++;
        x = LABEL_WIDTH;
      }
      x += w;
    }
    return rows;
  }

  private static void legend(StringBuilder svg, Map<String, String> colors) {
    double x = LABEL_WIDTH;
    double y = 4;
    for (Map.Entry<String, String> e : colors.entrySet()) {
      double w = legendWidth(e.getKey());
      if (x + w > Svg.WIDTH && x > LABEL_WIDTH) {
        x = LABEL_WIDTH;
        y += LEGEND_ROW;
      }
      Svg.rect(svg, x, y + 2, 12, 12, e.getValue());
      Svg.text(svg, x + 17, y + 12, null, "legend", e.getKey());
      x += w;
    }
  }

  private static double legendWidth(String category) {
    return 17 + category.length() * 7.2 + 16;
  }
}
