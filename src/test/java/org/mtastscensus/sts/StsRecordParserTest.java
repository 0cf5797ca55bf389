package org.mtastscensus.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtastscensus.verdict.FindingCode.TXT_DUPLICATE_FIELD;
import static org.mtastscensus.verdict.FindingCode.TXT_ID_INVALID;
import static org.mtastscensus.verdict.FindingCode.TXT_ID_MISSING;
import static org.mtastscensus.verdict.FindingCode.TXT_MULTIPLE_RECORDS;
import static org.mtastscensus.verdict.FindingCode.TXT_SYNTAX_INVALID;
import static org.mtastscensus.verdict.FindingCode.TXT_VERSION_INVALID;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.verdict.Finding;
import org.mtastscensus.verdict.FindingCode;

/**
 * The {@code _mta-sts} TXT record, RFC 8461 §3.1, as the rulebook §1.1 and the TXT_* codes of §3 define it. Every
 * expectation comes from the ABNF and the contract, not from the parser's output. The parser receives TXT records
 * whose character-strings are already joined (R-TXT-4 is the resolver's job), so split records are written as the
 * concatenation of their strings.
 */
class StsRecordParserTest {

  private static final String ID32 = "A1234567890123456789012345678901";

  static Stream<Arguments> records() {
    return Stream.of(
        // R-TXT-1: the record must be US-ASCII.
        invalid("R-TXT-1 non-ASCII extension value is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc; ext=caf\u00e9"),
        invalid("R-TXT-1 non-ASCII letter in the id is an invalid id and non-ASCII", true,
            codes(TXT_ID_INVALID, TXT_SYNTAX_INVALID), "v=STSv1; id=abc\u00e9"),

        // R-TXT-2: begins with v=STSv1; field order after it is free.
        valid("R-TXT-2 canonical record", "20160831085700Z", codes(), "v=STSv1; id=20160831085700Z"),
        valid("R-TXT-2 field order after the version is free (extension before id)", "abc", codes(),
            "v=STSv1; ext=1; id=abc"),
        invalid("R-TXT-2 leading space before v=STSv1 is TXT_VERSION_INVALID", true,
            codes(TXT_VERSION_INVALID), " v=STSv1; id=abc"),
        invalid("R-TXT-2 fields before the version is TXT_VERSION_INVALID", true,
            codes(TXT_VERSION_INVALID), "id=abc; v=STSv1"),
        invalid("R-TXT-2 wrong case V=STSv1 is TXT_VERSION_INVALID", true,
            codes(TXT_VERSION_INVALID), "V=STSv1; id=abc"),
        invalid("R-TXT-2 wrong case v=stsv1 is TXT_VERSION_INVALID", true,
            codes(TXT_VERSION_INVALID), "v=stsv1; id=abc"),
        invalid("R-TXT-2 v=STSv10 is not exactly STSv1", true,
            codes(TXT_VERSION_INVALID), "v=STSv10; id=abc"),
        invalid("R-TXT-2 v=STSv2 is not STSv1", true,
            codes(TXT_VERSION_INVALID), "v=STSv2; id=abc"),

        // R-TXT-3: discard records that do not begin with v=STSv1; exactly one must remain and be valid.
        invalid("R-TXT-3 no TXT record at all is no STS record", false, codes()),
        invalid("R-TXT-3 unrelated TXT (SPF) alone is no STS record", false, codes(), "v=spf1 -all"),
        valid("R-TXT-3 unrelated TXT records beside a valid one are discarded", "abc", codes(),
            "v=spf1 include:_spf.example.net -all", "v=STSv1; id=abc", "google-site-verification=Zx9y8W7v6U5t4"),
        invalid("R-TXT-3 two STS records are TXT_MULTIPLE_RECORDS", true,
            codes(TXT_MULTIPLE_RECORDS), "v=STSv1; id=abc", "v=STSv1; id=def"),
        invalid("R-TXT-3 two identical STS records are still TXT_MULTIPLE_RECORDS", true,
            codes(TXT_MULTIPLE_RECORDS), "v=STSv1; id=abc", "v=STSv1; id=abc"),
        valid("R-TXT-3 'v=STSv1 ;' (WSP before the delimiter) is a valid record, erratum 6285", "abc", codes(),
            "v=STSv1 ; id=abc"),
        invalid("R-TXT-3 'v=STSv1 ;' and 'v=STSv1;' count as two records", true,
            codes(TXT_MULTIPLE_RECORDS), "v=STSv1 ; id=abc", "v=STSv1; id=def"),
        valid("R-TXT-3 a misspelt record beside a valid one is flagged and discarded", "abc",
            codes(TXT_VERSION_INVALID), "v=stsv1; id=zzz", "v=STSv1; id=abc"),
        invalid("R-TXT-3 missing ';' after the version is a syntax error (no field, so no id)", true,
            codes(TXT_SYNTAX_INVALID, TXT_ID_MISSING), "v=STSv1 id=abc"),

        // R-TXT-4: character-strings are concatenated without added spaces.
        valid("R-TXT-4 'v=STSv1; id=2019' + '0101' joins to id 20190101", "20190101", codes(),
            "v=STSv1; id=2019" + "0101"),
        valid("R-TXT-4 a split inside the version joins to v=STSv1", "abc", codes(), "v=STS" + "v1; id=abc"),
        invalid("R-TXT-4 strings joined with an added space break the id", true,
            codes(TXT_ID_INVALID), "v=STSv1; id=2019" + " " + "0101"),

        // R-TXT-5: the record may sit behind a CNAME; the resolver follows it and hands over the final TXT set,
        // which is judged like any other (the parser has no notion of the owner name).
        valid("R-TXT-5 a delegated record (TXT of the CNAME target) is judged on its text", "provider2024", codes(),
            "v=STSv1; id=provider2024"),

        // R-TXT-6: id is 1-32 ALPHA/DIGIT; v and id are case-sensitive literals.
        invalid("R-TXT-6 version alone, no id", true, codes(TXT_ID_MISSING), "v=STSv1"),
        invalid("R-TXT-6 version and trailing ';' only, no id", true, codes(TXT_ID_MISSING), "v=STSv1;"),
        invalid("R-TXT-6 extension but no id", true, codes(TXT_ID_MISSING), "v=STSv1; ext=1"),
        invalid("R-TXT-6 'ID=abc' is an extension (case-sensitive), so the id is missing", true,
            codes(TXT_ID_MISSING), "v=STSv1; ID=abc"),
        invalid("R-TXT-6 empty id", true, codes(TXT_ID_INVALID), "v=STSv1; id="),
        invalid("R-TXT-6 id of 33 characters", true, codes(TXT_ID_INVALID), "v=STSv1; id=" + ID32 + "2"),
        valid("R-TXT-6 id of 32 characters", ID32, codes(), "v=STSv1; id=" + ID32),
        valid("R-TXT-6 id of 1 character", "7", codes(), "v=STSv1; id=7"),
        valid("R-TXT-6 id of mixed-case letters and digits", "AbC123xYz", codes(), "v=STSv1; id=AbC123xYz"),
        invalid("R-TXT-6 id with '-'", true, codes(TXT_ID_INVALID), "v=STSv1; id=2019-01-01"),
        invalid("R-TXT-6 id with ':'", true, codes(TXT_ID_INVALID), "v=STSv1; id=12:30"),
        invalid("R-TXT-6 id with '.'", true, codes(TXT_ID_INVALID), "v=STSv1; id=1.2"),
        invalid("R-TXT-6 punctuated timestamp id", true, codes(TXT_ID_INVALID), "v=STSv1; id=2019-01-01T00:00:00Z"),

        // R-TXT-7: unknown extensions are ignored; a duplicated v or id counts once (the first).
        valid("R-TXT-7 extensions are ignored", "abc", codes(), "v=STSv1; id=abc; foo=bar; x.y-z_1=~!@#$%^&*()<>?"),
        valid("R-TXT-7 duplicate id: TXT_DUPLICATE_FIELD, still valid with the first id", "first",
            codes(TXT_DUPLICATE_FIELD), "v=STSv1; id=first; id=second"),
        valid("R-TXT-7 duplicate id whose second value is invalid: only the first counts", "abc",
            codes(TXT_DUPLICATE_FIELD), "v=STSv1; id=abc; id=not-valid"),
        invalid("R-TXT-7 duplicate id whose first value is invalid: the first still counts", true,
            codes(TXT_ID_INVALID, TXT_DUPLICATE_FIELD), "v=STSv1; id=not-valid; id=abc"),
        valid("R-TXT-7 duplicate v: TXT_DUPLICATE_FIELD, still valid", "abc",
            codes(TXT_DUPLICATE_FIELD), "v=STSv1; v=STSv1; id=abc"),

        // sts-field-delim = *WSP ";" *WSP, one optional trailing delimiter, nothing else.
        valid("delimiter without spaces 'v=STSv1;id=abc'", "abc", codes(), "v=STSv1;id=abc"),
        valid("delimiter with a tab", "abc", codes(), "v=STSv1;\tid=abc"),
        valid("trailing ';' is allowed", "abc", codes(), "v=STSv1; id=abc;"),
        valid("trailing '; ' is allowed", "abc", codes(), "v=STSv1; id=abc; "),
        valid("trailing ' ; ' is allowed", "abc", codes(), "v=STSv1; id=abc ; "),
        invalid("trailing white space after the last field is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc "),
        invalid("empty field ';;' is TXT_SYNTAX_INVALID", true, codes(TXT_SYNTAX_INVALID), "v=STSv1;; id=abc"),
        invalid("two trailing delimiters ';;' is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc;;"),
        invalid("space around '=' in id: syntax error, so no well-formed id", true,
            codes(TXT_SYNTAX_INVALID, TXT_ID_MISSING), "v=STSv1; id = abc"),
        invalid("space before '=' in an extension is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc; ext =1"),
        invalid("space after '=' in an extension is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc; ext= 1"),
        invalid("extension name starting with '_' is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc; _ext=1"),
        invalid("extension name of 33 characters is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc; " + "e".repeat(33) + "=1"),
        invalid("extension name with '@' is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc; e@x=1"),
        invalid("extension value with '=' is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc; ext=a=b"),
        invalid("extension value with a space is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc; ext=a b"),
        invalid("empty extension value is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc; ext="),
        invalid("field without '=' is TXT_SYNTAX_INVALID", true,
            codes(TXT_SYNTAX_INVALID), "v=STSv1; id=abc; junk"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void judgesTheRecordSet(String name, List<String> txt, boolean valid, boolean stsLike, String id, Set<FindingCode> codes) {
    StsRecordCheck check = StsRecordParser.check(txt);

    assertThat(check.findings().stream().map(Finding::code).collect(Collectors.toSet()))
        .as("finding codes, findings %s", check.findings())
        .isEqualTo(codes);
    assertThat(check.valid()).as("valid").isEqualTo(valid);
    assertThat(check.stsLike()).as("stsLike").isEqualTo(stsLike);
    assertThat(check.id()).as("id").isEqualTo(id);
  }

  private static Arguments valid(String name, String id, Set<FindingCode> codes, String... txt) {
    return Arguments.of(name, List.of(txt), true, true, id, codes);
  }

  private static Arguments invalid(String name, boolean stsLike, Set<FindingCode> codes, String... txt) {
    return Arguments.of(name, List.of(txt), false, stsLike, null, codes);
  }

  private static Set<FindingCode> codes(FindingCode... codes) {
    EnumSet<FindingCode> set = EnumSet.noneOf(FindingCode.class);
    set.addAll(Arrays.asList(codes));
    return set;
  }
}
