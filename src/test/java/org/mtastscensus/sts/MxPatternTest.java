package org.mtastscensus.sts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MX pattern matching, RFC 8461 §4.1 as the rulebook R-MX-1 states it: case-insensitive, trailing-dot-insensitive,
 * and {@code *} matches exactly one whole left-most label (never zero, never several, never part of a label).
 */
class MxPatternTest {

  static Stream<Arguments> matches() {
    return Stream.of(
        // Exact patterns.
        m("exact: same name", "mail.example.com", "mail.example.com", true),
        m("exact: host in upper case", "mail.example.com", "MAIL.EXAMPLE.COM", true),
        m("exact: host with trailing dot", "mail.example.com", "mail.example.com.", true),
        m("exact: host in mixed case with trailing dot", "mail.example.com", "Mail.Example.Com.", true),
        m("exact: pattern in upper case with trailing dot", "MAIL.Example.COM.", "mail.example.com", true),
        m("exact: other host in the same zone", "mail.example.com", "mail2.example.com", false),
        m("exact: parent of the pattern", "mail.example.com", "example.com", false),
        m("exact: child of the pattern", "mail.example.com", "a.mail.example.com", false),
        m("exact: pattern as a prefix of the host", "mail.example.com", "mail.example.com.evil.net", false),
        m("exact: pattern as a suffix of a label", "mail.example.com", "xmail.example.com", false),

        // Wildcard patterns.
        m("wildcard: one label", "*.example.com", "mail.example.com", true),
        m("wildcard: upper case host with trailing dot", "*.example.com", "MAIL.Example.COM.", true),
        m("wildcard: upper case pattern", "*.EXAMPLE.com", "mail.example.com", true),
        m("wildcard: one-character label", "*.example.com", "m.example.com", true),
        m("wildcard: does not match the bare suffix (zero labels)", "*.example.com", "example.com", false),
        m("wildcard: does not match two labels", "*.example.com", "a.b.example.com", false),
        m("wildcard: does not match without the dot", "*.example.com", "mailexample.com", false),
        m("wildcard: does not match a hyphenated look-alike", "*.example.com", "evil-example.com", false),
        m("wildcard: does not match an empty left-most label", "*.example.com", ".example.com", false),
        m("wildcard: does not match another zone", "*.example.com", "mail.example.org", false),
        m("wildcard: does not match the suffix under another parent", "*.example.com", "mail.example.com.evil.net",
            false),
        m("wildcard: does not match a longer suffix label", "*.example.com", "mail.myexample.com", false));
  }

  private static Arguments m(String name, String pattern, String host, boolean expected) {
    return Arguments.of(name, pattern, host, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matches")
  void matchesLikeRfc8461(String name, String pattern, String host, boolean expected) {
    MxPattern parsed = MxPattern.parse(pattern).orElseThrow();

    assertThat(parsed.matches(host)).isEqualTo(expected);
  }

  static Stream<Arguments> parses() {
    return Stream.of(
        Arguments.of("exact name kept in comparison form", "mail.example.com", "mail.example.com", false),
        Arguments.of("upper case lowered, trailing dot dropped", "MAIL.Example.COM.", "mail.example.com", false),
        Arguments.of("wildcard recognised", "*.example.com", "*.example.com", true),
        Arguments.of("A-label kept", "xn--mil-via.example.com", "xn--mil-via.example.com", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parses")
  void parsesValidPatterns(String name, String raw, String value, boolean wildcard) {
    assertThat(MxPattern.problem(raw)).isEmpty();
    MxPattern parsed = MxPattern.parse(raw).orElseThrow();
    assertThat(parsed.value()).isEqualTo(value);
    assertThat(parsed.isWildcard()).isEqualTo(wildcard);
  }

  static Stream<Arguments> rejects() {
    return Stream.of(
        Arguments.of("wildcard inside a label", "*example.com"),
        Arguments.of("wildcard not left-most", "mail.*.example.com"),
        Arguments.of("two wildcards", "*.*.example.com"),
        Arguments.of("wildcard with nothing after it", "*."),
        Arguments.of("IPv4 address", "1.2.3.4"),
        Arguments.of("IPv4 address literal", "[1.2.3.4]"),
        Arguments.of("URL", "https://mx.example.com"),
        Arguments.of("U-label", "m\u00e4il.example.com"),
        Arguments.of("empty", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejects")
  void rejectsInvalidPatterns(String name, String raw) {
    assertThat(MxPattern.problem(raw)).isPresent();
    assertThat(MxPattern.parse(raw)).isEmpty();
  }
}
