package org.mtastscensus.report;

/**
 * A data table under a chart: the exact numbers, and the accessible fallback of the SVG. Headers starting with
 * {@code #} mark numeric columns (right-aligned, tabular figures); the {@code #} is not shown.
 */
final class HtmlTable {
  private final StringBuilder html = new StringBuilder(1024);
  private final boolean[] numeric;

  HtmlTable(String caption, String... headers) {
    numeric = new boolean[headers.length];
    html.append("<div class=\"table-wrap\"><table><caption>").append(Html.esc(caption)).append("</caption><thead><tr>");
    for (int i = 0; i < headers.length; i++) {
      numeric[i] = headers[i].startsWith("#");
      String label = numeric[i] ? headers[i].substring(1) : headers[i];
      html.append("<th scope=\"col\"").append(numeric[i] ? " class=\"num\"" : "").append('>').append(Html.esc(label))
          .append("</th>");
    }
    html.append("</tr></thead><tbody>");
  }

  /** Cells are plain text; they are escaped here. */
  HtmlTable row(String... cells) {
    html.append("<tr>");
    for (int i = 0; i < cells.length; i++) {
      boolean num = i < numeric.length && numeric[i];
      html.append(i == 0 ? "<th scope=\"row\"" : "<td").append(num ? " class=\"num\"" : "").append('>')
          .append(Html.esc(cells[i])).append(i == 0 ? "</th>" : "</td>");
    }
    html.append("</tr>");
    return this;
  }

  String html() {
    return html + "</tbody></table></div>";
  }
}
