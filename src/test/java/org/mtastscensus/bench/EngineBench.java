package org.mtastscensus.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtastscensus.dns.MuxStats;
import org.mtastscensus.fetch.FetchStatus;
import org.mtastscensus.scan.EngineOptions;
import org.mtastscensus.scan.ScanEngine;
import org.mtastscensus.scan.ScanResult;
import org.mtastscensus.verdict.DomainFacts;
import org.mtastscensus.verdict.Outcome;

/**
 * Throughput of the whole {@link ScanEngine} (DNS, HTTPS fetches, verdicts, bounded pipeline) against a local
 * authoritative server and local policy hosts (not a unit test: run through {@code scripts/bench-engine}, which
 * generates the zone, starts knot and {@link PolicyHostServer}, and runs dnsperf on the same query mix).
 *
 * <p>{@code --domains FILE}: lines {@code DOMAIN EXPECTED_OUTCOME}. The first {@code --warmup} domains are scanned
 * once before the measured pass over all of them, so that the figure is not the JIT compiling on one of two cores.
 * Checks that every domain comes back exactly once with its expected outcome; prints domains/s, DNS datagrams/s
 * (from the {@link MuxStats} of the engine's transports), lookups/s (the answers the results hold), fetches/s,
 * outcome counts, per-domain latency and the JVM's peak RSS (VmHWM), then one {@code RESULT key=value...} line.
 *
 * <p>Options: {@code --resolver 127.0.0.1:PORT --https-port N --ca FILE --domains FILE --warmup 20000
 * --in-flight <maxDomainsInFlight> --fetch-concurrency N --per-address N --dns-timeout-ms N --domain-deadline-ms N}.
 */
public final class EngineBench {

  public static void main(String[] args) throws IOException {
    Map<String, String> opt = parse(args);
    List<String> domains = new ArrayList<>();
    Map<String, Outcome> expected = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(required(opt, "domains")), StandardCharsets.US_ASCII)) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length == 2) {
        domains.add(fields[0]);
        expected.put(fields[0], Outcome.valueOf(fields[1]));
      }
    }
    int warmup = Math.min(domains.size(), Integer.parseInt(opt.getOrDefault("warmup", "20000")));
    EngineOptions.Builder builder = EngineOptions.builder()
        .resolvers(List.of(required(opt, "resolver")))
        .httpsPort(Integer.parseInt(required(opt, "https-port")))
        .allowPrivateTargets(true)
        .extraTrustPem(List.of(Files.readString(Path.of(required(opt, "ca")), StandardCharsets.US_ASCII)));
    if (opt.containsKey("in-flight")) {
      builder.maxDomainsInFlight(Integer.parseInt(opt.get("in-flight")));
    }
    if (opt.containsKey("fetch-concurrency")) {
      builder.maxFetchesInFlight(Integer.parseInt(opt.get("fetch-concurrency")));
    }
    if (opt.containsKey("per-address")) {
      builder.maxConnectionsPerAddress(Integer.parseInt(opt.get("per-address")));
    }
    if (opt.containsKey("domain-deadline-ms")) {
      builder.domainDeadlineMillis(Long.parseLong(opt.get("domain-deadline-ms")));
    }
    if (opt.containsKey("dns-timeout-ms")) {
      builder.dnsTimeoutMillis(Long.parseLong(opt.get("dns-timeout-ms")));
    }
    EngineOptions options = builder.build();

    try (ScanEngine engine = new ScanEngine(options)) {
      if (warmup > 0) {
        long start = System.nanoTime();
        Tally w = scan(engine, domains.subList(0, warmup), expected);
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "warm-up: %d domains in %.2f s (%.0f domains/s), %d results%n", warmup, s,
            warmup / s, w.count);
      }
      MuxStats before = sum(engine.dnsStats());
      long cpuBefore = processCpuNanos();
      long start = System.nanoTime();
      Tally pass = scan(engine, domains, expected);
      double seconds = (System.nanoTime() - start) / 1e9;
      long cpuMillis = (processCpuNanos() - cpuBefore) / 1_000_000;
      MuxStats after = sum(engine.dnsStats());
      report(options, domains, expected, pass, seconds, cpuMillis, before, after);
    }
  }

  /**
   * What the results add up to, counted as they stream out (as a writer consumes them) rather than kept: holding
   * 100k results would inflate the peak RSS this benchmark reports.
   */
  private static final class Tally {
    final Map<String, Outcome> expected;
    final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    final Map<String, Integer> seen = new HashMap<>();
    final List<String> examples = new ArrayList<>();
    long[] millis = new long[1024];
    final List<Long> fetchMillis = new ArrayList<>();
    int count;
    long lookups;
    long fetches;
    long errors;
    long mismatches;

    Tally(Map<String, Outcome> expected) {
      this.expected = expected;
    }

    void add(ScanResult r) {
      outcomes.merge(r.verdict().outcome(), 1L, Long::sum);
      seen.merge(r.domain(), 1, Integer::sum);
      DomainFacts f = r.facts();
      lookups += 2 + (f.tlsRptTxt() != null ? 1 : 0) + (f.policyHostA() != null ? 1 : 0)
          + (f.policyHostAaaa() != null ? 1 : 0);
      if (f.fetch() != null) {
        fetches++;
        if (f.fetch().status() == FetchStatus.COMPLETE) {
          fetchMillis.add(f.fetch().elapsedMillis());
        }
      }
      if (!r.error().isEmpty()) {
        errors++;
      }
      Outcome want = expected.get(r.domain());
      if (want != r.verdict().outcome()) {
        mismatches++;
        if (examples.size() < 10) {
          examples.add(r.domain() + ": expected " + want + ", got " + r.verdict().outcome()
              + (r.error().isEmpty() ? "" : " (error " + r.error() + ")") + " " + r.verdict().findings());
        }
      }
      if (count == millis.length) {
        millis = Arrays.copyOf(millis, count * 2);
      }
      millis[count++] = r.durationMillis();
    }
  }

  private static Tally scan(ScanEngine engine, List<String> domains, Map<String, Outcome> expected) {
    Tally tally = new Tally(expected);
    engine.scan(domains.iterator()).forEachRemaining(tally::add);
    return tally;
  }

  private static void report(EngineOptions options, List<String> domains, Map<String, Outcome> expected, Tally t,
      double seconds, long cpuMillis, MuxStats before, MuxStats after) {
    Map<Outcome, Long> wanted = new EnumMap<>(Outcome.class);
    expected.values().forEach(o -> wanted.merge(o, 1L, Long::sum));
    Map<Outcome, Long> outcomes = t.outcomes;
    long lookups = t.lookups;
    long fetches = t.fetches;
    long errors = t.errors;
    long mismatches = t.mismatches;
    long missing = domains.stream().filter(d -> !t.seen.containsKey(d)).count();
    long duplicated = t.seen.values().stream().filter(c -> c > 1).count();
    long[] millis = Arrays.copyOf(t.millis, t.count);
    Arrays.sort(millis);
    long sent = after.sent() - before.sent();
    long timeouts = after.timeouts() - before.timeouts();
    long n = t.count;
    Map<String, Long> status = readStatus();

    System.out.printf(Locale.ROOT, "engine: maxDomainsInFlight %d, maxFetchesInFlight %d, per address %d, DNS timeout %d ms x %d,"
        + " domain deadline %d ms%n", options.maxDomainsInFlight(), options.maxFetchesInFlight(),
        options.maxConnectionsPerAddress(), options.dnsTimeoutMillis(), options.dnsAttempts(),
        options.domainDeadlineMillis());
    System.out.printf(Locale.ROOT, "domains %d in %.2f s: %.0f domains/s%n", n, seconds, n / seconds);
    System.out.printf(Locale.ROOT, "DNS datagrams sent %d: %.0f q/s (%.2f per domain); lookups in results %d: %.0f/s;"
        + " attempts timed out %d%n", sent, sent / seconds, sent / (double) Math.max(1, n), lookups, lookups / seconds,
        timeouts);
    long[] fetchMillis = t.fetchMillis.stream().mapToLong(Long::longValue).sorted().toArray();
    // A complete fetch's own time, from the request to the end of the body: waiting for an address or global permit
    // is not in it, but is in the per-domain time of the domain that fetched.
    System.out.printf(Locale.ROOT, "fetches %d: %.1f/s; fetch ms p50 %d, p99 %d%n", fetches, fetches / seconds,
        pct(fetchMillis, 0.5), pct(fetchMillis, 0.99));
    System.out.printf(Locale.ROOT, "outcomes  %s%nexpected  %s%n", outcomes, wanted);
    System.out.printf(Locale.ROOT, "checks: missing %d, duplicated %d, wrong outcome %d, scanner errors %d;"
        + " left in the DNS transports after the pass: %d in flight, %d queued%n", missing, duplicated, mismatches,
        errors, after.inFlight(), after.queued());
    t.examples.forEach(e -> System.out.println("  " + e));
    System.out.printf(Locale.ROOT, "per-domain ms: p50 %d, p99 %d, p99.9 %d, max %d%n", pct(millis, 0.5),
        pct(millis, 0.99), pct(millis, 0.999), millis.length == 0 ? 0 : millis[millis.length - 1]);
    System.out.printf(Locale.ROOT, "JVM CPU %.1f s (%.0f us/domain); peak RSS (VmHWM) %d MiB, RSS now %d MiB, heap max %d MiB%n",
        cpuMillis / 1000.0, cpuMillis * 1000.0 / Math.max(1, n), status.getOrDefault("VmHWM", 0L) / 1024,
        status.getOrDefault("VmRSS", 0L) / 1024, Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(Locale.ROOT, "RESULT domains_per_s=%.0f dns_qps=%.0f lookups_per_s=%.0f fetches_per_s=%.1f"
            + " undetermined=%d mismatches=%d missing=%d duplicated=%d errors=%d dns_left=%d dns_timeouts=%d hwm_kb=%d"
            + " valid_enforce=%d cpu_us_per_domain=%.0f seconds=%.2f%n",
        n / seconds, sent / seconds, lookups / seconds, fetches / seconds,
        outcomes.getOrDefault(Outcome.UNDETERMINED, 0L), mismatches, missing, duplicated, errors,
        after.inFlight() + after.queued(), timeouts,
        status.getOrDefault("VmHWM", 0L), outcomes.getOrDefault(Outcome.VALID_ENFORCE, 0L),
        cpuMillis * 1000.0 / Math.max(1, n), seconds);
  }

  private static long pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static MuxStats sum(List<MuxStats> stats) {
    long sent = 0;
    long timeouts = 0;
    for (MuxStats s : stats) {
      sent += s.sent();
      timeouts += s.timeouts();
    }
    int inFlight = 0;
    int queued = 0;
    for (MuxStats s : stats) {
      inFlight += s.inFlight();
      queued += s.queued();
    }
    return new MuxStats(sent, 0, timeouts, 0, 0, 0, 0, 0, 0, inFlight, queued, 0, 0);
  }

  /** The kB fields of /proc/self/status (VmHWM, VmRSS...); empty where there is no /proc. */
  private static Map<String, Long> readStatus() {
    Map<String, Long> out = new HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        String[] parts = line.split(":\\s+");
        if (parts.length == 2 && parts[1].endsWith(" kB")) {
          out.put(parts[0], Long.parseLong(parts[1].substring(0, parts[1].length() - 3).strip()));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: no RSS figure
    }
    return out;
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static String required(Map<String, String> opt, String name) {
    String value = opt.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }

  private EngineBench() {}
}
