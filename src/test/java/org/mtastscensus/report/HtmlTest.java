package org.mtastscensus.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void markupQuotesAndAmpersandsAreEscaped() {
    assertThat(Html.esc("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(Html.esc("a \"b\" & 'c'")).isEqualTo("a &quot;b&quot; &amp; &#39;c&#39;");
    assertThat(Html.esc("&amp;")).isEqualTo("&amp;amp;");
    assertThat(Html.esc(null)).isEmpty();
  }

  @Test
  void charactersXmlForbidsBecomeReplacementCharacters() {
    assertThat(Html.esc("a\u0000b\u001bc\td")).isEqualTo("a\uFFFDb\uFFFDc\td");
    assertThat(Html.esc("x\uD800y")).isEqualTo("x\uFFFDy");
    assertThat(Html.esc("ok \uD83D\uDCE7 mail")).isEqualTo("ok \uD83D\uDCE7 mail");
  }

  @Test
  void unicodeDomainNamesPassThrough() {
    assertThat(Html.esc("bücher.example")).isEqualTo("bücher.example");
  }

  @Test
  void shortenKeepsShortLabelsAndMarksCutOnes() {
    assertThat(Html.shorten("short", 10)).isEqualTo("short");
    assertThat(Html.shorten("a-very-long-provider-name.example", 10)).isEqualTo("a-very-lo…").hasSize(10);
  }
}
