package org.mtastscensus.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.dns.DnsStatus;
import org.mtastscensus.dns.MxRecord;
import org.mtastscensus.sts.MxCoverage;
import org.mtastscensus.sts.MxCoverageCheck;
import org.mtastscensus.sts.MxPattern;
import org.mtastscensus.sts.ParsedPolicy;
import org.mtastscensus.sts.PolicyMode;
import org.mtastscensus.sts.StsRecordCheck;
import org.mtastscensus.sts.StsRecordParser;
import org.mtastscensus.tlsrpt.TlsRptCheck;
import org.mtastscensus.tlsrpt.TlsRptParser;
import org.mtastscensus.tlsrpt.TlsRptStatus;

/**
 * The one function from observed facts to the contract's verdict (rulebook §3.1). Pure: no I/O, no clock, no
 * Spark. Lookups that failed never turn into "no MTA-STS": a domain whose deciding lookup failed is UNDETERMINED
 * with DNS_LOOKUP_FAILED naming the query.
 */
public final class DomainJudge {

  private DomainJudge() {}

  public static Verdict judge(DomainFacts facts, RulesConfig config) {
    List<Finding> findings = new ArrayList<>();
    DnsAnswer txt = facts.stsTxt();
    DnsAnswer mx = facts.mx();

    if (!txt.cnameChain().isEmpty()) {
      findings.add(new Finding(FindingCode.TXT_CNAME, txt.name() + " -> " + String.join(" -> ", txt.cnameChain())));
    }
    lookupFailure(txt, findings);
    lookupFailure(mx, findings);
    if (mx.status() == DnsStatus.NXDOMAIN) {
      findings.add(new Finding(FindingCode.DOMAIN_NXDOMAIN, mx.name()));
    }
    StsRecordCheck record = StsRecordParser.check(txt.status() == DnsStatus.NOERROR ? txt.values() : List.of());
    findings.addAll(record.findings());
    boolean stsLike = record.stsLike();

    PolicyStage.Result policy = stsLike ? PolicyStage.judge(facts, config, findings) : null;
    ParsedPolicy parsed = policy == null ? null : policy.policy();
    boolean validStrict = policy != null && policy.validStrict();

    List<MxRecord> mxRecords = mx.status() == DnsStatus.NOERROR ? parseMx(mx.values()) : List.of();
    boolean nullMx = mxRecords.size() == 1 && mxRecords.get(0).isNullMx();
    if (stsLike && nullMx) {
      findings.add(new Finding(FindingCode.MX_NULL, "0 ."));
    }
    if (stsLike && mx.status() == DnsStatus.NODATA) {
      findings.add(new Finding(FindingCode.MX_NONE, "implicit MX " + facts.domain()));
    }

    PolicyMode mode = parsed == null ? null : parsed.mode();
    boolean coverageNeeded = validStrict && (mode == PolicyMode.ENFORCE || mode == PolicyMode.TESTING) && !nullMx;
    MxCoverageCheck coverage = null;
    if (coverageNeeded && !mx.status().failed()) {
      coverage = MxCoverageCheck.compute(facts.domain(), withoutNullMx(mxRecords), parsed.mxPatterns());
      coverageFindings(coverage, findings);
    }
    MxCoverage mxCoverage = coverageNeeded ? (coverage == null ? null : coverage.coverage()) : MxCoverage.NOT_APPLICABLE;

    Outcome outcome = outcome(txt, mx, record, policy, policy != null && policy.validStrict());
    Outcome lenient = outcome(txt, mx, record, policy, policy != null && policy.validLenient());

    TlsRptCheck tlsRpt = judgeTlsRpt(facts.tlsRptTxt(), findings);
    TlsRptStatus tlsrpt = tlsRpt == null ? null : tlsRpt.status();
    if ((outcome == Outcome.VALID_ENFORCE || outcome == Outcome.VALID_TESTING) && tlsrpt == TlsRptStatus.ABSENT) {
      findings.add(new Finding(FindingCode.TLSRPT_MISSING, "no TLS-RPT record at _smtp._tls." + facts.domain()));
    }

    DeliveryRisk risk = outcome == Outcome.VALID_ENFORCE ? riskWhenEnforced(mxCoverage, coverage) : null;
    return new Verdict(
        outcome,
        lenient,
        record.valid(),
        policy == null ? null : policy.fetched(),
        policy == null || policy.fetched() != Boolean.TRUE ? null : validStrict,
        mode,
        mxCoverage,
        risk,
        tlsrpt,
        findings,
        record.id(),
        parsed != null && parsed.valid() ? parsed.maxAge() : null,
        parsed == null ? List.of() : parsed.mxPatterns().stream().map(MxPattern::value).toList(),
        coverage == null ? List.of() : coverage.uncovered(),
        coverage == null ? null : coverage.primaryCovered(),
        policy == null ? null : policy.htmlTitle(),
        tlsRpt == null ? List.of() : tlsRpt.rua());
  }

  /**
   * The verdict of a domain the scanner failed on (an internal error, not an observation): UNDETERMINED, no
   * findings, so that it is never counted as a misconfiguration.
   */
  public static Verdict undetermined() {
    return new Verdict(Outcome.UNDETERMINED, Outcome.UNDETERMINED, false, null, null, null, null, null, null,
        List.of(), null, null, List.of(), List.of(), null, null, List.of());
  }

  /** The outcome under one reading of the Content-Type rule; stages in the order a sender meets them. */
  private static Outcome outcome(
      DnsAnswer txt,
      DnsAnswer mx,
      StsRecordCheck record,
      PolicyStage.Result policy,
      boolean policyValid) {
    if (txt.status().failed()) {
      return Outcome.UNDETERMINED;
    }
    if (!record.stsLike()) {
      if (mx.status() == DnsStatus.NXDOMAIN) {
        return Outcome.NO_DOMAIN;
      }
      return mx.status().failed() ? Outcome.UNDETERMINED : Outcome.NO_RECORD;
    }
    if (!record.valid()) {
      return Outcome.RECORD_INVALID;
    }
    switch (policy.reach()) {
      case NOT_TRIED, UNDETERMINED -> {
        return Outcome.UNDETERMINED;
      }
      case UNAVAILABLE -> {
        return Outcome.POLICY_UNAVAILABLE;
      }
      case FETCHED -> {
        // continue below
      }
    }
    if (!policyValid) {
      return Outcome.POLICY_INVALID;
    }
    PolicyMode mode = policy.policy().mode();
    return switch (mode) {
      case NONE -> Outcome.VALID_NONE;
      // with the MX set unknown, coverage and delivery risk cannot be judged, under either reading: the strict
      // coverage is not computed for a policy that is valid only leniently, so ask the MX lookup itself
      case TESTING -> mx.status().failed() ? Outcome.UNDETERMINED : Outcome.VALID_TESTING;
      case ENFORCE -> mx.status().failed() ? Outcome.UNDETERMINED : Outcome.VALID_ENFORCE;
    };
  }

  private static void lookupFailure(DnsAnswer answer, List<Finding> findings) {
    if (answer != null && answer.status().failed()) {
      findings.add(new Finding(FindingCode.DNS_LOOKUP_FAILED, answer.describe()));
    }
  }

  private static void coverageFindings(MxCoverageCheck coverage, List<Finding> findings) {
    String uncovered = String.join(", ", coverage.uncovered());
    if (coverage.coverage() == MxCoverage.PARTIAL) {
      String which = coverage.primaryCovered() ? "backup MX only" : "a primary MX among them";
      findings.add(new Finding(FindingCode.MX_NOT_COVERED, uncovered + " (" + which + ")"));
    } else if (coverage.coverage() == MxCoverage.NONE) {
      findings.add(new Finding(FindingCode.MX_NONE_COVERED, uncovered));
    }
    for (MxPattern unused : coverage.unusedPatterns()) {
      findings.add(new Finding(FindingCode.MX_PATTERN_UNUSED, unused.value()));
    }
  }

  private static TlsRptCheck judgeTlsRpt(DnsAnswer answer, List<Finding> findings) {
    if (answer == null) {
      return null;
    }
    if (answer.status().failed()) {
      findings.add(new Finding(FindingCode.DNS_LOOKUP_FAILED, answer.describe()));
      return null;
    }
    TlsRptCheck check = TlsRptParser.check(answer.status() == DnsStatus.NOERROR ? answer.values() : List.of());
    findings.addAll(check.findings());
    return check;
  }

  private static DeliveryRisk riskWhenEnforced(MxCoverage mxCoverage, MxCoverageCheck coverage) {
    return switch (mxCoverage) {
      case FULL, NOT_APPLICABLE -> DeliveryRisk.NONE;
      case PARTIAL -> coverage.primaryCovered() ? DeliveryRisk.LATENT : DeliveryRisk.PARTIAL;
      case NONE -> DeliveryRisk.TOTAL;
    };
  }

  private static List<MxRecord> parseMx(List<String> values) {
    return values.stream().map(MxRecord::parse).flatMap(Optional::stream).toList();
  }

  /** A null MX next to real ones is a misconfiguration of its own; coverage looks at the real hosts only. */
  private static List<MxRecord> withoutNullMx(List<MxRecord> records) {
    return records.stream().filter(r -> !r.isNullMx()).toList();
  }
}
