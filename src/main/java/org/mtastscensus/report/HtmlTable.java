package org.mtastscensus.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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

  /** One row per stack, one column per category: "count (share of the row total)". */
  static HtmlTable pivot(String caption, String rowHeader, List<StackedBarChart.Stack> stacks,
      Collection<String> categories) {
    List<String> headers = new ArrayList<>();
    headers.add(rowHeader);
    categories.forEach(c -> headers.add("#" + c));
    headers.add("#total");
    HtmlTable table = new HtmlTable(caption, headers.toArray(String[]::new));
    for (StackedBarChart.Stack stack : stacks) {
      List<String> cells = new ArrayList<>();
      cells.add(stack.label());
      for (String category : categories) {
        long n = 0;
        for (StackedBarChart.Segment seg : stack.segments()) {
          if (category.equals(seg.category())) {
            n += seg.value();
          }
        }
        cells.add(Fmt.count(n) + " (" + Fmt.percent(n, stack.total()) + ")");
      }
      cells.add(Fmt.count(stack.total()));
      table.row(cells.toArray(String[]::new));
    }
    return table;
  }

  String html() {
    return html + "</tbody></table></div>";
  }
}
