package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files where every line is bad: the read completes, nothing is returned, and every line is accounted for. */
class MalformedInputTest {

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("zone file", "malformed-zone.txt", InputFormat.ZONE, Map.ofEntries(
            Map.entry("ZONE_NO_OWNER", 1L), Map.entry("NOT_LDH", 8L), Map.entry("LABEL_EMPTY", 1L),
            Map.entry("IP_LITERAL", 1L), Map.entry("WILDCARD", 1L), Map.entry("NUMERIC_TLD", 1L),
            Map.entry("LABEL_TOO_LONG", 1L), Map.entry("ZONE_BAD_LINE", 2L), Map.entry("ZONE_BAD_DIRECTIVE", 3L),
            Map.entry("ZONE_UNTERMINATED_QUOTE", 1L), Map.entry("ZONE_UNBALANCED_PARENTHESES", 2L),
            Map.entry("ZONE_NO_ORIGIN", 1L))),
        Arguments.of("top list", "malformed-toplist.csv", InputFormat.TOPLIST, Map.of(
            "CSV_RANK_NOT_NUMBER", 3L, "CSV_NO_DOMAIN_COLUMN", 2L, "CSV_UNTERMINATED_QUOTE", 1L, "IP_LITERAL", 1L,
            "NOT_LDH", 1L, "WILDCARD", 1L, "LABEL_EMPTY", 1L)),
        Arguments.of("plain list", "malformed-list.txt", InputFormat.PLAIN, Map.of(
            "IP_LITERAL", 2L, "NOT_LDH", 5L, "WILDCARD", 1L, "LABEL_EMPTY", 1L, "EMPTY", 1L, "NUMERIC_TLD", 1L,
            "LABEL_TOO_LONG", 1L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyLineIsCountedWithSamples(String name, String file, InputFormat format, Map<String, Long> expected)
      throws IOException {
    byte[] bytes;
    try (InputStream in = MalformedInputTest.class.getResourceAsStream("/input/" + file)) {
      bytes = in.readAllBytes();
    }
    long lines = new String(bytes, StandardCharsets.UTF_8).lines().count();

    // "dump" suggests no zone name, so the relative owner in the zone file has nothing to resolve against.
    Inputs.Read read = Inputs.read(bytes, "dump", format, null);

    assertThat(read.names()).isEmpty();
    assertThat(read.stats().read()).isEqualTo(lines);
    assertThat(read.stats().malformed()).containsExactlyInAnyOrderEntriesOf(expected);
    expected.forEach((reason, count) -> {
      List<InputStats.Sample> samples = read.stats().samples(reason);
      assertThat(samples).as(reason).hasSize((int) Math.min(count, InputStats.MAX_SAMPLES_PER_REASON));
      assertThat(samples).allSatisfy(s -> {
        assertThat(s.line()).isBetween(1L, lines);
        assertThat(s.text()).isNotBlank();
      });
    });
  }

  static Stream<Arguments> overlong() {
    return Stream.of(Arguments.of("plain list", InputFormat.PLAIN, "ok.com\n"),
        Arguments.of("top list", InputFormat.TOPLIST, "1,ok.com\n"),
        Arguments.of("zone file", InputFormat.ZONE, "ok.com. NS ns1.example.net.\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlong")
  void overlongLineIsCutAndCounted(String name, InputFormat format, String goodLine) {
    String text = "x".repeat(LineReader.DEFAULT_MAX_LINE_CHARS * 3) + "\n" + goodLine;

    Inputs.Read read = Inputs.read(text, "com.txt", format);

    assertThat(read.names()).containsExactly("ok.com");
    assertThat(read.stats().malformed()).containsExactly(Map.entry("LINE_TOO_LONG", 1L));
    assertThat(read.stats().samples("LINE_TOO_LONG").get(0).text())
        .hasSize(InputStats.MAX_SAMPLE_CHARS + 3).endsWith("...");
  }
}
