package org.mtastscensus.report;

import java.util.Locale;

/** Shared pieces of the inline SVG charts: the accessible root element and coordinates. */
final class Svg {
  static final int WIDTH = 940;

  private Svg() {}

  /**
   * The root element: role img with its title and description, so a screen reader announces the chart; the
   * table under every chart carries the same numbers. No xmlns: inline SVG in HTML gets its namespace from the
   * parser, and the page then holds no URL at all.
   */
  static StringBuilder open(String id, int width, int height, String title, String desc) {
    StringBuilder svg = new StringBuilder(2048);
    svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\">")
        .append("<title id=\"").append(id).append("-t\">").append(Html.esc(title)).append("</title>")
        .append("<desc id=\"").append(id).append("-d\">").append(Html.esc(desc)).append("</desc>");
    return svg;
  }

  static String num(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  static void text(StringBuilder svg, double x, double y, String anchor, String cls, String content) {
    svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
    if (anchor != null) {
      svg.append(" text-anchor=\"").append(anchor).append('"');
    }
    if (cls != null) {
      svg.append(" class=\"").append(cls).append('"');
    }
    svg.append('>').append(Html.esc(content)).append("</text>");
  }

  static void rect(StringBuilder svg, double x, double y, double w, double h, String fill) {
    svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
        .append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill).append("\" rx=\"2\"/>");
  }
}
