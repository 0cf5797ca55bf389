package org.mtastscensus.sandbox;

import java.util.Set;
import org.mtastscensus.verdict.DeliveryRisk;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Outcome;

/**
 * One domain of the sandbox world and the verdict a correct scanner reaches for it. The table of these is the
 * end-to-end test: adding a failure mode means adding one domain and one row.
 *
 * @param domain the domain, named after what is wrong with it
 * @param what one line for people: what this domain does
 * @param outcome expected strict outcome
 * @param outcomeLenient expected outcome with the Content-Type ignored
 * @param findings the exact set of finding codes expected
 * @param risk expected delivery risk (VALID_ENFORCE only; null otherwise)
 */
public record WorldCase(
    String domain, String what, Outcome outcome, Outcome outcomeLenient, Set<FindingCode> findings, DeliveryRisk risk) {
  public WorldCase {
    findings = Set.copyOf(findings);
  }
}
