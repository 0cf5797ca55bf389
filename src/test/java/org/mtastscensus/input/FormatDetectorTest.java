package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The format guess: a specific file name first, then the first lines of the decompressed content. */
class FormatDetectorTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("CZDS file: .txt.gz starting with the SOA", "com.txt.gz",
            Inputs.gzip("com.\t900\tin\tsoa\ta.gtld-servers.net. nstld.verisign-grs.com. 1 2 3 4 5\n"), InputFormat.ZONE),
        Arguments.of("zone with $ORIGIN first", "zone", bytes("$ORIGIN example.\n@ NS ns1\n"), InputFormat.ZONE),
        Arguments.of("zone with a comment header", "dump", bytes("; generated\nexample.com. 3600 IN NS ns1.\n"),
            InputFormat.ZONE),
        Arguments.of(".zone extension", "example.zone", bytes("whatever\n"), InputFormat.ZONE),
        Arguments.of(".csv extension", "list.csv", bytes("google.com\n"), InputFormat.TOPLIST),
        Arguments.of("rank,domain content under a .txt name", "list.txt", bytes("1,google.com\n"),
            InputFormat.TOPLIST),
        Arguments.of("zip holding a CSV", "top-1m.csv.zip", Inputs.zip("top-1m.csv", "1,google.com\n"),
            InputFormat.TOPLIST),
        Arguments.of("gzip renamed without .gz", "com.txt",
            Inputs.gzip("com. 900 IN SOA a. b. 1 2 3 4 5\n"), InputFormat.ZONE),
        Arguments.of("plain names", "domains.txt", bytes("# mine\nexample.com\nexample.org\n"), InputFormat.PLAIN),
        Arguments.of("empty file", "empty.txt", bytes(""), InputFormat.PLAIN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detects(String name, String file, byte[] content, InputFormat expected) {
    assertThat(Inputs.read(content, file, null, null).stats().format()).isEqualTo(expected);
  }

  @Test
  void explicitFormatOverridesTheGuess() {
    Inputs.Read read = Inputs.read("1,google.com\n", "list.csv", InputFormat.PLAIN);

    assertThat(read.stats().format()).isEqualTo(InputFormat.PLAIN);
    assertThat(read.stats().malformed()).containsEntry("NOT_LDH", 1L);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
