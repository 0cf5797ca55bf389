package org.mtastscensus.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtastscensus.verdict.FindingCode.*;
import static org.mtastscensus.verdict.Outcome.NO_DOMAIN;
import static org.mtastscensus.verdict.Outcome.POLICY_INVALID;
import static org.mtastscensus.verdict.Outcome.POLICY_UNAVAILABLE;
import static org.mtastscensus.verdict.Outcome.RECORD_INVALID;
import static org.mtastscensus.verdict.Outcome.UNDETERMINED;
import static org.mtastscensus.verdict.Outcome.VALID_ENFORCE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.dns.DnsStatus;
import org.mtastscensus.fetch.FetchStatus;
import org.mtastscensus.sts.MxCoverage;
import org.mtastscensus.tlsrpt.TlsRptStatus;

/**
 * One named case per finding code of contract version 1 (rulebook §3): each case builds the facts of a realistic
 * domain that meets exactly that code's trigger, and pins the code's severity, the complete set of codes the verdict
 * carries, and {@code outcome} / {@code outcome_lenient}. A second table holds the traps: variants where a naive
 * judge goes wrong.
 */
class FindingCodeCasesTest {

  private static final String HTML_404 = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
      + "<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n";
  private static final String HTML_PARKING = "<html><head><title>example.com is for sale</title></head>"
      + "<body><h1>Buy this domain</h1></body></html>";

  /** A case: the facts, the code they trigger, and what the verdict must say. */
  record Case(
      String name,
      FindingCode code,
      Severity severity,
      FactsBuilder facts,
      Outcome outcome,
      Outcome lenient,
      Set<FindingCode> codes,
      Consumer<Verdict> extra) {

    /** The other codes the same facts legitimately produce, next to {@code code}. */
    Case also(FindingCode... others) {
      Set<FindingCode> all = EnumSet.copyOf(codes);
      all.addAll(Arrays.asList(others));
      return new Case(name, code, severity, facts, outcome, lenient, all, extra);
    }

    /** Exactly these codes and no other (for traps that check an absence). */
    Case exactly(FindingCode... only) {
      Set<FindingCode> all = only.length == 0 ? EnumSet.noneOf(FindingCode.class) : EnumSet.copyOf(Arrays.asList(only));
      return new Case(name, code, severity, facts, outcome, lenient, all, extra);
    }

    Case then(Consumer<Verdict> check) {
      return new Case(name, code, severity, facts, outcome, lenient, codes, extra.andThen(check));
    }
  }

  private static Case c(FindingCode code, Severity severity, String what, FactsBuilder facts, Outcome outcome,
      Outcome lenient) {
    return new Case(code.name() + ": " + what, code, severity, facts, outcome, lenient, EnumSet.of(code), v -> {});
  }

  private static Case trap(String what, FactsBuilder facts, Outcome outcome, Outcome lenient) {
    return new Case("trap: " + what, null, null, facts, outcome, lenient, EnumSet.noneOf(FindingCode.class), v -> {});
  }

  private static FactsBuilder valid() {
    return FactsBuilder.valid();
  }

  private static Consumer<Verdict> detail(FindingCode code, String contains) {
    return v -> assertThat(v.findings())
        .filteredOn(f -> f.code() == code)
        .extracting(Finding::detail)
        .anySatisfy(d -> assertThat(d).contains(contains));
  }

  static final List<Case> CASES = List.of(
      c(DOMAIN_NXDOMAIN, Severity.INFO, "MX and TXT _mta-sts both NXDOMAIN",
          FactsBuilder.noRecord().mxStatus(DnsStatus.NXDOMAIN), NO_DOMAIN, NO_DOMAIN),
      c(DNS_LOOKUP_FAILED, Severity.UNDETERMINED, "TXT _mta-sts SERVFAIL is UNDETERMINED, never NO_RECORD",
          valid().txtStatus(DnsStatus.SERVFAIL), UNDETERMINED, UNDETERMINED)
          .then(detail(DNS_LOOKUP_FAILED, "_mta-sts.example.com"))
          .then(v -> assertThat(v.recordValid()).isFalse()),
      c(TXT_CNAME, Severity.INFO, "_mta-sts delegated by CNAME to the mail provider",
          valid().txtCname("_mta-sts.hosted-sts.example.net"), VALID_ENFORCE, VALID_ENFORCE)
          .then(detail(TXT_CNAME, "_mta-sts.hosted-sts.example.net")),
      c(TXT_MULTIPLE_RECORDS, Severity.POLICY_IGNORED, "two v=STSv1 records after an id change",
          valid().txt("v=STSv1; id=20240101", "v=STSv1; id=20240202"), RECORD_INVALID, RECORD_INVALID),
      c(TXT_VERSION_INVALID, Severity.POLICY_IGNORED, "version in the wrong case (v=STSV1)",
          valid().txt("v=STSV1; id=20240101"), RECORD_INVALID, RECORD_INVALID),
      c(TXT_ID_MISSING, Severity.POLICY_IGNORED, "record with no id field",
          valid().txt("v=STSv1;"), RECORD_INVALID, RECORD_INVALID),
      c(TXT_ID_INVALID, Severity.POLICY_IGNORED, "id with hyphens (a date)",
          valid().txt("v=STSv1; id=2024-01-01"), RECORD_INVALID, RECORD_INVALID),
      c(TXT_SYNTAX_INVALID, Severity.POLICY_IGNORED, "empty field between two delimiters",
          valid().txt("v=STSv1;; id=20240101"), RECORD_INVALID, RECORD_INVALID),
      c(TXT_DUPLICATE_FIELD, Severity.COSMETIC, "id repeated, the first counts",
          valid().txt("v=STSv1; id=20240101; id=20240202"), VALID_ENFORCE, VALID_ENFORCE)
          .then(v -> assertThat(v.stsId()).isEqualTo("20240101")),
      c(POLICY_HOST_NXDOMAIN, Severity.POLICY_IGNORED, "mta-sts.<domain> does not exist",
          valid().hostStatus(DnsStatus.NXDOMAIN).noFetch(), POLICY_UNAVAILABLE, POLICY_UNAVAILABLE),
      c(POLICY_HOST_NO_ADDRESS, Severity.POLICY_IGNORED, "mta-sts.<domain> exists with neither A nor AAAA",
          valid().hostStatus(DnsStatus.NODATA).noFetch(), POLICY_UNAVAILABLE, POLICY_UNAVAILABLE),
      c(POLICY_HOST_BLOCKED, Severity.UNDETERMINED, "every address refused by the scanner is UNDETERMINED",
          valid().fetchStatus(FetchStatus.BLOCKED, "192.0.2.1 is special-purpose (RFC 5737)"),
          UNDETERMINED, UNDETERMINED),
      c(POLICY_CONNECT_FAILED, Severity.POLICY_IGNORED, "TCP connection refused",
          valid().fetchStatus(FetchStatus.CONNECT_FAILED, "Connection refused"), POLICY_UNAVAILABLE,
          POLICY_UNAVAILABLE),
      c(POLICY_TLS_HANDSHAKE_FAILED, Severity.POLICY_IGNORED, "plain HTTP on port 443",
          valid().fetchStatus(FetchStatus.TLS_HANDSHAKE_FAILED, "Unsupported or unrecognized SSL message"),
          POLICY_UNAVAILABLE, POLICY_UNAVAILABLE),
      c(POLICY_CERT_EXPIRED, Severity.POLICY_IGNORED, "certificate expired",
          valid().fetchStatus(FetchStatus.CERT_EXPIRED, "NotAfter: 2023-01-01"), POLICY_UNAVAILABLE,
          POLICY_UNAVAILABLE),
      c(POLICY_CERT_NOT_YET_VALID, Severity.POLICY_IGNORED, "certificate not yet valid",
          valid().fetchStatus(FetchStatus.CERT_NOT_YET_VALID, "NotBefore: 2031-01-01"), POLICY_UNAVAILABLE,
          POLICY_UNAVAILABLE),
      c(POLICY_CERT_NAME_MISMATCH, Severity.POLICY_IGNORED, "certificate for the hosting provider's name",
          valid().fetchStatus(FetchStatus.CERT_NAME_MISMATCH, "SAN www.hoster.example.net"), POLICY_UNAVAILABLE,
          POLICY_UNAVAILABLE),
      c(POLICY_CERT_UNTRUSTED, Severity.POLICY_IGNORED, "self-signed certificate",
          valid().fetchStatus(FetchStatus.CERT_UNTRUSTED, "self-signed"), POLICY_UNAVAILABLE, POLICY_UNAVAILABLE),
      c(POLICY_CERT_CN_ONLY, Severity.COSMETIC, "name matched through the subject CN only, no SAN",
          valid().cnOnly(), VALID_ENFORCE, VALID_ENFORCE),
      c(POLICY_HTTP_REDIRECT, Severity.POLICY_IGNORED, "301 with Location is never followed",
          valid().httpStatus(301).contentType("text/html").location("https://www.example.com/.well-known/mta-sts.txt")
              .body(""),
          POLICY_UNAVAILABLE, POLICY_UNAVAILABLE)
          .then(detail(POLICY_HTTP_REDIRECT, "https://www.example.com/.well-known/mta-sts.txt"))
          .then(v -> assertThat(v.policyFetched()).isFalse()),
      c(POLICY_HTTP_STATUS, Severity.POLICY_IGNORED, "404 served as an HTML error page",
          valid().httpStatus(404).contentType("text/html; charset=utf-8").body(HTML_404),
          POLICY_UNAVAILABLE, POLICY_UNAVAILABLE)
          .also(POLICY_HTML_PAGE)
          .then(detail(POLICY_HTTP_STATUS, "404"))
          .then(v -> assertThat(v.htmlTitle()).isEqualTo("404 Not Found")),
      c(POLICY_HTTP_TRUNCATED, Severity.POLICY_IGNORED, "connection closed before Content-Length was read",
          valid().fetchStatus(FetchStatus.TRUNCATED, "EOF after 40 of 120 bytes"), POLICY_UNAVAILABLE,
          POLICY_UNAVAILABLE),
      c(POLICY_TIMEOUT, Severity.POLICY_IGNORED, "no complete response within the fetch budget",
          valid().fetchStatus(FetchStatus.TIMEOUT, "read timed out").elapsedMillis(60_000), POLICY_UNAVAILABLE,
          POLICY_UNAVAILABLE),
      c(POLICY_SLOW, Severity.INFO, "complete 200 after 9 s",
          valid().elapsedMillis(9_000), VALID_ENFORCE, VALID_ENFORCE),
      c(POLICY_TOO_LARGE, Severity.POLICY_IGNORED, "body above 64 KiB",
          valid().fetchStatus(FetchStatus.TOO_LARGE, "more than 65536 bytes"), POLICY_UNAVAILABLE,
          POLICY_UNAVAILABLE),
      c(POLICY_CONTENT_TYPE, Severity.POLICY_IGNORED, "Content-Type missing: invalid strictly, valid leniently",
          valid().contentType(null), POLICY_INVALID, VALID_ENFORCE)
          .then(v -> assertThat(v.policyValid()).isFalse())
          .then(v -> assertThat(v.policyMode()).isNotNull()),
      c(POLICY_HTML_PAGE, Severity.INFO, "200 text/html parking page where the policy should be",
          valid().contentType("text/html").body(HTML_PARKING), POLICY_INVALID, POLICY_INVALID)
          .also(POLICY_CONTENT_TYPE, POLICY_SYNTAX_INVALID, POLICY_VERSION_MISSING, POLICY_MODE_MISSING,
              POLICY_MAX_AGE_MISSING)
          .then(v -> assertThat(v.htmlTitle()).isEqualTo("example.com is for sale"))
          .then(detail(POLICY_HTML_PAGE, "parking")),
      c(POLICY_SYNTAX_INVALID, Severity.COSMETIC, "blank line between fields, every field present",
          valid().policy("version: STSv1", "mode: enforce", "", "mx: *.example.com", "max_age: 604800"),
          VALID_ENFORCE, VALID_ENFORCE),
      c(POLICY_VERSION_MISSING, Severity.POLICY_IGNORED, "no version line",
          valid().policy("mode: enforce", "mx: *.example.com", "max_age: 604800"), POLICY_INVALID, POLICY_INVALID),
      c(POLICY_VERSION_INVALID, Severity.POLICY_IGNORED, "version STSv2",
          valid().policy("version: STSv2", "mode: enforce", "mx: *.example.com", "max_age: 604800"),
          POLICY_INVALID, POLICY_INVALID),
      c(POLICY_MODE_MISSING, Severity.POLICY_IGNORED, "no mode line",
          valid().policy("version: STSv1", "mx: *.example.com", "max_age: 604800"), POLICY_INVALID, POLICY_INVALID)
          .then(v -> assertThat(v.policyMode()).isNull()),
      c(POLICY_MODE_INVALID, Severity.POLICY_IGNORED, "mode Enforce (case-sensitive)",
          valid().mode("Enforce"), POLICY_INVALID, POLICY_INVALID)
          .then(v -> assertThat(v.policyMode()).isNull()),
      c(POLICY_MAX_AGE_MISSING, Severity.POLICY_IGNORED, "no max_age line",
          valid().policy("version: STSv1", "mode: enforce", "mx: *.example.com"), POLICY_INVALID, POLICY_INVALID),
      c(POLICY_MAX_AGE_INVALID, Severity.POLICY_IGNORED, "max_age above 31557600",
          valid().policy("version: STSv1", "mode: enforce", "mx: *.example.com", "max_age: 31557601"),
          POLICY_INVALID, POLICY_INVALID),
      c(POLICY_MAX_AGE_SHORT, Severity.WEAKENED, "max_age one hour",
          valid().policy("version: STSv1", "mode: enforce", "mx: *.example.com", "max_age: 3600"),
          VALID_ENFORCE, VALID_ENFORCE)
          .then(v -> assertThat(v.policyMaxAge()).isEqualTo(3600L)),
      c(POLICY_MX_MISSING, Severity.POLICY_IGNORED, "mode enforce without any mx",
          valid().policy("version: STSv1", "mode: enforce", "max_age: 604800"), POLICY_INVALID, POLICY_INVALID),
      c(POLICY_MX_INVALID, Severity.POLICY_IGNORED, "an IP literal next to a good pattern",
          valid().policy("version: STSv1", "mode: enforce", "mx: *.example.com", "mx: 192.0.2.25",
              "max_age: 604800"),
          POLICY_INVALID, POLICY_INVALID),
      c(POLICY_DUPLICATE_KEY, Severity.COSMETIC, "mode repeated, the first (enforce) counts",
          valid().policy("version: STSv1", "mode: enforce", "mx: *.example.com", "max_age: 604800", "mode: testing"),
          VALID_ENFORCE, VALID_ENFORCE),
      c(POLICY_UNKNOWN_KEY, Severity.INFO, "an extension key",
          valid().policy("version: STSv1", "mode: enforce", "mx: *.example.com", "max_age: 604800",
              "generator: sts-tool 1.2"),
          VALID_ENFORCE, VALID_ENFORCE),
      c(POLICY_KEY_TYPO, Severity.WEAKENED, "max-age instead of max_age",
          valid().policy("version: STSv1", "mode: enforce", "mx: *.example.com", "max-age: 604800"),
          POLICY_INVALID, POLICY_INVALID)
          .also(POLICY_UNKNOWN_KEY, POLICY_MAX_AGE_MISSING),
      c(MX_NOT_COVERED, Severity.BREAKS_DELIVERY, "only the backup MX uncovered: delivery_risk LATENT",
          valid().mx("10 mx1.example.com", "20 backup.mailrelay.example.net"), VALID_ENFORCE, VALID_ENFORCE)
          .then(v -> assertThat(v.deliveryRisk()).isEqualTo(DeliveryRisk.LATENT))
          .then(v -> assertThat(v.mxCoverage()).isEqualTo(MxCoverage.PARTIAL))
          .then(v -> assertThat(v.mxUncovered()).containsExactly("backup.mailrelay.example.net"))
          .then(v -> assertThat(v.primaryMxCovered()).isTrue()),
      c(MX_NONE_COVERED, Severity.BREAKS_DELIVERY, "MX moved to a provider the policy does not list: TOTAL",
          valid().mx("10 aspmx.mailhost.example.net", "20 alt1.mailhost.example.net"), VALID_ENFORCE, VALID_ENFORCE)
          .also(MX_PATTERN_UNUSED)
          .then(v -> assertThat(v.deliveryRisk()).isEqualTo(DeliveryRisk.TOTAL))
          .then(v -> assertThat(v.mxCoverage()).isEqualTo(MxCoverage.NONE)),
      c(MX_PATTERN_UNUSED, Severity.INFO, "a stale pattern of a former provider",
          valid().policy("version: STSv1", "mode: enforce", "mx: *.example.com", "mx: mail.old-provider.example.net",
              "max_age: 604800"),
          VALID_ENFORCE, VALID_ENFORCE)
          .then(detail(MX_PATTERN_UNUSED, "mail.old-provider.example.net"))
          .then(v -> assertThat(v.mxCoverage()).isEqualTo(MxCoverage.FULL)),
      c(MX_NULL, Severity.COSMETIC, "null MX (0 .) next to an STS record: coverage NOT_APPLICABLE",
          valid().mx("0 ."), VALID_ENFORCE, VALID_ENFORCE)
          .then(v -> assertThat(v.mxCoverage()).isEqualTo(MxCoverage.NOT_APPLICABLE))
          .then(v -> assertThat(v.deliveryRisk()).isEqualTo(DeliveryRisk.NONE)),
      c(MX_NONE, Severity.INFO, "MX NODATA: the implicit MX is the domain itself",
          valid().mx().policy("version: STSv1", "mode: enforce", "mx: example.com", "max_age: 604800"),
          VALID_ENFORCE, VALID_ENFORCE)
          .then(v -> assertThat(v.mxCoverage()).isEqualTo(MxCoverage.FULL))
          .then(v -> assertThat(v.deliveryRisk()).isEqualTo(DeliveryRisk.NONE)),
      c(TLSRPT_MISSING, Severity.WEAKENED, "enforce without a TLS-RPT record",
          valid().tlsRptStatus(DnsStatus.NXDOMAIN), VALID_ENFORCE, VALID_ENFORCE)
          .then(v -> assertThat(v.tlsrpt()).isEqualTo(TlsRptStatus.ABSENT)),
      c(TLSRPT_INVALID, Severity.WEAKENED, "rua with the unsupported http: scheme",
          valid().tlsRpt("v=TLSRPTv1; rua=http://reports.example.com/tlsrpt"), VALID_ENFORCE, VALID_ENFORCE)
          .then(v -> assertThat(v.tlsrpt()).isEqualTo(TlsRptStatus.INVALID)),
      c(TLSRPT_MULTIPLE, Severity.WEAKENED, "two v=TLSRPTv1 records",
          valid().tlsRpt("v=TLSRPTv1; rua=mailto:tlsrpt@example.com", "v=TLSRPTv1; rua=mailto:tls@report.example.net"),
          VALID_ENFORCE, VALID_ENFORCE)
          .then(v -> assertThat(v.tlsrpt()).isEqualTo(TlsRptStatus.INVALID)));

  static final List<Case> TRAPS = List.of(
      trap("TEXT/PLAIN; charset=utf-8 is text/plain",
          valid().contentType("TEXT/PLAIN; charset=utf-8"), VALID_ENFORCE, VALID_ENFORCE).exactly(),
      trap("text/plain;charset=us-ascii without space is text/plain",
          valid().contentType("text/plain;charset=us-ascii"), VALID_ENFORCE, VALID_ENFORCE).exactly(),
      trap("text/html policy: POLICY_CONTENT_TYPE, POLICY_INVALID strictly, VALID_ENFORCE leniently",
          valid().contentType("text/html"), POLICY_INVALID, VALID_ENFORCE).exactly(POLICY_CONTENT_TYPE)
          .then(v -> assertThat(v.mxCoverage()).isEqualTo(MxCoverage.NOT_APPLICABLE))
          .then(v -> assertThat(v.deliveryRisk()).isNull()),
      trap("MX_NOT_COVERED with a primary uncovered: delivery_risk PARTIAL",
          valid().mx("10 mx.mailhost.example.net", "20 mx2.example.com"), VALID_ENFORCE, VALID_ENFORCE)
          .exactly(MX_NOT_COVERED)
          .then(v -> assertThat(v.deliveryRisk()).isEqualTo(DeliveryRisk.PARTIAL))
          .then(v -> assertThat(v.primaryMxCovered()).isFalse()),
      trap("MX_NOT_COVERED with one of two equal-preference primaries uncovered: PARTIAL",
          valid().mx("10 mx1.example.com", "10 mx.mailhost.example.net", "20 mx2.example.com"),
          VALID_ENFORCE, VALID_ENFORCE)
          .exactly(MX_NOT_COVERED)
          .then(v -> assertThat(v.deliveryRisk()).isEqualTo(DeliveryRisk.PARTIAL)),
      trap("MX NODATA under *.example.com: the implicit MX example.com is not covered (TOTAL)",
          valid().mx(), VALID_ENFORCE, VALID_ENFORCE)
          .exactly(MX_NONE, MX_NONE_COVERED, MX_PATTERN_UNUSED)
          .then(v -> assertThat(v.mxUncovered()).containsExactly("example.com"))
          .then(v -> assertThat(v.deliveryRisk()).isEqualTo(DeliveryRisk.TOTAL)),
      trap("MX timeout and no TXT record: UNDETERMINED, not NO_RECORD",
          FactsBuilder.noRecord().mxStatus(DnsStatus.TIMEOUT), UNDETERMINED, UNDETERMINED)
          .exactly(DNS_LOOKUP_FAILED)
          .then(detail(DNS_LOOKUP_FAILED, "MX example.com")),
      trap("TXT timeout with MX present: UNDETERMINED, not NO_RECORD",
          FactsBuilder.noRecord().txtStatus(DnsStatus.TIMEOUT), UNDETERMINED, UNDETERMINED)
          .exactly(DNS_LOOKUP_FAILED),
      trap("TXT SERVFAIL and MX NXDOMAIN: the failed lookup wins, UNDETERMINED",
          FactsBuilder.noRecord().txtStatus(DnsStatus.SERVFAIL).mxStatus(DnsStatus.NXDOMAIN).noTlsRptLookup(),
          UNDETERMINED, UNDETERMINED)
          .exactly(DNS_LOOKUP_FAILED, DOMAIN_NXDOMAIN),
      trap("TXT without any STS-looking record: NO_RECORD, no finding",
          FactsBuilder.noRecord().txt("google-site-verification=abc123"), Outcome.NO_RECORD, Outcome.NO_RECORD)
          .exactly(),
      trap("MX timeout under a valid enforce policy: UNDETERMINED (coverage unknown)",
          valid().mxStatus(DnsStatus.TIMEOUT), UNDETERMINED, UNDETERMINED)
          .exactly(DNS_LOOKUP_FAILED)
          .then(v -> assertThat(v.mxCoverage()).isNull()),
      trap("MX timeout and text/html policy: strict POLICY_INVALID, lenient UNDETERMINED (coverage unknown)",
          valid().mxStatus(DnsStatus.TIMEOUT).contentType("text/html"), POLICY_INVALID, UNDETERMINED)
          .exactly(DNS_LOOKUP_FAILED, POLICY_CONTENT_TYPE),
      trap("policy host behind a dangling CNAME: POLICY_HOST_NXDOMAIN, chain recorded",
          valid().hostStatus(DnsStatus.NXDOMAIN).hostCname("sts.gone-provider.example.net").noFetch(),
          POLICY_UNAVAILABLE, POLICY_UNAVAILABLE)
          .exactly(POLICY_HOST_NXDOMAIN)
          .then(detail(POLICY_HOST_NXDOMAIN, "sts.gone-provider.example.net")),
      trap("policy host A SERVFAIL, AAAA NODATA: UNDETERMINED with DNS_LOOKUP_FAILED",
          valid().hostAStatus(DnsStatus.SERVFAIL).noFetch(), UNDETERMINED, UNDETERMINED)
          .exactly(DNS_LOOKUP_FAILED)
          .then(detail(DNS_LOOKUP_FAILED, "mta-sts.example.com")),
      trap("policy host IPv6 only is reachable",
          valid().hostA().hostAaaa("2001:db8::1"), VALID_ENFORCE, VALID_ENFORCE).exactly(),
      trap("TLS-RPT lookup SERVFAIL: DNS_LOOKUP_FAILED, tlsrpt null, no TLSRPT_MISSING",
          valid().tlsRptStatus(DnsStatus.SERVFAIL), VALID_ENFORCE, VALID_ENFORCE)
          .exactly(DNS_LOOKUP_FAILED)
          .then(v -> assertThat(v.tlsrpt()).isNull()),
      trap("stray v=stsv1 record next to a valid one: TXT_VERSION_INVALID, yet VALID_ENFORCE (R-TXT-3 discards it)",
          valid().txt("v=STSv1; id=20240101", "v=stsv1; id=20230101"), VALID_ENFORCE, VALID_ENFORCE)
          .exactly(TXT_VERSION_INVALID)
          .then(v -> assertThat(v.recordValid()).isTrue()),
      trap("v=STSv1 ; (WSP before the delimiter, erratum 6285) is a valid record",
          valid().txt("v=STSv1 ; id=20240101"), VALID_ENFORCE, VALID_ENFORCE).exactly(),
      trap("policy with CRLF line ends is valid",
          valid().body("version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 604800\r\n"),
          VALID_ENFORCE, VALID_ENFORCE).exactly(),
      trap("wildcard covers one label only: a.b.example.com is not covered by *.example.com",
          valid().mx("10 mx1.example.com", "20 a.b.example.com"), VALID_ENFORCE, VALID_ENFORCE)
          .exactly(MX_NOT_COVERED)
          .then(v -> assertThat(v.deliveryRisk()).isEqualTo(DeliveryRisk.LATENT)),
      trap("MX names with trailing dot and upper case are covered",
          valid().mx("10 MX1.Example.COM.", "20 mx2.example.com."), VALID_ENFORCE, VALID_ENFORCE).exactly(),
      trap("record invalid, policy still fetched and judged (contract §3.2)",
          valid().txt("v=STSv1; id=2024.01").mx("10 mx.mailhost.example.net"), RECORD_INVALID, RECORD_INVALID)
          .exactly(TXT_ID_INVALID, MX_NONE_COVERED, MX_PATTERN_UNUSED)
          .then(v -> assertThat(v.policyValid()).isTrue())
          .then(v -> assertThat(v.deliveryRisk()).isNull()),
      trap("mode testing without TLS-RPT: VALID_TESTING with TLSRPT_MISSING, no delivery risk",
          valid().mode("testing").tlsRpt(), Outcome.VALID_TESTING, Outcome.VALID_TESTING)
          .exactly(TLSRPT_MISSING)
          .then(v -> assertThat(v.deliveryRisk()).isNull()),
      trap("mode none without TLS-RPT: VALID_NONE, no TLSRPT_MISSING",
          valid().mode("none").tlsRpt(), Outcome.VALID_NONE, Outcome.VALID_NONE).exactly());

  static Stream<Arguments> cases() {
    return CASES.stream().map(c -> Arguments.of(c.name(), c));
  }

  static Stream<Arguments> traps() {
    return TRAPS.stream().map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findingCode(String name, Case c) {
    assertThat(c.code().severity()).as("severity of %s in the contract table", c.code()).isEqualTo(c.severity());
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traps")
  void trap(String name, Case c) {
    check(c);
  }

  private static void check(Case c) {
    Verdict v = c.facts().judge();
    String shown = "findings " + v.findings() + ", verdict " + v;
    if (c.code() != null) {
      assertThat(v.codes()).as(shown).contains(c.code());
    }
    assertThat(v.codes()).as(shown).containsExactlyInAnyOrderElementsOf(c.codes());
    assertThat(v.outcome()).as("outcome; " + shown).isEqualTo(c.outcome());
    assertThat(v.outcomeLenient()).as("outcome_lenient; " + shown).isEqualTo(c.lenient());
    if (v.outcome().name().startsWith("VALID_")) {
      // policy side only: a stray STS-like TXT record next to the valid one still carries TXT_VERSION_INVALID
      assertThat(v.findings()).as("a valid outcome carries no policy-side finding that makes senders ignore it")
          .noneMatch(f -> f.code().name().startsWith("POLICY_") && f.code().severity() == Severity.POLICY_IGNORED);
    }
    c.extra().accept(v);
  }

  @Test
  void everyFindingCodeHasExactlyOneCase() {
    List<FindingCode> covered = new ArrayList<>(CASES.stream().map(Case::code).toList());
    assertThat(covered).as("one case per code of contract version %d", FindingCode.CONTRACT_VERSION)
        .containsExactlyInAnyOrder(FindingCode.values());
    Set<String> names = CASES.stream().map(Case::name).collect(Collectors.toSet());
    assertThat(names).hasSize(CASES.size());
  }

  @Test
  void theDefaultDomainIsCleanAndValid() {
    Verdict v = FactsBuilder.valid().judge();
    assertThat(v.findings()).isEmpty();
    assertThat(v.outcome()).isEqualTo(VALID_ENFORCE);
    assertThat(v.outcomeLenient()).isEqualTo(VALID_ENFORCE);
    assertThat(v.mxCoverage()).isEqualTo(MxCoverage.FULL);
    assertThat(v.deliveryRisk()).isEqualTo(DeliveryRisk.NONE);
    assertThat(v.tlsrpt()).isEqualTo(TlsRptStatus.VALID);
    assertThat(v.stsId()).isEqualTo("20240101");
  }
}
