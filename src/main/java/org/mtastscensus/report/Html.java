package org.mtastscensus.report;

/**
 * Escaping for text and attribute values. Every string that comes from the stats (domain, provider and list
 * names are chosen by whoever controls a domain or a list) goes through {@link #esc} before it reaches the page.
 */
final class Html {
  private Html() {}

  /**
   * Escapes for HTML text, attribute values (single or double quoted) and inline SVG. Control characters that
   * XML forbids become U+FFFD, so an SVG fragment stays well-formed XML whatever the data holds.
   */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD');
          } else if (Character.isSurrogate(c) && !validPair(s, i)) {
            out.append('\uFFFD');
          } else {
            out.append(c);
            if (Character.isHighSurrogate(c)) {
              out.append(s.charAt(++i));
            }
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean validPair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  /** Shortens a label for a chart axis; the full text goes into the element's title. */
  static String shorten(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }
}
