package org.mtastscensus.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.mtastscensus.sandbox.Behaviour;
import org.mtastscensus.sandbox.SandboxHttpsServer;
import org.mtastscensus.sandbox.TestCa;

/**
 * Fetches per second against the sandbox, each over a fresh TLS connection (client and server share the machine,
 * so this is a floor for the client, not a ceiling). Not a unit test; run by hand:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.mtastscensus.fetch.FetchThroughputBench
 * [fetches] [inFlight]}.
 */
final class FetchThroughputBench {
  private FetchThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int fetches = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    TestCa ca = TestCa.create("Bench");
    String host = "mta-sts.bench.test";
    try (SandboxHttpsServer server = SandboxHttpsServer.start(ca.valid(host))) {
      server.host(host, ca.valid(host), Behaviour.serve(200, "text/plain", "version: STSv1\nmode: none\nmax_age: 86400\n"));
      FetchConfig config = FetchConfig.defaults("https://census.example/about")
          .withPort(server.port())
          .withBudget(Duration.ofSeconds(10))
          .withExtraTrustAnchors(List.of(ca.root()))
          .withTargetPolicy(TargetPolicy.allowingPrivateTargets())
          .withLimits(inFlight, inFlight);
      try (PolicyFetcher fetcher = new PolicyFetcher(config, StaticAddressResolver.allTo(List.of(host), server.address()))) {
        run(fetcher, Math.min(200, fetches), "warm-up");
        run(fetcher, Math.min(200, fetches), 1, "sequential");
        run(fetcher, fetches, inFlight + " in flight");
      }
    }
  }

  private static void run(PolicyFetcher fetcher, int count, String label) {
    List<CompletableFuture<PolicyFetch>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      all.add(fetcher.fetch("bench.test"));
    }
    report(all, start, label);
  }

  private static void run(PolicyFetcher fetcher, int count, int sequential, String label) {
    List<CompletableFuture<PolicyFetch>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      CompletableFuture<PolicyFetch> one = fetcher.fetch("bench.test");
      one.join();
      all.add(one);
    }
    report(all, start, label);
  }

  private static void report(List<CompletableFuture<PolicyFetch>> all, long start, String label) {
    Map<FetchStatus, Integer> counts = new EnumMap<>(FetchStatus.class);
    all.forEach(f -> counts.merge(f.join().status(), 1, Integer::sum));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-14s %5d fetches in %6.2f s = %7.1f fetches/s %s%n", label, all.size(), seconds,
        all.size() / seconds, counts);
  }
}
