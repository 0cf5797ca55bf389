package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code rank,domain} lists as Tranco and Umbrella publish them. */
class TopListReaderTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("Tranco lines", "1,google.com\n2,facebook.com\n",
            List.of("google.com", "facebook.com"), Map.of()),
        Arguments.of("CRLF line endings", "1,google.com\r\n2,facebook.com\r\n",
            List.of("google.com", "facebook.com"), Map.of()),
        Arguments.of("quoted fields", "\"1\",\"google.com\"\n2,\"Facebook.COM\"\n\"3\",\"say \"\"hi\"\".com\"\n",
            List.of("google.com", "facebook.com"), Map.of("NOT_LDH", 1L)),
        Arguments.of("missing domain column", "1\n2,\n3,  \n4,example.com\n",
            List.of("example.com"), Map.of("CSV_NO_DOMAIN_COLUMN", 3L)),
        Arguments.of("rank not a number", "one,google.com\n-1,x.com\n0,y.com\n99999999999999999999,z.com\n5,ok.com\n",
            List.of("ok.com"), Map.of("CSV_RANK_NOT_NUMBER", 4L)),
        Arguments.of("a header line is not a rank", "rank,domain\n1,google.com\n",
            List.of("google.com"), Map.of("CSV_RANK_NOT_NUMBER", 1L)),
        Arguments.of("unterminated quote", "1,\"google.com\n2,ok.com\n",
            List.of("ok.com"), Map.of("CSV_UNTERMINATED_QUOTE", 1L)),
        Arguments.of("extra columns are ignored", "1,google.com,extra,fields\n",
            List.of("google.com"), Map.of()),
        Arguments.of("Umbrella subdomains and trailing dots", "1,www.Google.com.\n",
            List.of("www.google.com"), Map.of()),
        Arguments.of("IP literal in the domain column", "1,192.0.2.1\n2,ok.com\n",
            List.of("ok.com"), Map.of("IP_LITERAL", 1L)),
        Arguments.of("blank lines are not entries", "\n1,google.com\n\n",
            List.of("google.com"), Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsRankDomainLines(String name, String csv, List<String> expected, Map<String, Long> malformed) {
    Inputs.Read read = Inputs.read(csv, "top-1m.csv", InputFormat.TOPLIST);

    assertThat(read.names()).containsExactlyElementsOf(expected);
    assertThat(read.stats().malformed()).containsExactlyInAnyOrderEntriesOf(malformed);
  }

  static Stream<Arguments> containers() {
    String csv = "1,google.com\r\n2,facebook.com\r\n3,b\u00fccher.de\r\n";
    return Stream.of(
        Arguments.of("plain csv", "top-1m.csv", csv.getBytes(StandardCharsets.UTF_8), "none"),
        Arguments.of("gzip", "top-1m.csv.gz", Inputs.gzip(csv), "gzip"),
        Arguments.of("zip with one CSV, as Tranco ships it", "top-1m.csv.zip", Inputs.zip("top-1m.csv", csv),
            "zip:top-1m.csv"),
        Arguments.of("gzip without a telling extension", "download", Inputs.gzip(csv), "gzip"),
        Arguments.of("zip without a telling extension", "download", Inputs.zip("top-1m.csv", csv),
            "zip:top-1m.csv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("containers")
  void unwrapsByMagicBytesAndKeepsTheListId(String name, String file, byte[] bytes, String container)
      throws IOException {
    try (DomainInput input =
        DomainInputs.open(new ByteArrayInputStream(bytes), file, null, null, "tranco-7X5VN")) {
      List<String> names = new ArrayList<>();
      input.forEachRemaining(names::add);

      assertThat(names).containsExactly("google.com", "facebook.com", "xn--bcher-kva.de");
      assertThat(input.stats().format()).isEqualTo(InputFormat.TOPLIST);
      assertThat(input.stats().container()).isEqualTo(container);
      assertThat(input.stats().listId()).isEqualTo("tranco-7X5VN");
    }
  }

  @Test
  void samplesKeepLineNumbersAndText() {
    Inputs.Read read = Inputs.read("1,google.com\nx,bad.com\n", "top.csv", InputFormat.TOPLIST);

    assertThat(read.stats().samples("CSV_RANK_NOT_NUMBER")).containsExactly(new InputStats.Sample(2, "x,bad.com"));
  }
}
