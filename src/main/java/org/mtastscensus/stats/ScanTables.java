package org.mtastscensus.stats;

import static org.mtastscensus.stats.ScanTally.Count.EXISTING;
import static org.mtastscensus.stats.ScanTally.Count.MEASURED;
import static org.mtastscensus.stats.ScanTally.Count.MODE_ENFORCE;
import static org.mtastscensus.stats.ScanTally.Count.MODE_TESTING;
import static org.mtastscensus.stats.ScanTally.Count.POLICY_USABLE;
import static org.mtastscensus.stats.ScanTally.Count.STS_RECORD;
import static org.mtastscensus.stats.ScanTally.Count.UNDETERMINED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mtastscensus.verdict.DeliveryRisk;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Severity;

/** Turns the tally of one scan into the rows of the single-scan tables, in each table's documented order. */
public final class ScanTables {
  static final String OTHER = "(other)";
  static final List<String> MISCONFIGURATION_REASONS = List.of("RECORD_INVALID", "POLICY_UNAVAILABLE",
      "POLICY_INVALID", "DELIVERY_RISK_PARTIAL", "DELIVERY_RISK_TOTAL", "MISCONFIGURED");
  static final List<String> COVERAGES = List.of("FULL", "PARTIAL", "NONE", "NOT_APPLICABLE", "NOT_COMPUTED");
  static final List<String> POPULATIONS = List.of("MEASURED", "STS_RECORD", "POLICY_USABLE", "ENFORCE");
  static final List<String> TLSRPT_STATES = List.of("VALID", "INVALID", "ABSENT", "LOOKUP_FAILED", "NOT_LOOKED_UP");

  /** A max_age bucket: [lower, upper). The last upper bound is one above the RFC maximum (31557600). */
  record Bucket(String label, long lower, long upper) {}

  static final List<Bucket> MAX_AGE_BUCKETS = List.of(
      new Bucket("< 1 hour", 0, 3_600),
      new Bucket("1 hour – 1 day", 3_600, 86_400),
      new Bucket("1 day – 1 week", 86_400, 604_800),
      new Bucket("1 week – 30 days", 604_800, 2_592_000),
      new Bucket("30 days – 1 year", 2_592_000, 31_557_601));

  private final ScanInfo scan;
  private final ScanTally tally;
  private final int top;
  private final StatsData data;

  private ScanTables(ScanInfo scan, ScanTally tally, int top, StatsData data) {
    this.scan = scan;
    this.tally = tally;
    this.top = top;
    this.data = data;
  }

  /** Appends the scan's rows to every single-scan table of {@code data}. */
  public static void addTo(StatsData data, ScanInfo scan, ScanTally tally, int top) {
    ScanTables tables = new ScanTables(scan, tally, top, data);
    tables.adoption();
    tables.findings();
    tables.severities();
    tables.misconfiguration();
    tables.deliveryRisk();
    tables.outcomeFlips();
    tables.mxCoverage();
    tables.maxAge();
    tables.tlsrpt();
    tables.fetchStatus();
    tables.undetermined();
    tables.policyHosting();
    tables.networks();
    tables.mailProviders();
  }

  private void row(StatsTable table, Object... values) {
    List<Object> row = new ArrayList<>(scan.key());
    row.addAll(Arrays.asList(values));
    data.add(table, row);
  }

  private void adoption() {
    List<Map.Entry<String, long[]>> tlds = new ArrayList<>(tally.scopes.entrySet());
    tlds.removeIf(e -> e.getKey().equals("*"));
    tlds.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
        .thenComparing(Map.Entry::getKey));
    adoptionRow("ALL", "*", tally.scopes.getOrDefault("*", new long[ScanTally.Count.values().length]));
    for (Map.Entry<String, long[]> tld : tlds) {
      adoptionRow("TLD", tld.getKey(), tld.getValue());
    }
  }

  private void adoptionRow(String scope, String value, long[] c) {
    List<Object> values = new ArrayList<>(List.of(scope, value));
    for (long count : c) {
      values.add(count);
    }
    values.addAll(adoptionShares(c));
    row(StatsTables.ADOPTION, values.toArray());
  }

  /** share_sts_record, share_policy_usable, share_enforce, share_misconfigured, share_undetermined. */
  static List<Double> adoptionShares(long[] c) {
    long measured = c[MEASURED.ordinal()];
    return Arrays.asList(
        Shares.of(c[STS_RECORD.ordinal()], measured),
        Shares.of(c[POLICY_USABLE.ordinal()], measured),
        Shares.of(c[MODE_ENFORCE.ordinal()], measured),
        Shares.of(c[ScanTally.Count.MISCONFIGURED.ordinal()], c[STS_RECORD.ordinal()]),
        Shares.of(c[UNDETERMINED.ordinal()], c[EXISTING.ordinal()]));
  }

  private void findings() {
    long measured = tally.total(MEASURED);
    long adopters = tally.total(STS_RECORD);
    for (FindingCode code : FindingCode.values()) {
      long domains = tally.findingDomains[code.ordinal()];
      long withRecord = tally.findingAdopters[code.ordinal()];
      row(StatsTables.FINDINGS, code.name(), code.severity().name(), code.rfcClause(), domains, withRecord,
          Shares.of(domains, measured), Shares.of(withRecord, adopters));
    }
  }

  private void severities() {
    long adopters = tally.total(STS_RECORD);
    for (Severity severity : Severity.values()) {
      long any = tally.severityAny[severity.ordinal()];
      long worst = tally.severityWorst[severity.ordinal()];
      row(StatsTables.SEVERITIES, severity.name(), any, worst, Shares.of(any, adopters), Shares.of(worst, adopters));
    }
    long none = tally.severityWorst[Severity.values().length];
    row(StatsTables.SEVERITIES, "NONE", 0L, none, Shares.of(0, adopters), Shares.of(none, adopters));
  }

  private void misconfiguration() {
    long adopters = tally.total(STS_RECORD);
    for (String reason : MISCONFIGURATION_REASONS) {
      long domains = tally.misconfiguration.getOrDefault(reason, 0L);
      row(StatsTables.MISCONFIGURATION, reason, domains, adopters, Shares.of(domains, adopters));
    }
  }

  private void deliveryRisk() {
    long enforce = tally.total(MODE_ENFORCE);
    for (DeliveryRisk risk : DeliveryRisk.values()) {
      long domains = tally.deliveryRisk.getOrDefault(risk.name(), 0L);
      row(StatsTables.DELIVERY_RISK, risk.name(), domains, enforce, Shares.of(domains, enforce));
    }
  }

  private void outcomeFlips() {
    long measured = tally.total(MEASURED);
    List<Map.Entry<String, Long>> pairs = byCountDesc(tally.outcomePairs);
    for (Map.Entry<String, Long> pair : pairs) {
      String[] outcomes = pair.getKey().split("\\|");
      row(StatsTables.OUTCOME_FLIPS, outcomes[0], outcomes[1], pair.getValue(), !outcomes[0].equals(outcomes[1]),
          Shares.of(pair.getValue(), measured));
    }
  }

  private void mxCoverage() {
    for (String mode : List.of("testing", "enforce")) {
      long population = tally.total(mode.equals("testing") ? MODE_TESTING : MODE_ENFORCE);
      for (String coverage : COVERAGES) {
        long domains = tally.mxCoverage.getOrDefault(mode + "|" + coverage, 0L);
        row(StatsTables.MX_COVERAGE, mode, coverage, domains, population, Shares.of(domains, population));
      }
    }
  }

  private void maxAge() {
    long withMaxAge = tally.maxAges.values().stream().mapToLong(Long::longValue).sum();
    for (Bucket bucket : MAX_AGE_BUCKETS) {
      long domains = tally.maxAges.subMap(bucket.lower(), bucket.upper()).values().stream()
          .mapToLong(Long::longValue).sum();
      row(StatsTables.MAX_AGE, bucket.label(), bucket.lower(), bucket.upper(), domains, withMaxAge,
          Shares.of(domains, withMaxAge));
    }
  }

  private void tlsrpt() {
    for (String population : POPULATIONS) {
      long size = TLSRPT_STATES.stream().mapToLong(s -> tally.tlsrpt.getOrDefault(population + "|" + s, 0L)).sum();
      for (String state : TLSRPT_STATES) {
        long domains = tally.tlsrpt.getOrDefault(population + "|" + state, 0L);
        row(StatsTables.TLSRPT, population, state, domains, size, Shares.of(domains, size));
      }
    }
  }

  private void fetchStatus() {
    long attempts = tally.fetchStatus.values().stream().mapToLong(Long::longValue).sum();
    for (Map.Entry<String, Long> status : byCountDesc(tally.fetchStatus)) {
      row(StatsTables.FETCH_STATUS, status.getKey(), status.getValue(), attempts,
          Shares.of(status.getValue(), attempts));
    }
  }

  private void undetermined() {
    long undetermined = tally.total(UNDETERMINED);
    for (Map.Entry<String, Long> reason : byCountDesc(tally.undeterminedReasons)) {
      row(StatsTables.UNDETERMINED, reason.getKey(), reason.getValue(), undetermined,
          Shares.of(reason.getValue(), undetermined));
    }
  }

  private void policyHosting() {
    long adopters = tally.total(STS_RECORD);
    for (TopN.Group group : TopN.of(tally.hosting, top)) {
      row(StatsTables.POLICY_HOSTING, group.rank(), group.name(), group.counts()[0], group.counts()[1], adopters,
          Shares.of(group.counts()[0], adopters));
    }
  }

  private void networks() {
    for (TopN.Group group : TopN.ofCounts(tally.networks, top)) {
      row(StatsTables.POLICY_HOST_NETWORKS, group.rank(), group.name(), group.counts()[0], tally.withAddress,
          Shares.of(group.counts()[0], tally.withAddress));
    }
  }

  private void mailProviders() {
    for (TopN.Group group : TopN.of(tally.mailProviders, top)) {
      row(StatsTables.MAIL_PROVIDERS, group.rank(), group.name(), group.counts()[0], group.counts()[1],
          tally.withMx, Shares.of(group.counts()[0], tally.withMx));
    }
  }

  /** The largest {@code n} groups' share of a denominator; {@code skip} names a group that is not a provider. */
  static Double topShare(Map<String, long[]> groups, int n, long denominator, String skip) {
    long sum = 0;
    int taken = 0;
    for (TopN.Group group : TopN.of(groups, Integer.MAX_VALUE)) {
      if (taken == n) {
        break;
      }
      if (group.name().equals(skip)) {
        continue;
      }
      sum += group.counts()[0];
      taken++;
    }
    return Shares.of(sum, denominator);
  }

  private static List<Map.Entry<String, Long>> byCountDesc(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue())
        .thenComparing(Map.Entry::getKey));
    return entries;
  }
}
