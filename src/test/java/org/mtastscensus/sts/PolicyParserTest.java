package org.mtastscensus.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtastscensus.verdict.FindingCode.POLICY_DUPLICATE_KEY;
import static org.mtastscensus.verdict.FindingCode.POLICY_KEY_TYPO;
import static org.mtastscensus.verdict.FindingCode.POLICY_MAX_AGE_INVALID;
import static org.mtastscensus.verdict.FindingCode.POLICY_MAX_AGE_MISSING;
import static org.mtastscensus.verdict.FindingCode.POLICY_MAX_AGE_SHORT;
import static org.mtastscensus.verdict.FindingCode.POLICY_MODE_INVALID;
import static org.mtastscensus.verdict.FindingCode.POLICY_MODE_MISSING;
import static org.mtastscensus.verdict.FindingCode.POLICY_MX_INVALID;
import static org.mtastscensus.verdict.FindingCode.POLICY_MX_MISSING;
import static org.mtastscensus.verdict.FindingCode.POLICY_SYNTAX_INVALID;
import static org.mtastscensus.verdict.FindingCode.POLICY_UNKNOWN_KEY;
import static org.mtastscensus.verdict.FindingCode.POLICY_VERSION_INVALID;
import static org.mtastscensus.verdict.FindingCode.POLICY_VERSION_MISSING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.verdict.Finding;
import org.mtastscensus.verdict.FindingCode;

/**
 * The policy body grammar, RFC 8461 §3.2, as the rulebook §1.3 (R-POL-1..6) and the POLICY_* codes of §3 define it.
 * Each case states the body, whether it is valid (no POLICY_IGNORED finding), the exact set of codes and the parsed
 * fields. Unless a case says otherwise, a body is the well-formed enforce policy below with one line changed.
 */
class PolicyParserTest {

  private static final String VERSION = "version: STSv1\n";
  private static final String ENFORCE = "mode: enforce\n";
  private static final String MX = "mx: mail.example.com\n";
  private static final String MAX_AGE = "max_age: 604800\n";
  private static final String WELL_FORMED = VERSION + ENFORCE + MX + MAX_AGE;

  /** The expected reading of one body; defaults are those of {@link #WELL_FORMED}. */
  static final class Case {
    final String name;
    final String body;
    boolean valid = true;
    Set<FindingCode> codes = EnumSet.noneOf(FindingCode.class);
    String version = "STSv1";
    PolicyMode mode = PolicyMode.ENFORCE;
    Long maxAge = 604_800L;
    List<String> mx = List.of("mail.example.com");
    List<String> mxValues;
    List<String> unknown = List.of();

    Case(String name, String body) {
      this.name = name;
      this.body = body;
    }

    Case invalid(FindingCode... expected) {
      valid = false;
      return codes(expected);
    }

    Case codes(FindingCode... expected) {
      codes = EnumSet.noneOf(FindingCode.class);
      codes.addAll(Arrays.asList(expected));
      return this;
    }

    Case version(String value) {
      version = value;
      return this;
    }

    Case mode(PolicyMode value) {
      mode = value;
      return this;
    }

    Case maxAge(Long value) {
      maxAge = value;
      return this;
    }

    Case mx(String... patterns) {
      mx = List.of(patterns);
      return this;
    }

    Case mxValues(String... values) {
      mxValues = List.of(values);
      return this;
    }

    Case unknown(String... keys) {
      unknown = List.of(keys);
      return this;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, String body) {
    return new Case(name, body);
  }

  /** The well-formed body with {@code line} (with its LF) replaced by {@code replacement}. */
  private static String replace(String line, String replacement) {
    if (!WELL_FORMED.contains(line)) {
      throw new IllegalArgumentException(line);
    }
    return WELL_FORMED.replace(line, replacement);
  }

  static Stream<Case> policies() {
    return Stream.of(
        // R-POL-1: version, mode and max_age required once; mx at least once unless mode is none.
        c("R-POL-1 well-formed enforce policy", WELL_FORMED),
        c("R-POL-1 testing policy with mx", replace(ENFORCE, "mode: testing\n")).mode(PolicyMode.TESTING),
        c("R-POL-1 mode none without mx is valid", VERSION + "mode: none\n" + MAX_AGE).mode(PolicyMode.NONE).mx(),
        c("R-POL-1 mode none with mx is valid", replace(ENFORCE, "mode: none\n")).mode(PolicyMode.NONE),
        c("R-POL-1 version missing", replace(VERSION, "")).invalid(POLICY_VERSION_MISSING).version(null),
        c("R-POL-1 mode missing", replace(ENFORCE, "")).invalid(POLICY_MODE_MISSING).mode(null),
        c("R-POL-1 max_age missing", replace(MAX_AGE, "")).invalid(POLICY_MAX_AGE_MISSING).maxAge(null),
        c("R-POL-1 mx missing under enforce", replace(MX, "")).invalid(POLICY_MX_MISSING).mx(),
        c("R-POL-1 mx missing under testing", VERSION + "mode: testing\n" + MAX_AGE)
            .invalid(POLICY_MX_MISSING).mode(PolicyMode.TESTING).mx(),
        c("R-POL-1 empty body lacks every required field", "")
            .invalid(POLICY_VERSION_MISSING, POLICY_MODE_MISSING, POLICY_MAX_AGE_MISSING)
            .version(null).mode(null).maxAge(null).mx(),
        c("R-POL-1 version STSv2 is POLICY_VERSION_INVALID", replace(VERSION, "version: STSv2\n"))
            .invalid(POLICY_VERSION_INVALID).version("STSv2"),
        c("R-POL-1 version stsv1 (case) is POLICY_VERSION_INVALID", replace(VERSION, "version: stsv1\n"))
            .invalid(POLICY_VERSION_INVALID).version("stsv1"),
        c("R-POL-1 empty version value is POLICY_VERSION_INVALID", replace(VERSION, "version:\n"))
            .invalid(POLICY_VERSION_INVALID).version(""),
        c("R-POL-1 unknown mode 'strict' is POLICY_MODE_INVALID", replace(ENFORCE, "mode: strict\n"))
            .invalid(POLICY_MODE_INVALID).mode(null),

        // R-POL-2: LF or CRLF, mixed allowed, final terminator optional; no leading WSP, empty line or BOM;
        // trailing WSP allowed. A line that is not key: value is ignored, so its field counts as missing.
        c("R-POL-2 LF line endings", WELL_FORMED),
        c("R-POL-2 CRLF line endings", WELL_FORMED.replace("\n", "\r\n")),
        c("R-POL-2 mixed LF and CRLF", VERSION.replace("\n", "\r\n") + ENFORCE + MX.replace("\n", "\r\n") + MAX_AGE),
        c("R-POL-2 no final terminator after LF lines", WELL_FORMED.substring(0, WELL_FORMED.length() - 1)),
        c("R-POL-2 no final terminator after CRLF lines", WELL_FORMED.replace("\n", "\r\n").stripTrailing()),
        c("R-POL-2 BOM before the version: syntax error and version missing", "\uFEFF" + WELL_FORMED)
            .invalid(POLICY_SYNTAX_INVALID, POLICY_VERSION_MISSING).version(null),
        c("R-POL-2 blank line between fields is cosmetic", VERSION + ENFORCE + "\n" + MX + MAX_AGE)
            .codes(POLICY_SYNTAX_INVALID),
        c("R-POL-2 blank CRLF line at the end is cosmetic", WELL_FORMED.replace("\n", "\r\n") + "\r\n")
            .codes(POLICY_SYNTAX_INVALID),
        c("R-POL-2 leading space: line ignored, mode missing", replace(ENFORCE, " mode: enforce\n"))
            .invalid(POLICY_SYNTAX_INVALID, POLICY_MODE_MISSING).mode(null),
        c("R-POL-2 leading tab: line ignored, mx missing", replace(MX, "\tmx: mail.example.com\n"))
            .invalid(POLICY_SYNTAX_INVALID, POLICY_MX_MISSING).mx(),
        c("R-POL-2 no colon: line ignored, version missing", replace(VERSION, "version STSv1\n"))
            .invalid(POLICY_SYNTAX_INVALID, POLICY_VERSION_MISSING).version(null),
        c("R-POL-2 '=' instead of ':': line ignored, max_age missing", replace(MAX_AGE, "max_age=604800\n"))
            .invalid(POLICY_SYNTAX_INVALID, POLICY_MAX_AGE_MISSING).maxAge(null),
        c("R-POL-2 white space before the colon: line ignored, mode missing", replace(ENFORCE, "mode : enforce\n"))
            .invalid(POLICY_SYNTAX_INVALID, POLICY_MODE_MISSING).mode(null),
        c("R-POL-2 trailing white space after the value is allowed", replace(ENFORCE, "mode: enforce \t\n")),
        c("R-POL-2 trailing white space before CRLF is allowed", WELL_FORMED.replace("\n", "  \r\n")),
        c("R-POL-2 several spaces and a tab after the colon are allowed", replace(ENFORCE, "mode:  \tenforce\n")),
        c("R-POL-2 no white space after the colon is allowed", replace(ENFORCE, "mode:enforce\n")),

        // R-POL-3: field order free; keys and enumerated values case-sensitive.
        c("R-POL-3 field order is free", MAX_AGE + MX + ENFORCE + VERSION),
        c("R-POL-3 'Mode: enforce' is an extension: unknown key, typo, mode missing",
            replace(ENFORCE, "Mode: enforce\n"))
            .invalid(POLICY_UNKNOWN_KEY, POLICY_KEY_TYPO, POLICY_MODE_MISSING).mode(null).unknown("Mode"),
        c("R-POL-3 'VERSION: STSv1' is an extension: unknown key, typo, version missing",
            replace(VERSION, "VERSION: STSv1\n"))
            .invalid(POLICY_UNKNOWN_KEY, POLICY_KEY_TYPO, POLICY_VERSION_MISSING).version(null).unknown("VERSION"),
        c("R-POL-3 'mode: Enforce' is POLICY_MODE_INVALID", replace(ENFORCE, "mode: Enforce\n"))
            .invalid(POLICY_MODE_INVALID).mode(null),
        c("R-POL-3 'mode: TESTING' is POLICY_MODE_INVALID", replace(ENFORCE, "mode: TESTING\n"))
            .invalid(POLICY_MODE_INVALID).mode(null),

        // R-POL-4: unknown fields ignored; a repeated non-mx field: first wins.
        c("R-POL-4 duplicate mode: first value kept", WELL_FORMED + "mode: none\n").codes(POLICY_DUPLICATE_KEY),
        c("R-POL-4 duplicate version with a bad second value: first kept", WELL_FORMED + "version: STSv2\n")
            .codes(POLICY_DUPLICATE_KEY),
        c("R-POL-4 duplicate max_age with an invalid second value: first kept", WELL_FORMED + "max_age: xxx\n")
            .codes(POLICY_DUPLICATE_KEY),
        c("R-POL-4 duplicate max_age: first of two valid values kept", WELL_FORMED + "max_age: 60\n")
            .codes(POLICY_DUPLICATE_KEY),
        c("R-POL-4 duplicate mode with an invalid first value: the first still counts",
            replace(ENFORCE, "mode: Enforce\nmode: enforce\n"))
            .invalid(POLICY_MODE_INVALID, POLICY_DUPLICATE_KEY).mode(null),
        c("R-POL-4 several mx lines are allowed", WELL_FORMED + "mx: backup.example.net\nmx: *.example.org\n")
            .mx("mail.example.com", "backup.example.net", "*.example.org"),
        c("R-POL-4 unknown key is ignored: POLICY_UNKNOWN_KEY only", WELL_FORMED + "foo: bar\n")
            .codes(POLICY_UNKNOWN_KEY).unknown("foo"),
        c("R-POL-4 extension value may carry UTF-8", WELL_FORMED + "comment: caf\u00e9 \u00fcber alles\n")
            .codes(POLICY_UNKNOWN_KEY).unknown("comment"),
        c("R-POL-4 typo 'MX' is not mx: unknown, typo, mx missing", replace(MX, "MX: mail.example.com\n"))
            .invalid(POLICY_UNKNOWN_KEY, POLICY_KEY_TYPO, POLICY_MX_MISSING).mx().unknown("MX"),
        c("R-POL-4 typo 'max-age': unknown, typo, max_age missing", replace(MAX_AGE, "max-age: 604800\n"))
            .invalid(POLICY_UNKNOWN_KEY, POLICY_KEY_TYPO, POLICY_MAX_AGE_MISSING).maxAge(null).unknown("max-age"),
        c("R-POL-4 typo 'nmx': unknown, typo, mx missing", replace(MX, "nmx: mail.example.com\n"))
            .invalid(POLICY_UNKNOWN_KEY, POLICY_KEY_TYPO, POLICY_MX_MISSING).mx().unknown("nmx"),
        c("R-POL-4 typo 'mode_': unknown, typo, mode missing", replace(ENFORCE, "mode_: enforce\n"))
            .invalid(POLICY_UNKNOWN_KEY, POLICY_KEY_TYPO, POLICY_MODE_MISSING).mode(null).unknown("mode_"),
        c("R-POL-4 typo beside the real key: the policy stays valid", WELL_FORMED + "MX: backup.example.com\n")
            .codes(POLICY_UNKNOWN_KEY, POLICY_KEY_TYPO).unknown("MX"),

        // R-POL-5: max_age is 1*10 DIGIT and at most 31557600; below one day is short.
        c("R-POL-5 max_age 'xxx' is invalid", replace(MAX_AGE, "max_age: xxx\n"))
            .invalid(POLICY_MAX_AGE_INVALID).maxAge(null),
        c("R-POL-5 max_age '-1' is invalid", replace(MAX_AGE, "max_age: -1\n"))
            .invalid(POLICY_MAX_AGE_INVALID).maxAge(null),
        c("R-POL-5 max_age of 11 digits is invalid", replace(MAX_AGE, "max_age: 10000000000\n"))
            .invalid(POLICY_MAX_AGE_INVALID).maxAge(null),
        c("R-POL-5 max_age of 10 digits above the limit is invalid", replace(MAX_AGE, "max_age: 9999999999\n"))
            .invalid(POLICY_MAX_AGE_INVALID).maxAge(null),
        c("R-POL-5 max_age 31557601 is above the limit", replace(MAX_AGE, "max_age: 31557601\n"))
            .invalid(POLICY_MAX_AGE_INVALID).maxAge(null),
        c("R-POL-5 max_age 31557600 is the limit and valid", replace(MAX_AGE, "max_age: 31557600\n"))
            .maxAge(31_557_600L),
        c("R-POL-5 empty max_age is invalid", replace(MAX_AGE, "max_age:\n"))
            .invalid(POLICY_MAX_AGE_INVALID).maxAge(null),
        c("R-POL-5 max_age with a unit is invalid", replace(MAX_AGE, "max_age: 86400s\n"))
            .invalid(POLICY_MAX_AGE_INVALID).maxAge(null),
        c("R-POL-5 max_age 0 is valid but short", replace(MAX_AGE, "max_age: 0\n"))
            .codes(POLICY_MAX_AGE_SHORT).maxAge(0L),
        c("R-POL-5 max_age 86399 is short", replace(MAX_AGE, "max_age: 86399\n"))
            .codes(POLICY_MAX_AGE_SHORT).maxAge(86_399L),
        c("R-POL-5 max_age 86400 is not short", replace(MAX_AGE, "max_age: 86400\n")).maxAge(86_400L),

        // R-POL-6: mx is ["*."] Domain (RFC 5321), IDNs as A-labels, no IP addresses.
        mxInvalid("R-POL-6 '*example.com' (wildcard not a whole label) is invalid", "*example.com"),
        mxInvalid("R-POL-6 'mail.*.example.com' (wildcard not left-most) is invalid", "mail.*.example.com"),
        mxInvalid("R-POL-6 '*.*.example.com' (two wildcards) is invalid", "*.*.example.com"),
        mxInvalid("R-POL-6 '*.' (wildcard alone) is invalid", "*."),
        mxInvalid("R-POL-6 '*' (wildcard alone) is invalid", "*"),
        mxInvalid("R-POL-6 IPv4 address is invalid", "1.2.3.4"),
        mxInvalid("R-POL-6 IPv4 address literal is invalid", "[1.2.3.4]"),
        mxInvalid("R-POL-6 IPv6 address is invalid", "2001:db8::1"),
        mxInvalid("R-POL-6 URL is invalid", "https://mx.example.com"),
        mxInvalid("R-POL-6 U-label is invalid (IDNs must be A-labels)", "m\u00e4il.example.com"),
        mxInvalid("R-POL-6 empty mx value is invalid", ""),
        mxInvalid("R-POL-6 underscore in a label is invalid", "mail_1.example.com"),
        mxInvalid("R-POL-6 label starting with '-' is invalid", "-mail.example.com"),
        mxInvalid("R-POL-6 empty label is invalid", "mail..example.com"),
        c("R-POL-6 one invalid mx beside a valid one: policy invalid, valid pattern kept",
            WELL_FORMED + "mx: *mail.example.com\n")
            .invalid(POLICY_MX_INVALID).mxValues("mail.example.com", "*mail.example.com"),
        c("R-POL-6 A-label mx is valid", replace(MX, "mx: xn--mil-via.example.com\n")).mx("xn--mil-via.example.com"),
        c("R-POL-6 wildcard mx is valid", replace(MX, "mx: *.example.com\n")).mx("*.example.com"),
        c("R-POL-6 mx with a trailing dot is accepted", replace(MX, "mx: mail.example.com.\n"))
            .mx("mail.example.com").mxValues("mail.example.com."),
        c("R-POL-6 upper-case mx is accepted in comparison form", replace(MX, "mx: MAIL.Example.COM\n"))
            .mx("mail.example.com").mxValues("MAIL.Example.COM"),
        c("R-POL-6 trailing white space after an mx value is allowed", replace(MX, "mx: mail.example.com \t\n"))
            .mxValues("mail.example.com"));
  }

  private static Case mxInvalid(String name, String value) {
    return c(name, replace(MX, "mx: " + value + "\n")).invalid(POLICY_MX_INVALID).mx().mxValues(value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void parsesThePolicy(Case expected) {
    ParsedPolicy policy = PolicyParser.parse(expected.body);

    assertThat(policy.findings().stream().map(Finding::code).collect(Collectors.toSet()))
        .as("finding codes, findings %s", policy.findings())
        .isEqualTo(expected.codes);
    assertThat(policy.valid()).as("valid()").isEqualTo(expected.valid);
    assertThat(policy.version()).as("version").isEqualTo(expected.version);
    assertThat(policy.mode()).as("mode").isEqualTo(expected.mode);
    assertThat(policy.maxAge()).as("maxAge").isEqualTo(expected.maxAge);
    assertThat(policy.mxPatterns()).extracting(MxPattern::value).as("mx patterns").containsExactlyElementsOf(expected.mx);
    List<String> mxValues = expected.mxValues != null ? expected.mxValues : new ArrayList<>(expected.mx);
    assertThat(policy.mxValues()).as("mx values").containsExactlyElementsOf(mxValues);
    assertThat(policy.unknownKeys()).as("unknown keys").containsExactlyElementsOf(expected.unknown);
  }

  @Test
  void isTotalOnEveryPrefixOfEveryCase() {
    // Pure and total: every prefix of every case body (a truncated download) parses without an exception.
    policies().forEach(expected -> {
      for (int i = 0; i <= expected.body.length(); i++) {
        assertThat(PolicyParser.parse(expected.body.substring(0, i))).as(expected.name).isNotNull();
      }
    });
    assertThat(PolicyParser.parse(null).valid()).isFalse();
  }

  static Stream<Arguments> editDistances() {
    return Stream.of(
        Arguments.of("identical", "mode", "mode", true),
        Arguments.of("both empty", "", "", true),
        Arguments.of("insertion into empty", "", "m", true),
        Arguments.of("substitution", "mode", "mide", true),
        Arguments.of("substitution at the end", "mx", "my", true),
        Arguments.of("insertion at the front", "nmx", "mx", true),
        Arguments.of("insertion in the middle", "max_age", "maxage", true),
        Arguments.of("insertion at the end", "mode", "mode_", true),
        Arguments.of("deletion (shorter first)", "mx", "nmx", true),
        Arguments.of("adjacent swap", "mode", "mdoe", true),
        Arguments.of("adjacent swap at the end", "version", "versino", true),
        Arguments.of("two substitutions", "mode", "mxdx", false),
        Arguments.of("two insertions", "mx", "mxxx", false),
        Arguments.of("swap of non-adjacent letters", "mode", "eodm", false),
        Arguments.of("swap plus substitution", "mode", "dmox", false),
        Arguments.of("reversed", "version", "noisrev", false),
        Arguments.of("unrelated same length", "abc", "xyz", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("editDistances")
  void editDistanceAtMostOne(String name, String a, String b, boolean expected) {
    assertThat(PolicyParser.editDistanceAtMostOne(a, b)).isEqualTo(expected);
    assertThat(PolicyParser.editDistanceAtMostOne(b, a)).as("symmetric").isEqualTo(expected);
  }

  static Stream<Arguments> typos() {
    return Stream.of(
        Arguments.of("'Mode' is mode in another case", "Mode", Optional.of("mode")),
        Arguments.of("'VERSION' is version in another case", "VERSION", Optional.of("version")),
        Arguments.of("'MX' is mx in another case", "MX", Optional.of("mx")),
        Arguments.of("'Max_Age' is max_age in another case", "Max_Age", Optional.of("max_age")),
        Arguments.of("'max-age' is one substitution from max_age", "max-age", Optional.of("max_age")),
        Arguments.of("'maxage' is one deletion from max_age", "maxage", Optional.of("max_age")),
        Arguments.of("'nmx' is one insertion from mx", "nmx", Optional.of("mx")),
        Arguments.of("'mode_' is one insertion from mode", "mode_", Optional.of("mode")),
        Arguments.of("'mdoe' is one adjacent swap from mode", "mdoe", Optional.of("mode")),
        Arguments.of("'verison' is one adjacent swap from version", "verison", Optional.of("version")),
        Arguments.of("'MAX-AGE' is another case and one edit", "MAX-AGE", Optional.of("max_age")),
        Arguments.of("'foo' is no registered key", "foo", Optional.empty()),
        Arguments.of("'comment' is no registered key", "comment", Optional.empty()),
        Arguments.of("'max_age_seconds' is far from max_age", "max_age_seconds", Optional.empty()),
        Arguments.of("'modes_' is two edits from mode", "modes_", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typos")
  void typoOf(String name, String key, Optional<String> expected) {
    assertThat(PolicyParser.typoOf(key)).isEqualTo(expected);
  }
}
