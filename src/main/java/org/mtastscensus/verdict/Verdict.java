package org.mtastscensus.verdict;

import java.util.List;
import org.mtastscensus.sts.MxCoverage;
import org.mtastscensus.sts.PolicyMode;
import org.mtastscensus.tlsrpt.TlsRptStatus;

/**
 * The verdict fields of contract version 1 (rulebook §3.1), plus the derived evidence a researcher needs to
 * re-derive them.
 *
 * @param outcome strict reading: a Content-Type other than text/plain makes the policy invalid
 * @param outcomeLenient the same with the Content-Type ignored (as mox does)
 * @param recordValid exactly one STS record and it is valid
 * @param policyFetched a 200 response within the size cap read completely over valid TLS; null when no fetch was tried
 * @param policyValid the fetched body is a valid policy under the strict reading; null when nothing was fetched
 * @param policyMode the mode when the body's mode field parsed to a valid value; null otherwise
 * @param mxCoverage null when it could not be computed because the MX lookup failed
 * @param deliveryRisk for VALID_ENFORCE only; null otherwise
 * @param tlsrpt null when the TLS-RPT record was not queried or its lookup failed
 * @param findings every finding, in the order the stages produced them
 * @param stsId the id of the valid STS record; null otherwise
 * @param policyMaxAge max_age of the fetched policy when valid; null otherwise
 * @param mxPatterns the valid mx patterns of the fetched policy
 * @param mxUncovered MX hosts no pattern matches (when coverage was computed)
 * @param primaryMxCovered every lowest-preference MX host is covered; null when coverage was not computed
 * @param htmlTitle the title of an HTML body; null when the body is not HTML
 * @param tlsrptRua the reporting URIs of a valid TLS-RPT record
 */
public record Verdict(
    Outcome outcome,
    Outcome outcomeLenient,
    boolean recordValid,
    Boolean policyFetched,
    Boolean policyValid,
    PolicyMode policyMode,
    MxCoverage mxCoverage,
    DeliveryRisk deliveryRisk,
    TlsRptStatus tlsrpt,
    List<Finding> findings,
    String stsId,
    Long policyMaxAge,
    List<String> mxPatterns,
    List<String> mxUncovered,
    Boolean primaryMxCovered,
    String htmlTitle,
    List<String> tlsrptRua) {

  public Verdict {
    findings = List.copyOf(findings);
    mxPatterns = List.copyOf(mxPatterns);
    mxUncovered = List.copyOf(mxUncovered);
    tlsrptRua = List.copyOf(tlsrptRua);
  }

  /** The finding codes, in order, without duplicates: the {@code findings} column. */
  public List<FindingCode> codes() {
    return findings.stream().map(Finding::code).distinct().toList();
  }

  public boolean has(FindingCode code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }
}
