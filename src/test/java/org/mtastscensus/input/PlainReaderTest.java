package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-made lists: one name per line, normalised like every other input. */
class PlainReaderTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("comments and blank lines", "# customers\n\nexample.com\n  # indented comment\n"
            + "example.org # trailing comment\n", List.of("example.com", "example.org"), Map.of()),
        Arguments.of("IDN U-label becomes an A-label", "b\u00fccher.example\n\u4f8b\u3048.jp\n",
            List.of("xn--bcher-kva.example", "xn--r8jz45g.jp"), Map.of()),
        Arguments.of("upper case is lowered", "EXAMPLE.Com\n", List.of("example.com"), Map.of()),
        Arguments.of("trailing dot is dropped", "example.com.\n", List.of("example.com"), Map.of()),
        Arguments.of("surrounding white space is trimmed", "\t example.com  \n", List.of("example.com"), Map.of()),
        Arguments.of("IP literals are rejected with their reason", "192.0.2.1\n2001:db8::1\n[192.0.2.1]\nok.com\n",
            List.of("ok.com"), Map.of("IP_LITERAL", 3L)),
        Arguments.of("byte order mark of a Windows editor", "\uFEFFexample.com\r\nexample.org\r\n",
            List.of("example.com", "example.org"), Map.of()),
        Arguments.of("old Mac CR-only line endings", "example.com\rexample.org\r",
            List.of("example.com", "example.org"), Map.of()),
        Arguments.of("two names on a line are one bad name", "a.com b.com\n", List.of(), Map.of("NOT_LDH", 1L)),
        Arguments.of("consecutive duplicates, case-insensitively", "example.com\nEXAMPLE.com.\nother.com\n"
            + "example.com\n", List.of("example.com", "other.com", "example.com"), Map.of()),
        Arguments.of("wildcards and underscores", "*.example.com\n_dmarc.example.com\n", List.of(),
            Map.of("WILDCARD", 1L, "NOT_LDH", 1L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsOneNamePerLine(String name, String text, List<String> expected, Map<String, Long> malformed) {
    Inputs.Read read = Inputs.read(text, "list.txt", InputFormat.PLAIN);

    assertThat(read.names()).containsExactlyElementsOf(expected);
    assertThat(read.stats().malformed()).containsExactlyInAnyOrderEntriesOf(malformed);
  }
}
