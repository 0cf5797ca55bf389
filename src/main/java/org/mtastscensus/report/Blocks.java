package org.mtastscensus.report;

/** Page building blocks shared by the sections. Arguments named {@code html} are trusted markup, the rest text. */
final class Blocks {
  private Blocks() {}

  static String section(String id, String title, String introHtml, String... bodyHtml) {
    StringBuilder s = new StringBuilder(4096);
    s.append("<section id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-h\"><h2 id=\"")
        .append(id).append("-h\">").append(Html.esc(title)).append("</h2>");
    if (introHtml != null && !introHtml.isEmpty()) {
      s.append("<p class=\"intro\">").append(introHtml).append("</p>");
    }
    for (String body : bodyHtml) {
      s.append(body);
    }
    return s.append("</section>").toString();
  }

  static String figure(String caption, String svg, String tableHtml) {
    return "<figure><figcaption>" + Html.esc(caption) + "</figcaption>" + svg + tableHtml + "</figure>";
  }

  static String note(String html) {
    return "<p class=\"note\">" + html + "</p>";
  }

  static String p(String html) {
    return "<p>" + html + "</p>";
  }

  static String code(String text) {
    return "<code>" + Html.esc(text) + "</code>";
  }

  static String b(String text) {
    return "<strong>" + Html.esc(text) + "</strong>";
  }
}
