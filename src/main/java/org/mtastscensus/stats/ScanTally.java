package org.mtastscensus.stats;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Severity;

/**
 * The counts of one scan, built row by row from {@link RowFacts} and merged across partitions. Memory grows only
 * with the number of TLDs, distinct max_age values and adopters' providers and networks, never with the rows.
 */
public final class ScanTally implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The counters of one adoption scope, in the column order of the adoption table. */
  public enum Count {
    SCANNED, NXDOMAIN, UNDETERMINED, UNDETERMINED_STS_RECORD, EXISTING, MEASURED, STS_RECORD, RECORD_VALID,
    POLICY_USABLE, POLICY_USABLE_LENIENT, MODE_ENFORCE, MODE_TESTING, MODE_NONE, MISCONFIGURED
  }

  /** ALL and each TLD; the key of ALL is "*". */
  final Map<String, long[]> scopes = new HashMap<>();
  final long[] findingDomains = new long[FindingCode.values().length];
  final long[] findingAdopters = new long[FindingCode.values().length];
  final long[] severityAny = new long[Severity.values().length];
  /** Indexed by severity ordinal; the last slot is "no finding". */
  final long[] severityWorst = new long[Severity.values().length + 1];
  final Map<String, Long> misconfiguration = new HashMap<>();
  final Map<String, Long> deliveryRisk = new HashMap<>();
  final Map<String, Long> outcomePairs = new HashMap<>();
  /** Key "mode|coverage". */
  final Map<String, Long> mxCoverage = new HashMap<>();
  /** max_age value -> rows, kept whole for exact quantiles (adopters use few distinct values). */
  final TreeMap<Long, Long> maxAges = new TreeMap<>();
  /** Key "population|state". */
  final Map<String, Long> tlsrpt = new HashMap<>();
  final Map<String, Long> fetchStatus = new HashMap<>();
  final Map<String, Long> undeterminedReasons = new HashMap<>();
  /** provider -> {domains, policy_usable}. */
  final Map<String, long[]> hosting = new HashMap<>();
  final Map<String, Long> networks = new HashMap<>();
  long withAddress;
  /** provider -> {domains, mode_enforce}. */
  final Map<String, long[]> mailProviders = new HashMap<>();
  long withMx;

  public ScanTally add(RowFacts row) {
    count(scope("*"), row);
    count(scope(row.tld()), row);
    if (row.measured()) {
      row.findings().forEach(code -> findingDomains[code.ordinal()]++);
      bump(outcomePairs, row.outcome().name() + "|" + row.outcomeLenient().name());
      tlsrpt("MEASURED", row);
    }
    if (row.stsRecord()) {
      adopter(row);
    }
    if (row.policyUsable()) {
      tlsrpt("POLICY_USABLE", row);
    }
    if ("enforce".equals(row.mode())) {
      tlsrpt("ENFORCE", row);
      if (row.deliveryRisk() != null) {
        bump(deliveryRisk, row.deliveryRisk());
      }
    }
    if ("enforce".equals(row.mode()) || "testing".equals(row.mode())) {
      bump(mxCoverage, row.mode() + "|" + (row.mxCoverage() == null ? "NOT_COMPUTED" : row.mxCoverage()));
    }
    if (row.maxAge() != null) {
      maxAges.merge(row.maxAge(), 1L, Long::sum);
    }
    if (row.fetchStatus() != null) {
      bump(fetchStatus, row.fetchStatus());
    }
    if (row.undeterminedReason() != null) {
      bump(undeterminedReasons, row.undeterminedReason());
    }
    return this;
  }

  private void adopter(RowFacts row) {
    row.findings().forEach(code -> findingAdopters[code.ordinal()]++);
    Set<Severity> severities = row.severities();
    severities.forEach(severity -> severityAny[severity.ordinal()]++);
    severityWorst[row.worst() == null ? Severity.values().length : row.worst().ordinal()]++;
    if (row.misconfigured()) {
      bump(misconfiguration, "MISCONFIGURED");
    }
    switch (row.outcome()) {
      case RECORD_INVALID, POLICY_UNAVAILABLE, POLICY_INVALID -> bump(misconfiguration, row.outcome().name());
      default -> { }
    }
    if ("PARTIAL".equals(row.deliveryRisk()) || "TOTAL".equals(row.deliveryRisk())) {
      bump(misconfiguration, "DELIVERY_RISK_" + row.deliveryRisk());
    }
    tlsrpt("STS_RECORD", row);
    long[] host = hosting.computeIfAbsent(row.hostingProvider(), k -> new long[2]);
    host[0]++;
    host[1] += row.policyUsable() ? 1 : 0;
    if (!row.networks().isEmpty()) {
      withAddress++;
      row.networks().forEach(network -> bump(networks, network));
    }
    if (!row.mailProviders().isEmpty()) {
      withMx++;
      for (String provider : row.mailProviders()) {
        long[] mail = mailProviders.computeIfAbsent(provider, k -> new long[2]);
        mail[0]++;
        mail[1] += "enforce".equals(row.mode()) ? 1 : 0;
      }
    }
  }

  private void tlsrpt(String population, RowFacts row) {
    bump(tlsrpt, population + "|" + row.tlsrptState());
  }

  private long[] scope(String key) {
    return scopes.computeIfAbsent(key, k -> new long[Count.values().length]);
  }

  private static void count(long[] c, RowFacts row) {
    c[Count.SCANNED.ordinal()]++;
    c[Count.NXDOMAIN.ordinal()] += row.nxdomain() ? 1 : 0;
    c[Count.UNDETERMINED.ordinal()] += row.undetermined() ? 1 : 0;
    c[Count.UNDETERMINED_STS_RECORD.ordinal()] += row.undeterminedStsRecord() ? 1 : 0;
    c[Count.EXISTING.ordinal()] += row.existing() ? 1 : 0;
    c[Count.MEASURED.ordinal()] += row.measured() ? 1 : 0;
    c[Count.STS_RECORD.ordinal()] += row.stsRecord() ? 1 : 0;
    c[Count.RECORD_VALID.ordinal()] += row.recordValid() ? 1 : 0;
    c[Count.POLICY_USABLE.ordinal()] += row.policyUsable() ? 1 : 0;
    c[Count.POLICY_USABLE_LENIENT.ordinal()] += row.policyUsableLenient() ? 1 : 0;
    c[Count.MODE_ENFORCE.ordinal()] += "enforce".equals(row.mode()) ? 1 : 0;
    c[Count.MODE_TESTING.ordinal()] += "testing".equals(row.mode()) ? 1 : 0;
    c[Count.MODE_NONE.ordinal()] += "none".equals(row.mode()) ? 1 : 0;
    c[Count.MISCONFIGURED.ordinal()] += row.misconfigured() ? 1 : 0;
  }

  /** Adds another partition's counts into this one and returns this. */
  public ScanTally merge(ScanTally other) {
    other.scopes.forEach((k, v) -> addInto(scopes.computeIfAbsent(k, x -> new long[v.length]), v));
    addInto(findingDomains, other.findingDomains);
    addInto(findingAdopters, other.findingAdopters);
    addInto(severityAny, other.severityAny);
    addInto(severityWorst, other.severityWorst);
    mergeCounts(misconfiguration, other.misconfiguration);
    mergeCounts(deliveryRisk, other.deliveryRisk);
    mergeCounts(outcomePairs, other.outcomePairs);
    mergeCounts(mxCoverage, other.mxCoverage);
    other.maxAges.forEach((k, v) -> maxAges.merge(k, v, Long::sum));
    mergeCounts(tlsrpt, other.tlsrpt);
    mergeCounts(fetchStatus, other.fetchStatus);
    mergeCounts(undeterminedReasons, other.undeterminedReasons);
    other.hosting.forEach((k, v) -> addInto(hosting.computeIfAbsent(k, x -> new long[2]), v));
    mergeCounts(networks, other.networks);
    withAddress += other.withAddress;
    other.mailProviders.forEach((k, v) -> addInto(mailProviders.computeIfAbsent(k, x -> new long[2]), v));
    withMx += other.withMx;
    return this;
  }

  /** A counter of the whole scan (scope ALL). */
  public long total(Count count) {
    long[] all = scopes.get("*");
    return all == null ? 0 : all[count.ordinal()];
  }

  /** Measured rows whose strict and lenient outcomes differ. */
  public long flips() {
    long flips = 0;
    for (Map.Entry<String, Long> pair : outcomePairs.entrySet()) {
      String[] parts = pair.getKey().split("\\|");
      flips += parts[0].equals(parts[1]) ? 0 : pair.getValue();
    }
    return flips;
  }

  /** Nearest-rank quantile of policy_max_age (integer percent, so no rounding error); null when no row has one. */
  public Long maxAgeQuantile(int percent) {
    long n = maxAges.values().stream().mapToLong(Long::longValue).sum();
    if (n == 0) {
      return null;
    }
    long rank = Math.max(1, (percent * n + 99) / 100);
    long seen = 0;
    for (Map.Entry<Long, Long> entry : maxAges.entrySet()) {
      seen += entry.getValue();
      if (seen >= rank) {
        return entry.getKey();
      }
    }
    return maxAges.lastKey();
  }

  private static void bump(Map<String, Long> counts, String key) {
    counts.merge(key, 1L, Long::sum);
  }

  private static void mergeCounts(Map<String, Long> into, Map<String, Long> from) {
    from.forEach((k, v) -> into.merge(k, v, Long::sum));
  }

  private static void addInto(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }
}
