package org.mtastscensus.report;

import java.util.List;

/** Shares over successive scans: one line per series, points labelled with their percentage. */
final class LineChart {
  static final int HEIGHT = 300;
  static final int LEFT = 60;
  static final int RIGHT = 200;
  static final int TOP = 24;
  static final int BOTTOM = 44;

  /** {@code values} are fractions aligned with the x labels; null = no value for that scan. */
  record Series(String name, String color, List<Double> values) {}

  private LineChart() {}

  static String render(String id, String title, String desc, List<String> xLabels, List<Series> series) {
    StringBuilder svg = Svg.open(id, Svg.WIDTH, HEIGHT, title, desc);
    double max = 0;
    for (Series s : series) {
      for (Double v : s.values()) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    double step = niceStep(max / 4);
    double top = Math.max(step * 4, step * Math.ceil(max / step));
    double plotW = Svg.WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    for (double t = 0; t <= top + step / 2; t += step) {
      double y = TOP + plotH - plotH * t / top;
      svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(Svg.num(LEFT + plotW)).append("\" y1=\"")
          .append(Svg.num(y)).append("\" y2=\"").append(Svg.num(y)).append("\" class=\"grid\"/>");
      Svg.text(svg, LEFT - 8, y + 4, "end", "tick", Fmt.percent(t));
    }
    int n = xLabels.size();
    for (int i = 0; i < n; i++) {
      Svg.text(svg, x(i, n, plotW), HEIGHT - BOTTOM + 20, "middle", "tick", xLabels.get(i));
    }
    for (Series s : series) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < n && i < s.values().size(); i++) {
        Double v = s.values().get(i);
        if (v != null) {
          points.append(Svg.num(x(i, n, plotW))).append(',').append(Svg.num(y(v, top, plotH))).append(' ');
        }
      }
      svg.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(s.color()).append("\" points=\"")
          .append(points.toString().trim()).append("\"/>");
      for (int i = 0; i < n && i < s.values().size(); i++) {
        Double v = s.values().get(i);
        if (v == null) {
          continue;
        }
        double cx = x(i, n, plotW);
        double cy = y(v, top, plotH);
        svg.append("<g><title>").append(Html.esc(s.name() + ", " + xLabels.get(i) + ": " + Fmt.percent(v)))
            .append("</title><circle cx=\"").append(Svg.num(cx)).append("\" cy=\"").append(Svg.num(cy))
            .append("\" r=\"4\" fill=\"").append(s.color()).append("\"/></g>");
      }
    }
    legend(svg, series, LEFT + plotW + 24);
    return svg.append("</svg>").toString();
  }

  /** Legend beside the plot, with each series' latest value (close lines would make point labels collide). */
  private static void legend(StringBuilder svg, List<Series> series, double x) {
    double y = TOP + 6;
    for (Series s : series) {
      Double latest = null;
      for (Double v : s.values()) {
        if (v != null) {
          latest = v;
        }
      }
      svg.append("<line x1=\"").append(Svg.num(x)).append("\" x2=\"").append(Svg.num(x + 18)).append("\" y1=\"")
          .append(Svg.num(y)).append("\" y2=\"").append(Svg.num(y)).append("\" stroke-width=\"3\" stroke=\"")
          .append(s.color()).append("\"/>");
      Svg.text(svg, x + 24, y + 4, null, "series", s.name());
      Svg.text(svg, x + 24, y + 20, null, "muted", "latest " + Fmt.percent(latest));
      y += 44;
    }
  }

  private static double x(int i, int n, double plotW) {
    return n <= 1 ? LEFT + plotW / 2 : LEFT + 20 + (plotW - 40) * i / (n - 1);
  }

  private static double y(double v, double top, double plotH) {
    return TOP + plotH - plotH * v / top;
  }

  /** A step of 1, 2 or 5 times a power of ten, so that tick labels are round percentages. */
  static double niceStep(double raw) {
    if (raw <= 0) {
      return 0.01;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / magnitude;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nice * magnitude;
  }
}
