package org.mtastscensus.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.dns.DnsStatus;
import org.mtastscensus.fetch.FetchStatus;
import org.mtastscensus.sts.MxCoverage;
import org.mtastscensus.sts.PolicyMode;
import org.mtastscensus.tlsrpt.TlsRptStatus;

/**
 * Named cases for each per-domain verdict field of contract version 1 (rulebook §3.1): one row per field value that
 * the contract names, plus the null cases it implies. The coverage tests make sure every value of every enumerated
 * field has at least one case.
 */
class VerdictFieldsTest {

  /** The §3.1 fields, by their wire names, with how to read them off a verdict. */
  enum Field {
    OUTCOME("outcome", Verdict::outcome),
    OUTCOME_LENIENT("outcome_lenient", Verdict::outcomeLenient),
    RECORD_VALID("record_valid", Verdict::recordValid),
    POLICY_FETCHED("policy_fetched", Verdict::policyFetched),
    POLICY_VALID("policy_valid", Verdict::policyValid),
    POLICY_MODE("policy_mode", v -> v.policyMode() == null ? null : v.policyMode().wire()),
    MX_COVERAGE("mx_coverage", Verdict::mxCoverage),
    DELIVERY_RISK("delivery_risk", Verdict::deliveryRisk),
    TLSRPT("tlsrpt", Verdict::tlsrpt),
    /** Not a field of its own: whether {@code findings} carries TLSRPT_MISSING. */
    HAS_TLSRPT_MISSING("findings has TLSRPT_MISSING", v -> v.has(FindingCode.TLSRPT_MISSING));

    final String wire;
    final Function<Verdict, Object> read;

    Field(String wire, Function<Verdict, Object> read) {
      this.wire = wire;
      this.read = read;
    }
  }

  record Case(String name, Field field, Object expected, FactsBuilder facts) {}

  private static Case c(Field field, Object expected, String when, FactsBuilder facts) {
    String shown = expected instanceof Enum<?> e ? e.name() : String.valueOf(expected);
    return new Case(field.wire + " = " + shown + ": " + when, field, expected, facts);
  }

  private static FactsBuilder valid() {
    return FactsBuilder.valid();
  }

  private static FactsBuilder invalidRecordValidPolicy() {
    return valid().txt("v=STSv1; id=2024-01-01");
  }

  static final List<Case> CASES = List.of(
      // ------------------------------------------------------------ outcome: the 9 values
      c(Field.OUTCOME, Outcome.NO_DOMAIN, "MX and TXT NXDOMAIN", FactsBuilder.noRecord().mxStatus(DnsStatus.NXDOMAIN)),
      c(Field.OUTCOME, Outcome.NO_RECORD, "TXT NXDOMAIN, mail domain exists", FactsBuilder.noRecord()),
      c(Field.OUTCOME, Outcome.RECORD_INVALID, "id empty", valid().txt("v=STSv1; id=")),
      c(Field.OUTCOME, Outcome.POLICY_UNAVAILABLE, "certificate expired",
          valid().fetchStatus(FetchStatus.CERT_EXPIRED)),
      c(Field.OUTCOME, Outcome.POLICY_INVALID, "mode enforcing", valid().mode("enforcing")),
      c(Field.OUTCOME, Outcome.VALID_NONE, "mode none", valid().mode("none")),
      c(Field.OUTCOME, Outcome.VALID_TESTING, "mode testing", valid().mode("testing")),
      c(Field.OUTCOME, Outcome.VALID_ENFORCE, "the default domain", valid()),
      c(Field.OUTCOME, Outcome.UNDETERMINED, "TXT _mta-sts timeout", valid().txtStatus(DnsStatus.TIMEOUT)),
      c(Field.OUTCOME, Outcome.UNDETERMINED, "record valid but no fetch tried", valid().noFetch()),
      c(Field.OUTCOME, Outcome.UNDETERMINED, "fetch failed inside the scanner",
          valid().fetchStatus(FetchStatus.INTERNAL_ERROR, "NullPointerException")),

      // ------------------------------------------------------------ outcome_lenient
      c(Field.OUTCOME_LENIENT, Outcome.VALID_TESTING, "testing policy as application/octet-stream (strict: invalid)",
          valid().mode("testing").contentType("application/octet-stream")),
      c(Field.OUTCOME, Outcome.POLICY_INVALID, "testing policy as application/octet-stream",
          valid().mode("testing").contentType("application/octet-stream")),
      c(Field.OUTCOME_LENIENT, Outcome.POLICY_INVALID, "text/html and no max_age: invalid either way",
          valid().contentType("text/html").policy("version: STSv1", "mode: enforce", "mx: *.example.com")),
      c(Field.OUTCOME_LENIENT, Outcome.NO_RECORD, "no record: same as outcome", FactsBuilder.noRecord()),

      // ------------------------------------------------------------ record_valid
      c(Field.RECORD_VALID, true, "one valid record", valid()),
      c(Field.RECORD_VALID, true, "id repeated (cosmetic)", valid().txt("v=STSv1; id=1; id=2")),
      c(Field.RECORD_VALID, true, "an unrelated TXT next to the STS record",
          valid().txt("v=spf1 -all", "v=STSv1; id=20240101")),
      c(Field.RECORD_VALID, false, "two STS records", valid().txt("v=STSv1; id=1", "v=STSv1; id=2")),
      c(Field.RECORD_VALID, false, "no record", FactsBuilder.noRecord()),
      c(Field.RECORD_VALID, false, "id too long (33 characters)", valid().txt("v=STSv1; id=" + "a".repeat(33))),

      // ------------------------------------------------------------ policy_fetched
      c(Field.POLICY_FETCHED, null, "no record: no fetch tried", FactsBuilder.noRecord()),
      c(Field.POLICY_FETCHED, null, "valid record, fetch not tried", valid().noFetch()),
      c(Field.POLICY_FETCHED, null, "policy host refused by the scanner: no fetch tried",
          valid().fetchStatus(FetchStatus.BLOCKED)),
      c(Field.POLICY_FETCHED, null, "policy host lookup SERVFAIL: no fetch possible",
          valid().hostStatus(DnsStatus.SERVFAIL).noFetch()),
      c(Field.POLICY_FETCHED, false, "HTTP 404", valid().httpStatus(404).contentType("text/html").body("")),
      c(Field.POLICY_FETCHED, false, "HTTP 302 to a web page",
          valid().httpStatus(302).location("https://www.example.com/").body("")),
      c(Field.POLICY_FETCHED, false, "connection refused", valid().fetchStatus(FetchStatus.CONNECT_FAILED)),
      c(Field.POLICY_FETCHED, false, "body above 64 KiB", valid().fetchStatus(FetchStatus.TOO_LARGE)),
      c(Field.POLICY_FETCHED, false, "untrusted certificate", valid().fetchStatus(FetchStatus.CERT_UNTRUSTED)),
      c(Field.POLICY_FETCHED, false, "policy host NXDOMAIN", valid().hostStatus(DnsStatus.NXDOMAIN).noFetch()),
      c(Field.POLICY_FETCHED, true, "200 with a valid policy", valid()),
      c(Field.POLICY_FETCHED, true, "200 with an invalid policy", valid().mode("strict")),
      c(Field.POLICY_FETCHED, true, "200 with a wrong Content-Type", valid().contentType("text/html")),
      c(Field.POLICY_FETCHED, true, "200 under an invalid record", invalidRecordValidPolicy()),

      // ------------------------------------------------------------ policy_valid
      c(Field.POLICY_VALID, null, "no record, nothing fetched", FactsBuilder.noRecord()),
      c(Field.POLICY_VALID, null, "HTTP 404, nothing fetched", valid().httpStatus(404).body("not found")),
      c(Field.POLICY_VALID, null, "timeout, nothing fetched", valid().fetchStatus(FetchStatus.TIMEOUT)),
      c(Field.POLICY_VALID, true, "200 with a valid policy", valid()),
      c(Field.POLICY_VALID, true, "valid policy under an invalid record (outcome RECORD_INVALID)",
          invalidRecordValidPolicy()),
      c(Field.OUTCOME, Outcome.RECORD_INVALID, "invalid record, valid policy", invalidRecordValidPolicy()),
      c(Field.POLICY_VALID, false, "no mx under enforce",
          valid().policy("version: STSv1", "mode: enforce", "max_age: 604800")),
      c(Field.POLICY_VALID, false, "valid body, Content-Type missing (strict reading)", valid().contentType(null)),

      // ------------------------------------------------------------ policy_mode
      c(Field.POLICY_MODE, "enforce", "mode enforce", valid()),
      c(Field.POLICY_MODE, "testing", "mode testing", valid().mode("testing")),
      c(Field.POLICY_MODE, "none", "mode none", valid().mode("none")),
      c(Field.POLICY_MODE, null, "mode Testing (case-sensitive)", valid().mode("Testing")),
      c(Field.POLICY_MODE, null, "no mode line", valid().policy("version: STSv1", "mx: *.example.com", "max_age: 1")),
      c(Field.POLICY_MODE, null, "nothing fetched (connect failed)", valid().fetchStatus(FetchStatus.CONNECT_FAILED)),
      c(Field.POLICY_MODE, null, "no record", FactsBuilder.noRecord()),
      c(Field.POLICY_MODE, "enforce", "mode field valid, max_age missing (the mode still parsed)",
          valid().policy("version: STSv1", "mode: enforce", "mx: *.example.com")),

      // ------------------------------------------------------------ mx_coverage
      c(Field.MX_COVERAGE, MxCoverage.FULL, "both MX under *.example.com", valid()),
      c(Field.MX_COVERAGE, MxCoverage.FULL, "testing, both MX covered", valid().mode("testing")),
      c(Field.MX_COVERAGE, MxCoverage.PARTIAL, "backup MX at another provider",
          valid().mx("10 mx1.example.com", "20 mx.backup.example.net")),
      c(Field.MX_COVERAGE, MxCoverage.NONE, "MX moved to another provider",
          valid().mx("10 inbound.mailhost.example.net")),
      c(Field.MX_COVERAGE, MxCoverage.NOT_APPLICABLE, "mode none", valid().mode("none").mx("10 mx.example.net")),
      c(Field.MX_COVERAGE, MxCoverage.NOT_APPLICABLE, "invalid policy (max_age missing)",
          valid().policy("version: STSv1", "mode: enforce", "mx: *.example.com").mx("10 mx.example.net")),
      c(Field.MX_COVERAGE, MxCoverage.NOT_APPLICABLE, "null MX", valid().mx("0 .")),
      c(Field.MX_COVERAGE, MxCoverage.NOT_APPLICABLE, "no record", FactsBuilder.noRecord()),
      c(Field.MX_COVERAGE, MxCoverage.NOT_APPLICABLE, "policy unavailable",
          valid().fetchStatus(FetchStatus.CERT_NAME_MISMATCH)),
      c(Field.MX_COVERAGE, null, "valid enforce policy, MX lookup SERVFAIL (coverage unknown)",
          valid().mxStatus(DnsStatus.SERVFAIL)),

      // ------------------------------------------------------------ delivery_risk
      c(Field.DELIVERY_RISK, DeliveryRisk.NONE, "enforce, full coverage", valid()),
      c(Field.DELIVERY_RISK, DeliveryRisk.NONE, "enforce, null MX", valid().mx("0 .")),
      c(Field.DELIVERY_RISK, DeliveryRisk.LATENT, "enforce, only the backup uncovered",
          valid().mx("10 mx1.example.com", "20 mx.backup.example.net")),
      c(Field.DELIVERY_RISK, DeliveryRisk.PARTIAL, "enforce, the primary uncovered, the backup covered",
          valid().mx("10 mx.newprovider.example.net", "20 mx2.example.com")),
      c(Field.DELIVERY_RISK, DeliveryRisk.TOTAL, "enforce, no MX covered", valid().mx("10 mx.example.org")),
      c(Field.DELIVERY_RISK, null, "testing with no MX covered (only reports)",
          valid().mode("testing").mx("10 mx.example.org")),
      c(Field.DELIVERY_RISK, null, "mode none", valid().mode("none")),
      c(Field.DELIVERY_RISK, null, "invalid policy", valid().mode("enforced")),
      c(Field.DELIVERY_RISK, null, "invalid record, enforce policy covering nothing",
          invalidRecordValidPolicy().mx("10 mx.example.org")),
      c(Field.DELIVERY_RISK, null, "strictly invalid (text/html), leniently enforce with no MX covered",
          valid().contentType("text/html").mx("10 mx.example.org")),
      c(Field.DELIVERY_RISK, null, "no record", FactsBuilder.noRecord()),

      // ------------------------------------------------------------ tlsrpt
      c(Field.TLSRPT, TlsRptStatus.VALID, "mailto rua", valid()),
      c(Field.TLSRPT, TlsRptStatus.VALID, "https rua and a second mailto",
          valid().tlsRpt("v=TLSRPTv1; rua=https://reports.example.net/tlsrpt,mailto:tls@example.com")),
      c(Field.TLSRPT, TlsRptStatus.VALID, "also on a domain without MTA-STS",
          FactsBuilder.noRecord().tlsRpt("v=TLSRPTv1; rua=mailto:tlsrpt@example.com")),
      c(Field.TLSRPT, TlsRptStatus.ABSENT, "NXDOMAIN", valid().tlsRptStatus(DnsStatus.NXDOMAIN)),
      c(Field.TLSRPT, TlsRptStatus.ABSENT, "NODATA", valid().tlsRpt()),
      c(Field.TLSRPT, TlsRptStatus.ABSENT, "only an unrelated TXT", valid().tlsRpt("v=spf1 -all")),
      c(Field.TLSRPT, TlsRptStatus.INVALID, "no rua", valid().tlsRpt("v=TLSRPTv1;")),
      c(Field.TLSRPT, TlsRptStatus.INVALID, "wrong version", valid().tlsRpt("v=TLSRPTv2; rua=mailto:t@example.com")),
      c(Field.TLSRPT, TlsRptStatus.INVALID, "two records",
          valid().tlsRpt("v=TLSRPTv1; rua=mailto:a@example.com", "v=TLSRPTv1; rua=mailto:b@example.com")),
      c(Field.TLSRPT, null, "lookup SERVFAIL", valid().tlsRptStatus(DnsStatus.SERVFAIL)),
      c(Field.TLSRPT, null, "lookup timeout", valid().tlsRptStatus(DnsStatus.TIMEOUT)),
      c(Field.TLSRPT, null, "not queried", valid().noTlsRptLookup()),

      // ------------------------------------------------------------ TLSRPT_MISSING only for testing / enforce
      c(Field.HAS_TLSRPT_MISSING, true, "VALID_ENFORCE, no TLS-RPT", valid().tlsRpt()),
      c(Field.HAS_TLSRPT_MISSING, true, "VALID_TESTING, no TLS-RPT", valid().mode("testing").tlsRpt()),
      c(Field.HAS_TLSRPT_MISSING, false, "VALID_ENFORCE with TLS-RPT", valid()),
      c(Field.HAS_TLSRPT_MISSING, false, "VALID_NONE, no TLS-RPT", valid().mode("none").tlsRpt()),
      c(Field.HAS_TLSRPT_MISSING, false, "POLICY_INVALID, no TLS-RPT", valid().mode("enforced").tlsRpt()),
      c(Field.HAS_TLSRPT_MISSING, false, "POLICY_UNAVAILABLE, no TLS-RPT",
          valid().fetchStatus(FetchStatus.TIMEOUT).tlsRpt()),
      c(Field.HAS_TLSRPT_MISSING, false, "RECORD_INVALID, no TLS-RPT", invalidRecordValidPolicy().tlsRpt()),
      c(Field.HAS_TLSRPT_MISSING, false, "NO_RECORD, no TLS-RPT", FactsBuilder.noRecord()),
      c(Field.HAS_TLSRPT_MISSING, false, "VALID_ENFORCE, TLS-RPT lookup failed (unknown, not missing)",
          valid().tlsRptStatus(DnsStatus.SERVFAIL)),
      c(Field.HAS_TLSRPT_MISSING, false, "VALID_ENFORCE, TLS-RPT invalid (TLSRPT_INVALID instead)",
          valid().tlsRpt("v=TLSRPTv1; rua=ftp://example.com/")));

  static Stream<Arguments> cases() {
    return CASES.stream().map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void field(String name, Case c) {
    Verdict v = c.facts().judge();
    assertThat(c.field().read.apply(v)).as("%s; verdict %s", c.field().wire, v).isEqualTo(c.expected());
  }

  @Test
  void everyFieldHasCases() {
    Set<Field> fields = CASES.stream().map(Case::field).collect(Collectors.toSet());
    assertThat(fields).containsExactlyInAnyOrder(Field.values());
    assertThat(CASES.stream().map(Case::name).distinct().count()).as("case names are unique").isEqualTo(CASES.size());
  }

  @Test
  void everyEnumeratedValueHasACase() {
    assertCovers(Field.OUTCOME, (Object[]) Outcome.values());
    assertCovers(Field.RECORD_VALID, true, false);
    assertCovers(Field.POLICY_FETCHED, null, false, true);
    assertCovers(Field.POLICY_VALID, null, false, true);
    assertCovers(Field.POLICY_MODE, Stream.concat(Arrays.stream(PolicyMode.values()).map(PolicyMode::wire),
        Stream.of((String) null)).toArray());
    assertCovers(Field.MX_COVERAGE, (Object[]) MxCoverage.values());
    assertCovers(Field.DELIVERY_RISK, withNull(DeliveryRisk.values()));
    assertCovers(Field.TLSRPT, withNull(TlsRptStatus.values()));
    assertCovers(Field.HAS_TLSRPT_MISSING, true, false);
  }

  /** delivery_risk is set exactly for VALID_ENFORCE, whatever the facts (contract §3.1). */
  @Test
  void deliveryRiskIsSetExactlyForValidEnforce() {
    for (Case c : CASES) {
      Verdict v = c.facts().judge();
      assertThat(v.deliveryRisk() != null).as(c.name() + ": " + v).isEqualTo(v.outcome() == Outcome.VALID_ENFORCE);
    }
  }

  /** policy_valid is null exactly when policy_fetched is not true (contract §3.1). */
  @Test
  void policyValidOnlyWhenFetched() {
    for (Case c : CASES) {
      Verdict v = c.facts().judge();
      assertThat(v.policyValid() != null).as(c.name() + ": " + v).isEqualTo(Boolean.TRUE.equals(v.policyFetched()));
    }
  }

  private static Object[] withNull(Object[] values) {
    Object[] all = Arrays.copyOf(values, values.length + 1);
    all[values.length] = null;
    return all;
  }

  private static void assertCovers(Field field, Object... values) {
    Set<Object> seen = new HashSet<>();
    CASES.stream().filter(c -> c.field() == field).forEach(c -> seen.add(c.expected()));
    for (Object value : values) {
      assertThat(seen.stream().anyMatch(s -> Objects.equals(s, value)))
          .as("%s has a case for %s", field.wire, value).isTrue();
    }
  }
}
