package org.mtastscensus.sts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mtastscensus.dns.MxRecord;

/**
 * MX coverage as the contract defines it (rulebook §1.4): M is the MX host set, or {domain} when the MX RRset is
 * empty (implicit MX, RFC 5321 §5.1); coverage is the share of M matched by at least one pattern;
 * {@code primaryCovered} holds when every host at the lowest preference matches.
 *
 * @param coverage FULL, PARTIAL or NONE (NOT_APPLICABLE is decided by the caller)
 * @param hosts the MX host set compared, lower case without trailing dot
 * @param uncovered hosts that match no pattern
 * @param primaryCovered every host at the lowest preference matches
 * @param unusedPatterns patterns that match no host
 * @param implicitMx true when M is the implicit MX
 */
public record MxCoverageCheck(
    MxCoverage coverage,
    List<String> hosts,
    List<String> uncovered,
    boolean primaryCovered,
    List<MxPattern> unusedPatterns,
    boolean implicitMx) {

  public MxCoverageCheck {
    hosts = List.copyOf(hosts);
    uncovered = List.copyOf(uncovered);
    unusedPatterns = List.copyOf(unusedPatterns);
  }

  /**
   * Computes coverage of {@code mx} (may be empty: implicit MX) by {@code patterns} for {@code domain}. A null MX
   * must be handled by the caller.
   */
  public static MxCoverageCheck compute(String domain, List<MxRecord> mx, List<MxPattern> patterns) {
    boolean implicit = mx.isEmpty();
    List<MxRecord> records = implicit ? List.of(new MxRecord(0, domain)) : mx;
    int lowest = records.stream().mapToInt(MxRecord::preference).min().orElse(0);
    Set<String> hosts = new LinkedHashSet<>();
    records.stream().sorted(Comparator.comparingInt(MxRecord::preference)).forEach(r -> hosts.add(r.exchange()));
    List<String> uncovered = new ArrayList<>();
    for (String host : hosts) {
      if (patterns.stream().noneMatch(p -> p.matches(host))) {
        uncovered.add(host);
      }
    }
    boolean primaryCovered = records.stream()
        .filter(r -> r.preference() == lowest)
        .allMatch(r -> !uncovered.contains(r.exchange()));
    List<MxPattern> unused = patterns.stream().filter(p -> hosts.stream().noneMatch(p::matches)).distinct().toList();
    MxCoverage coverage = uncovered.isEmpty()
        ? MxCoverage.FULL
        : uncovered.size() == hosts.size() ? MxCoverage.NONE : MxCoverage.PARTIAL;
    return new MxCoverageCheck(coverage, List.copyOf(hosts), uncovered, primaryCovered, unused, implicit);
  }
}
