package org.mtastscensus.sts;

import java.util.List;
import org.mtastscensus.verdict.Finding;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Severity;

/**
 * A policy body as §3.2 reads it, first-wins for repeated non-mx keys.
 *
 * @param version the first version value, raw; null when absent
 * @param mode the first mode value when it is one of the three modes; null otherwise
 * @param maxAge the first max_age value when valid; null otherwise
 * @param mxPatterns the valid mx patterns, in order
 * @param mxValues every mx value as written (valid or not), for evidence
 * @param unknownKeys keys that are not registered, as written
 * @param findings POLICY_* findings, in the order found
 */
public record ParsedPolicy(
    String version,
    PolicyMode mode,
    Long maxAge,
    List<MxPattern> mxPatterns,
    List<String> mxValues,
    List<String> unknownKeys,
    List<Finding> findings) {

  public ParsedPolicy {
    mxPatterns = List.copyOf(mxPatterns);
    mxValues = List.copyOf(mxValues);
    unknownKeys = List.copyOf(unknownKeys);
    findings = List.copyOf(findings);
  }

  /** Valid under the grammar: no finding that makes senders ignore the policy. */
  public boolean valid() {
    return findings.stream().noneMatch(f -> f.code().severity() == Severity.POLICY_IGNORED);
  }

  public boolean has(FindingCode code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }
}
