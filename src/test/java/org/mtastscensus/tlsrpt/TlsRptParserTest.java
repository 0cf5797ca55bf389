package org.mtastscensus.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtastscensus.verdict.FindingCode.TLSRPT_INVALID;
import static org.mtastscensus.verdict.FindingCode.TLSRPT_MULTIPLE;

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
 * The {@code _smtp._tls} TXT record, RFC 8460 §3, as the rulebook §1.6 and the TLSRPT_* codes of §3 define it:
 * records not beginning with {@code v=TLSRPTv1} are discarded, exactly one must remain; {@code rua} is required and
 * takes a comma-separated list of {@code mailto:} or {@code https:} URIs; unknown fields are ignored.
 */
class TlsRptParserTest {

  private static final String MAILTO = "mailto:tlsrpt@example.com";
  private static final String HTTPS = "https://reports.example.com/v1/tlsrpt";

  static Stream<Arguments> records() {
    return Stream.of(
        valid("valid mailto rua", List.of(MAILTO), "v=TLSRPTv1; rua=" + MAILTO),
        valid("valid https rua", List.of(HTTPS), "v=TLSRPTv1; rua=" + HTTPS),
        valid("no space after the delimiter", List.of(MAILTO), "v=TLSRPTv1;rua=" + MAILTO),
        valid("several URIs separated by ',' without white space", List.of(MAILTO, HTTPS),
            "v=TLSRPTv1; rua=" + MAILTO + "," + HTTPS),
        valid("several URIs separated by ',' with WSP around it", List.of(MAILTO, HTTPS, "mailto:b@example.net"),
            "v=TLSRPTv1; rua=" + MAILTO + " , " + HTTPS + "\t,mailto:b@example.net"),
        valid("several rua fields are all kept", List.of(MAILTO, HTTPS),
            "v=TLSRPTv1; rua=" + MAILTO + "; rua=" + HTTPS),
        valid("unknown extension field is ignored", List.of(MAILTO), "v=TLSRPTv1; rua=" + MAILTO + "; ext=foo"),
        valid("trailing ';' is allowed", List.of(MAILTO), "v=TLSRPTv1; rua=" + MAILTO + ";"),
        valid("trailing '; ' is allowed", List.of(MAILTO), "v=TLSRPTv1; rua=" + MAILTO + "; "),
        valid("split strings joined without spaces", List.of(MAILTO), "v=TLSRPTv1; rua=mailto:tls" + "rpt@example.com"),
        valid("percent-encoded '!' in a URI is fine", List.of("mailto:tls%21rpt@example.com"),
            "v=TLSRPTv1; rua=mailto:tls%21rpt@example.com"),
        valid("unrelated TXT beside a valid record is discarded", List.of(MAILTO),
            "v=spf1 -all", "v=TLSRPTv1; rua=" + MAILTO),
        Arguments.of("a wrong-version record beside a valid one is flagged, the valid one counts",
            List.of("v=TLSRPTv2; rua=" + MAILTO, "v=TLSRPTv1; rua=" + HTTPS),
            TlsRptStatus.VALID, List.of(HTTPS), codes(TLSRPT_INVALID)),

        absent("no record is ABSENT"),
        absent("unrelated TXT (SPF) is ABSENT", "v=spf1 include:_spf.example.net -all"),

        invalid("version v=TLSRPTv2 is INVALID", codes(TLSRPT_INVALID), "v=TLSRPTv2; rua=" + MAILTO),
        invalid("version v=tlsrptv1 (case) is INVALID", codes(TLSRPT_INVALID), "v=tlsrptv1; rua=" + MAILTO),
        invalid("no rua field is INVALID", codes(TLSRPT_INVALID), "v=TLSRPTv1; ext=foo"),
        invalid("version alone is INVALID (rua required)", codes(TLSRPT_INVALID), "v=TLSRPTv1"),
        invalid("'RUA=' is an extension (case-sensitive), so rua is missing", codes(TLSRPT_INVALID),
            "v=TLSRPTv1; RUA=" + MAILTO),
        invalid("http: rua is INVALID", codes(TLSRPT_INVALID), "v=TLSRPTv1; rua=http://reports.example.com/tlsrpt"),
        invalid("ftp: rua is INVALID", codes(TLSRPT_INVALID), "v=TLSRPTv1; rua=ftp://reports.example.com/tlsrpt"),
        invalid("one bad URI among good ones is INVALID", codes(TLSRPT_INVALID),
            "v=TLSRPTv1; rua=" + MAILTO + ",http://reports.example.com/tlsrpt"),
        invalid("empty rua is INVALID", codes(TLSRPT_INVALID), "v=TLSRPTv1; rua="),
        invalid("trailing ',' leaves an empty URI: INVALID", codes(TLSRPT_INVALID), "v=TLSRPTv1; rua=" + MAILTO + ","),
        invalid("URIs separated by a space instead of ',' are INVALID", codes(TLSRPT_INVALID),
            "v=TLSRPTv1; rua=" + MAILTO + " " + HTTPS),
        invalid("literal '!' in a URI (DMARC-style size suffix) is INVALID: it MUST be percent-encoded",
            codes(TLSRPT_INVALID), "v=TLSRPTv1; rua=" + MAILTO + "!10m"),
        invalid("URI without a target is INVALID", codes(TLSRPT_INVALID), "v=TLSRPTv1; rua=https:///tlsrpt"),
        invalid("two records are TLSRPT_MULTIPLE", codes(TLSRPT_MULTIPLE),
            "v=TLSRPTv1; rua=" + MAILTO, "v=TLSRPTv1; rua=" + HTTPS),
        invalid("two identical records are still TLSRPT_MULTIPLE", codes(TLSRPT_MULTIPLE),
            "v=TLSRPTv1; rua=" + MAILTO, "v=TLSRPTv1; rua=" + MAILTO));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void judgesTheRecordSet(String name, List<String> txt, TlsRptStatus status, List<String> rua, Set<FindingCode> codes) {
    TlsRptCheck check = TlsRptParser.check(txt);

    assertThat(check.findings().stream().map(Finding::code).collect(Collectors.toSet()))
        .as("finding codes, findings %s", check.findings())
        .isEqualTo(codes);
    assertThat(check.status()).as("status").isEqualTo(status);
    assertThat(check.rua()).as("rua").containsExactlyElementsOf(rua);
  }

  private static Arguments valid(String name, List<String> rua, String... txt) {
    return Arguments.of(name, List.of(txt), TlsRptStatus.VALID, rua, codes());
  }

  private static Arguments absent(String name, String... txt) {
    return Arguments.of(name, List.of(txt), TlsRptStatus.ABSENT, List.of(), codes());
  }

  private static Arguments invalid(String name, Set<FindingCode> codes, String... txt) {
    return Arguments.of(name, List.of(txt), TlsRptStatus.INVALID, List.of(), codes);
  }

  private static Set<FindingCode> codes(FindingCode... codes) {
    EnumSet<FindingCode> set = EnumSet.noneOf(FindingCode.class);
    set.addAll(Arrays.asList(codes));
    return set;
  }
}
