package org.mtastscensus.scan;

import java.time.Instant;
import java.util.Objects;
import org.mtastscensus.verdict.DomainFacts;
import org.mtastscensus.verdict.Verdict;

/**
 * One scanned domain: what was observed, what the rules made of it, and when. The row of every output
 * ({@code check --json}, JSON Lines, Parquet) is derived from this by {@code schema.ResultColumns}.
 *
 * @param domain the scanned name (A-label, lower case, no trailing dot)
 * @param scannedAt when the scan of this domain started
 * @param durationMillis wall time from the first query to the verdict
 * @param facts the observed DNS answers and fetch
 * @param verdict the verdict derived from {@code facts}
 * @param error an internal failure of the scanner for this domain (the verdict is then UNDETERMINED); empty otherwise
 */
public record ScanResult(
    String domain, Instant scannedAt, long durationMillis, DomainFacts facts, Verdict verdict, String error) {
  public ScanResult {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(verdict, "verdict");
    error = error == null ? "" : error;
  }
}
