package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Owners who asked not to be scanned, and everything below their domain. */
class OptOutListTest {
  @TempDir Path dir;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("listed domain", "example.com", true),
        Arguments.of("subdomain of a listed domain", "mail.example.com", true),
        Arguments.of("deep subdomain", "a.b.c.example.com", true),
        Arguments.of("same suffix without a label boundary", "notexample.com", false),
        Arguments.of("parent of a listed domain", "com", false),
        Arguments.of("listed IDN matched by its A-label", "xn--bcher-kva.de", true),
        Arguments.of("unrelated domain", "example.org", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesDomainOrParent(String name, String domain, boolean optedOut) throws IOException {
    Path file = dir.resolve("optout.txt");
    Files.writeString(file, "# opt-out requests\nExample.COM.\n\nb\u00fccher.de  # by mail\n");

    assertThat(OptOutList.load(file).isOptedOut(domain)).isEqualTo(optedOut);
  }

  @Test
  void invalidLineFailsTheLoadWithItsNumber() throws IOException {
    Path file = dir.resolve("optout.txt");
    Files.writeString(file, "example.com\n192.0.2.1\n");

    assertThatThrownBy(() -> OptOutList.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("optout.txt:2").hasMessageContaining("IP_LITERAL");
  }

  @Test
  void optedOutNamesAreCountedNotReturned() {
    OptOutList optOut = OptOutList.of(List.of("example.com"));
    byte[] zone = ("example.com. NS ns1.example.net.\nexample.com. NS ns2.example.net.\n"
        + "sub.example.com. NS ns1.example.net.\nother.com. NS ns1.example.net.\n").getBytes();

    Inputs.Read read = Inputs.read(zone, "com.txt", InputFormat.ZONE, optOut);

    assertThat(read.names()).containsExactly("other.com");
    assertThat(read.stats().optedOut()).isEqualTo(2);
    assertThat(read.stats().duplicates()).isEqualTo(1);
  }
}
