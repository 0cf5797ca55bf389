package org.mtastscensus.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.dns.DnsClient;
import org.mtastscensus.dns.DnsStatus;
import org.mtastscensus.dns.MuxResolver;
import org.mtastscensus.dns.MuxStats;
import org.mtastscensus.sandbox.SandboxDnsServer;
import org.xbill.DNS.Type;

/**
 * Throughput of DnsClient over MuxResolver against one local authoritative server (not a unit test: run through
 * {@code scripts/bench-dns}).
 *
 * <p>Queries alternate TXT {@code _mta-sts.dN.<zone>} and MX {@code dN.<zone>} for N in [0, domains), the mix of
 * a scan. Without {@code --server} an in-process {@link SandboxDnsServer} is started and filled with those names.
 *
 * <p>The 250 ms default timeout is ~100 times the p99 of a local server; with a scan's seconds, the few queries the
 * server drops would each stall the end of a short run by a full timeout and the figure would measure that tail.
 *
 * <p>Options: {@code --server host:port --zone bench.test --queries 200000 --domains 10000 --window <in-flight>
 * --in-flight 400 --sockets 4 --timeout-ms 250 --attempts 3 --warmup 200000}.
 */
public final class DnsThroughputBench {

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = parse(args);
    String zone = opt.getOrDefault("zone", "bench.test");
    int queries = Integer.parseInt(opt.getOrDefault("queries", "200000"));
    int domains = Integer.parseInt(opt.getOrDefault("domains", "10000"));
    int window = Integer.parseInt(opt.getOrDefault("window", "0"));
    int inFlight = Integer.parseInt(opt.getOrDefault("in-flight", String.valueOf(MuxResolver.DEFAULT_MAX_IN_FLIGHT)));
    int sockets = Integer.parseInt(opt.getOrDefault("sockets", String.valueOf(MuxResolver.DEFAULT_SOCKETS)));
    int timeoutMs = Integer.parseInt(opt.getOrDefault("timeout-ms", "250"));
    int attempts = Integer.parseInt(opt.getOrDefault("attempts", "3"));
    int warmup = Integer.parseInt(opt.getOrDefault("warmup", "200000"));
    if (window <= 0) {
      // More outstanding queries than in-flight permits only moves the writes from this thread to the receiver's.
      window = inFlight;
    }

    SandboxDnsServer sandbox = null;
    InetSocketAddress server;
    if (opt.containsKey("server")) {
      String[] hp = opt.get("server").split(":");
      server = new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
    } else {
      sandbox = SandboxDnsServer.start(2);
      for (int i = 0; i < domains; i++) {
        sandbox.add("_mta-sts.d" + i + "." + zone, Type.TXT, "\"v=STSv1; id=20240101T000000\"");
        sandbox.add("d" + i + "." + zone, Type.MX, "10 mx1.d" + i + "." + zone + ".");
        sandbox.add("d" + i + "." + zone, Type.MX, "20 mx2.d" + i + "." + zone + ".");
      }
      server = sandbox.address();
    }

    try (MuxResolver mux = new MuxResolver(server, sockets, inFlight)) {
      mux.setTimeout(Duration.ofMillis(timeoutMs));
      DnsClient client = new DnsClient(List.of(mux), attempts, Duration.ofMillis(50));
      // Until C2 has compiled the hot paths, compiler threads take a core of the two: a short warm-up halves the
      // measured rate.
      run(client, zone, domains, warmup, window);
      MuxStats before = mux.stats();
      long cpuBefore = processCpuNanos();
      Result r = run(client, zone, domains, queries, window);
      long cpuMicrosPerQuery = (processCpuNanos() - cpuBefore) / 1000 / queries;
      MuxStats after = mux.stats();
      long lost = after.timeouts() - before.timeouts();
      long late = after.lateAnswers() - before.lateAnswers();
      long ignored =
          after.ignoredUnknownId() - before.ignoredUnknownId() + after.ignoredMismatch() - before.ignoredMismatch();
      double qps = queries / r.seconds;
      System.out.printf(Locale.ROOT, "server %s%s%n", mux.describeServer(), sandbox != null ? " (in-process sandbox)" : "");
      System.out.printf(Locale.ROOT, "queries %d in %.3f s: %.0f queries/s%n", queries, r.seconds, qps);
      System.out.printf(Locale.ROOT, "statuses %s%n", r.statuses);
      // CPU per query is the figure that survives a shared, loaded machine; queries/s does not.
      System.out.printf(Locale.ROOT, "client JVM CPU %d us/query, %.1f datagrams per receiver wake-up%n",
          cpuMicrosPerQuery,
          (after.received() - before.received()) / (double) Math.max(1, after.wakeups() - before.wakeups()));
      System.out.printf(Locale.ROOT, "lost answers (attempts that timed out, then retried) %d, late %d, ignored %d%n",
          lost, late, ignored);
      long finalTimeouts = r.statuses.getOrDefault(DnsStatus.TIMEOUT, 0L);
      System.out.printf(Locale.ROOT, "RESULT qps=%.0f lost=%d timeouts=%d failed=%d cpu_us=%d%n",
          qps, lost, finalTimeouts, r.failed, cpuMicrosPerQuery);
      if (client.failure().isPresent()) {
        System.out.println("RESOLVER FAILURE: " + client.failure().get());
      }
    } finally {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  private record Result(double seconds, Map<DnsStatus, Long> statuses, long failed) {}

  private static Result run(DnsClient client, String zone, int domains, int queries, int window)
      throws InterruptedException {
    Semaphore slots = new Semaphore(window);
    Map<DnsStatus, LongAdder> counts = new EnumMap<>(DnsStatus.class);
    for (DnsStatus s : DnsStatus.values()) {
      counts.put(s, new LongAdder());
    }
    long start = System.nanoTime();
    for (int i = 0; i < queries; i++) {
      slots.acquire();
      int domain = (i / 2) % domains;
      var future =
          i % 2 == 0
              ? client.query("_mta-sts.d" + domain + "." + zone, Type.TXT)
              : client.query("d" + domain + "." + zone, Type.MX);
      future.whenComplete(
          (DnsAnswer a, Throwable e) -> {
            counts.get(a == null ? DnsStatus.NETWORK_ERROR : a.status()).increment();
            slots.release();
          });
    }
    slots.acquire(window);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<DnsStatus, Long> statuses = new EnumMap<>(DnsStatus.class);
    long failed = 0;
    for (Map.Entry<DnsStatus, LongAdder> e : counts.entrySet()) {
      long n = e.getValue().sum();
      if (n > 0) {
        statuses.put(e.getKey(), n);
        if (e.getKey().failed()) {
          failed += n;
        }
      }
    }
    return new Result(seconds, statuses, failed);
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> out = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }

  private DnsThroughputBench() {}
}
