package org.mtastscensus.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.names.DomainName.Problem;

/**
 * Names as the contract stores them (§3.1 {@code domain}: A-label, lower case, no trailing dot) and the RFC 5321
 * §4.1.2 / RFC 1035 §2.3.4 limits: labels of 1-63 LDH octets, names of at most 253 octets, no IP addresses.
 */
class DomainNameTest {

  private static final String L63 = "a".repeat(63);
  /** 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 octets, every label within 63. */
  private static final String NAME_253 = L63 + "." + L63 + "." + L63 + "." + "b".repeat(61);
  /** 63 + 1 + 63 + 1 + 63 + 1 + 62 = 254 octets, every label within 63. */
  private static final String NAME_254 = L63 + "." + L63 + "." + L63 + "." + "b".repeat(62);

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("already normal", "example.com", "example.com"),
        Arguments.of("upper case is lowered", "MAIL.Example.COM", "mail.example.com"),
        Arguments.of("trailing dot is dropped", "example.com.", "example.com"),
        Arguments.of("surrounding white space is trimmed", "  example.com\t\n", "example.com"),
        Arguments.of("white space and trailing dot together", " Example.COM. ", "example.com"),
        Arguments.of("U-label is converted to an A-label", "b\u00fccher.example", "xn--bcher-kva.example"),
        Arguments.of("upper-case U-label is converted and lowered", "B\u00dcCHER.Example.", "xn--bcher-kva.example"),
        Arguments.of("A-label is kept", "xn--bcher-kva.example", "xn--bcher-kva.example"),
        Arguments.of("inner hyphens and digits are LDH", "mail-1.ex-ample2.com", "mail-1.ex-ample2.com"),
        Arguments.of("single label", "localhost", "localhost"),
        Arguments.of("label of 63 characters", L63 + ".com", L63 + ".com"),
        Arguments.of("name of 253 characters", NAME_253, NAME_253),
        Arguments.of("name of 253 characters plus a trailing dot", NAME_253 + ".", NAME_253),
        Arguments.of("digits in a non-top label", "123.example.com", "123.example.com"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void normalises(String name, String input, String expected) {
    DomainName.Result result = DomainName.normalize(input);

    assertThat(result.problem()).as("problem").isNull();
    assertThat(result.valid()).isTrue();
    assertThat(result.name()).isEqualTo(expected);
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("null", null, Problem.EMPTY),
        Arguments.of("empty", "", Problem.EMPTY),
        Arguments.of("white space only", "  \t", Problem.EMPTY),
        Arguments.of("the root '.'", ".", Problem.EMPTY),
        Arguments.of("name of 254 characters", NAME_254, Problem.TOO_LONG),
        Arguments.of("input longer than the input cap", "a".repeat(DomainName.MAX_INPUT_LENGTH + 1), Problem.TOO_LONG),
        Arguments.of("label of 64 characters", "a".repeat(64) + ".com", Problem.LABEL_TOO_LONG),
        Arguments.of("empty label 'a..b'", "a..b", Problem.LABEL_EMPTY),
        Arguments.of("leading dot", ".example.com", Problem.LABEL_EMPTY),
        Arguments.of("label starting with '-'", "-a.com", Problem.NOT_LDH),
        Arguments.of("label ending with '-'", "a-.com", Problem.NOT_LDH),
        Arguments.of("underscore", "under_score.com", Problem.NOT_LDH),
        Arguments.of("inner space", "exa mple.com", Problem.NOT_LDH),
        Arguments.of("IPv4 address", "1.2.3.4", Problem.IP_LITERAL),
        Arguments.of("IPv4 address with a trailing dot", "1.2.3.4.", Problem.IP_LITERAL),
        Arguments.of("IPv6 literal in brackets", "[::1]", Problem.IP_LITERAL),
        Arguments.of("IPv4 literal in brackets", "[192.0.2.1]", Problem.IP_LITERAL),
        Arguments.of("bare IPv6 address", "2001:db8::1", Problem.IP_LITERAL),
        Arguments.of("wildcard", "*.example.com", Problem.WILDCARD),
        Arguments.of("numeric top-level label", "example.123", Problem.NUMERIC_TLD));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejects(String name, String input, Problem expected) {
    DomainName.Result result = DomainName.normalize(input);

    assertThat(result.valid()).isFalse();
    assertThat(result.name()).isNull();
    assertThat(result.problem()).isEqualTo(expected);
  }

  @Test
  void lowersWithTheRootLocaleWhateverTheDefault() {
    Locale saved = Locale.getDefault();
    try {
      // In Turkish, "I".toLowerCase() is the dotless "\u0131", which would turn MAIL.INFO into a U-label.
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(DomainName.normalize("MAIL.INFO").name()).isEqualTo("mail.info");
      assertThat(DomainName.comparable("MAIL.INFO.")).isEqualTo("mail.info");
    } finally {
      Locale.setDefault(saved);
    }
  }

  static Stream<Arguments> wildcardPatterns() {
    return Stream.of(
        Arguments.of("left-most wildcard allowed for mx patterns", "*.example.com", true, null),
        Arguments.of("left-most wildcard refused for names", "*.example.com", false, Problem.WILDCARD),
        Arguments.of("wildcard alone refused even for patterns", "*", true, Problem.WILDCARD),
        Arguments.of("inner wildcard refused for patterns", "mail.*.example.com", true, Problem.WILDCARD),
        Arguments.of("partial-label wildcard refused for patterns", "*mail.example.com", true, Problem.NOT_LDH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wildcardPatterns")
  void checkLdhWildcards(String name, String input, boolean allowWildcard, Problem expected) {
    assertThat(DomainName.checkLdh(input, allowWildcard)).isEqualTo(expected);
  }
}
