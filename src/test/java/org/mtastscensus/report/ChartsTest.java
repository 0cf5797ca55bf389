package org.mtastscensus.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {
  static final String HOSTILE = "<script>alert(1)</script> \"q\" & 'a'";

  @Test
  void barChartIsWellFormedAccessibleAndLabelled() throws Exception {
    String svg = BarChart.render("b", "Title & more", "Desc",
        List.of(new BarChart.Bar("enforce", 324, "324 · 89.0 %", Palette.GREEN),
            new BarChart.Bar(HOSTILE, 5, "5 · 1.4 %", Palette.RED),
            new BarChart.Bar("zero", 0, "0", Palette.GREY)), 0);
    Document doc = SvgAssert.parse(svg);
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("svg");
    assertThat(root.getAttribute("role")).isEqualTo("img");
    assertThat(root.getAttribute("aria-labelledby")).isEqualTo("b-t b-d");
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Title & more");
    assertThat(texts(doc)).contains("enforce", "324 · 89.0 %", "5 · 1.4 %", "0");
    assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;");
    List<Double> widths = rectWidths(doc);
    assertThat(widths).hasSize(2); // no bar drawn for zero
    assertThat(widths.get(0)).isGreaterThan(widths.get(1)).isLessThanOrEqualTo(
        Svg.WIDTH - BarChart.LABEL_WIDTH - BarChart.VALUE_WIDTH);
  }

  @Test
  void emptyBarChartStillParses() throws Exception {
    Document doc = SvgAssert.parse(BarChart.render("e", "t", "d", List.of(), 0));
    assertThat(texts(doc)).contains("no rows");
  }

  @Test
  void longLabelsAreShortenedWithTheFullTextInTheTitle() throws Exception {
    String label = "a-really-long-mail-provider-name-for-testing.example";
    Document doc = SvgAssert.parse(BarChart.render("l", "t", "d",
        List.of(new BarChart.Bar(label, 3, "3", Palette.BLUE)), 0));
    assertThat(texts(doc)).noneMatch(t -> t.equals(label)).anyMatch(t -> t.endsWith("…"));
    assertThat(doc.getElementsByTagName("title").item(1).getTextContent()).startsWith(label);
  }

  @Test
  void stackedChartIsWellFormedWithLegendAndReadableText() throws Exception {
    Map<String, String> colors = new LinkedHashMap<>();
    colors.put("VALID", Palette.GREEN);
    colors.put(HOSTILE, Palette.RED);
    colors.put("NOT_LOOKED_UP", "#e2e6ec");
    String svg = StackedBarChart.render("s", "t", "d", List.of(
        new StackedBarChart.Stack("adopters", 364, List.of(new StackedBarChart.Segment("VALID", 249),
            new StackedBarChart.Segment(HOSTILE, 115))),
        new StackedBarChart.Stack("measured", 3066, List.of(new StackedBarChart.Segment("VALID", 249),
            new StackedBarChart.Segment("NOT_LOOKED_UP", 2817))),
        new StackedBarChart.Stack("empty", 0, List.of())), colors);
    Document doc = SvgAssert.parse(svg);
    assertThat(texts(doc)).contains("VALID", HOSTILE, "n = 3,066", "n = 0");
    assertThat(svg).contains("class=\"inbar dark\"");
    assertThat(StackedBarChart.light("#e2e6ec")).isTrue();
    assertThat(StackedBarChart.light(Palette.GREEN)).isFalse();
  }

  @Test
  void lineChartIsWellFormedAndToleratesGaps() throws Exception {
    String svg = LineChart.render("l", "t", "d", List.of("2026-09-30", "2026-10-31", "2026-11-28"),
        List.of(new LineChart.Series("record", Palette.BLUE, Arrays.asList(0.108, null, 0.119)),
            new LineChart.Series(HOSTILE, Palette.RED, Arrays.asList(0.134, 0.123, 0.113))));
    Document doc = SvgAssert.parse(svg);
    assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(5);
    assertThat(texts(doc)).contains("2026-10-31", HOSTILE);
    SvgAssert.parse(LineChart.render("one", "t", "d", List.of("2026-11-28"),
        List.of(new LineChart.Series("zero", Palette.BLUE, List.of(0.0)))));
  }

  @Test
  void niceStepsAreRound() {
    assertThat(LineChart.niceStep(0.03)).isEqualTo(0.05);
    assertThat(LineChart.niceStep(0.012)).isEqualTo(0.02);
    assertThat(LineChart.niceStep(0)).isEqualTo(0.01);
    assertThat(LineChart.niceStep(7)).isEqualTo(10);
  }

  @Test
  void everyChartOfTheFixtureReportParses() throws Exception {
    String html = ReportPage.render(StatsInput.load(Fixtures.statsDir()),
        HistoryReader.read(Fixtures.historyRoot(), StatsInput.load(Fixtures.statsDir()).summary()), "test");
    List<String> svgs = new ArrayList<>();
    int at = 0;
    while ((at = html.indexOf("<svg", at)) >= 0) {
      int end = html.indexOf("</svg>", at) + "</svg>".length();
      svgs.add(html.substring(at, end));
      at = end;
    }
    assertThat(svgs).hasSizeGreaterThanOrEqualTo(15);
    for (String svg : svgs) {
      Document doc = SvgAssert.parse(svg);
      assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
      assertThat(doc.getElementsByTagName("desc").getLength()).isEqualTo(1);
    }
  }

  private static List<String> texts(Document doc) {
    List<String> out = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  private static List<Double> rectWidths(Document doc) {
    List<Double> out = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName("rect");
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(Double.parseDouble(((Element) nodes.item(i)).getAttribute("width")));
    }
    return out;
  }
}
