package org.mtastscensus.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Network notation is parsed without ever asking a resolver. */
class CidrTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"192.0.2.0/24, 4, 24", "2001:db8::/32, 16, 32", "10.1.2.3, 4, 32", "::ffff:192.0.2.0/120, 16, 120"})
  void parsesNumericNetworks(String text, int bytes, int prefix) {
    Cidr cidr = Cidr.parse(text);
    assertThat(cidr.network()).hasSize(bytes);
    assertThat(cidr.prefixLength()).isEqualTo(prefix);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"cafe", "bad/8", "example.com/24", "localhost", "", "/8"})
  void rejectsAnythingThatWouldNeedALookup(String text) {
    assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
