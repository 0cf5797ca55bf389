package org.mtastscensus.sts;

import java.util.List;
import org.mtastscensus.verdict.Finding;

/**
 * What the TXT records at {@code _mta-sts.<domain>} amount to (RFC 8461 §3.1).
 *
 * @param candidates records that begin with {@code v=STSv1}, raw (character-strings already joined)
 * @param stsLike true when at least one record is meant as an STS record (a candidate, or one with an
 *     STSv1-like version or an id field); false means "no MTA-STS record" rather than "a broken one"
 * @param id the id of the single valid record; null unless {@code valid}
 * @param valid exactly one candidate and it is syntactically valid (cosmetic duplicates allowed)
 * @param findings TXT_* findings, in the order found
 */
public record StsRecordCheck(List<String> candidates, boolean stsLike, String id, boolean valid, List<Finding> findings) {
  public StsRecordCheck {
    candidates = List.copyOf(candidates);
    findings = List.copyOf(findings);
  }
}
