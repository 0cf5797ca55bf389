package org.mtastscensus.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtastscensus.sandbox.Behaviour;
import org.mtastscensus.sandbox.SandboxHttpsServer;
import org.mtastscensus.sandbox.TestCa;

/** The fetcher around the HTTPS exchange: lookups, refusals, trust configuration and concurrency caps. */
class PolicyFetcherEdgesTest {
  private static final String POLICY = "version: STSv1\nmode: none\nmax_age: 86400\n";
  private static final Duration HEAD_DELAY = Duration.ofMillis(500);

  private static TestCa ca;
  private static SandboxHttpsServer server;
  private static InetAddress loopback;

  @BeforeAll
  static void startSandbox() throws Exception {
    ca = TestCa.create("Edges");
    server = SandboxHttpsServer.start(ca.valid("fallback.sandbox.test"));
    server.host("mta-sts.ok.test", ca.valid("mta-sts.ok.test"), Behaviour.serve(200, "text/plain", POLICY));
    server.host("mta-sts.slow.test", ca.valid("mta-sts.slow.test"),
        Behaviour.slow(HEAD_DELAY, Duration.ZERO, 1, "text/plain", POLICY));
    loopback = server.address();
  }

  @AfterAll
  static void stopSandbox() {
    server.close();
  }

  private static FetchConfig lab() {
    return FetchConfig.defaults("https://census.example/about")
        .withPort(server.port())
        .withBudget(Duration.ofSeconds(3))
        .withExtraTrustAnchors(List.of(ca.root()))
        .withTargetPolicy(TargetPolicy.allowingPrivateTargets());
  }

  private static PolicyFetch fetchOnce(FetchConfig config, AddressResolver resolver, String domain) throws Exception {
    try (PolicyFetcher fetcher = new PolicyFetcher(config, resolver)) {
      return fetcher.fetch(domain).get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void failedLookupIsAnInternalErrorNotAFaultOfTheDomain() throws Exception {
    PolicyFetch fetch = fetchOnce(lab(), host -> CompletableFuture.failedFuture(new UnknownHostException("SERVFAIL")),
        "ok.test");
    assertThat(fetch.status()).isEqualTo(FetchStatus.INTERNAL_ERROR);
    assertThat(fetch.detail()).contains("address lookup for mta-sts.ok.test failed").contains("SERVFAIL");
  }

  @Test
  void resolverThatThrowsStillYieldsAResult() throws Exception {
    PolicyFetch fetch = fetchOnce(lab(), host -> {
      throw new IllegalStateException("resolver bug");
    }, "ok.test");
    assertThat(fetch.status()).isEqualTo(FetchStatus.INTERNAL_ERROR);
    assertThat(fetch.detail()).contains("resolver bug");
  }

  @Test
  void lookupThatNeverAnswersEndsWithinTheBudget() throws Exception {
    FetchConfig config = lab().withBudget(Duration.ofMillis(300));
    PolicyFetch fetch = fetchOnce(config, host -> new CompletableFuture<>(), "ok.test");
    assertThat(fetch.status()).isEqualTo(FetchStatus.INTERNAL_ERROR);
    assertThat(fetch.detail()).contains("address lookup").contains("TimeoutException");
  }

  @Test
  void noAddressIsAConnectFailure() throws Exception {
    PolicyFetch fetch = fetchOnce(lab(), host -> CompletableFuture.completedFuture(List.of()), "ok.test");
    assertThat(fetch.status()).isEqualTo(FetchStatus.CONNECT_FAILED);
  }

  @Test
  void optedOutDomainIsBlockedBeforeAnyLookup() throws Exception {
    FetchConfig config = lab().withTargetPolicy(new TargetPolicy(true, Set.of("ok.test"), List.of()));
    PolicyFetch fetch = fetchOnce(config, host -> {
      throw new AssertionError("no lookup expected");
    }, "OK.test.");
    assertThat(fetch.status()).isEqualTo(FetchStatus.BLOCKED);
    assertThat(fetch.detail()).contains("opted-out domain ok.test");
  }

  @Test
  void refusedAddressesAreSkippedAndTheRestAreUsed() throws Exception {
    InetAddress optedOut = InetAddress.getByAddress(new byte[] {10, 1, 1, 1});
    FetchConfig config = lab().withTargetPolicy(new TargetPolicy(true, Set.of(), List.of(Cidr.parse("10.0.0.0/8"))));
    PolicyFetch fetch = fetchOnce(config,
        StaticAddressResolver.of(Map.of("mta-sts.ok.test", List.of(optedOut, loopback))), "ok.test");
    assertThat(fetch.status()).isEqualTo(FetchStatus.COMPLETE);
  }

  @Test
  void jdkTrustStoreAloneDoesNotTrustTheSandbox() throws Exception {
    PolicyFetch fetch = fetchOnce(lab().withExtraTrustAnchors(List.of()), resolverToSandbox(), "ok.test");
    assertThat(fetch.status()).isEqualTo(FetchStatus.CERT_UNTRUSTED);
    assertThat(fetch.detail()).startsWith("unknown CA");
  }

  @Test
  void extraTrustFromAPemFile(@TempDir Path dir) throws Exception {
    Path pem = ca.writeRootPem(dir.resolve("root.pem"));
    FetchConfig config = lab().withExtraTrustAnchors(TrustAnchors.readPem(pem));
    assertThat(fetchOnce(config, resolverToSandbox(), "ok.test").status()).isEqualTo(FetchStatus.COMPLETE);
  }

  @Test
  void perAddressCapSerialisesFetchesToOneAddress() throws Exception {
    assertThat(wallMillisForTwoSlowFetches(lab().withLimits(1, 10))).isGreaterThanOrEqualTo(2 * HEAD_DELAY.toMillis());
  }

  @Test
  void globalCapSerialisesAllFetches() throws Exception {
    assertThat(wallMillisForTwoSlowFetches(lab().withLimits(10, 1))).isGreaterThanOrEqualTo(2 * HEAD_DELAY.toMillis());
  }

  @Test
  void withoutCapsSlowFetchesOverlap() throws Exception {
    assertThat(wallMillisForTwoSlowFetches(lab().withLimits(10, 10))).isLessThan(2 * HEAD_DELAY.toMillis());
  }

  @Test
  void onSendRunsOnlyOnceTheAddressPermitIsHeld() throws Exception {
    try (PolicyFetcher fetcher = new PolicyFetcher(lab().withLimits(1, 10), resolverToSandbox())) {
      CompletableFuture<Void> firstSent = new CompletableFuture<>();
      CompletableFuture<Void> secondSent = new CompletableFuture<>();
      CompletableFuture<PolicyFetch> first = fetcher.fetch("slow.test", () -> firstSent.complete(null));
      firstSent.get(5, TimeUnit.SECONDS);
      CompletableFuture<PolicyFetch> second = fetcher.fetch("slow.test", () -> secondSent.complete(null));
      Thread.sleep(HEAD_DELAY.toMillis() / 5);
      assertThat(first).isNotDone();
      assertThat(secondSent).as("queued behind the first fetch to the same address").isNotDone();
      assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(FetchStatus.COMPLETE);
      assertThat(second.get(5, TimeUnit.SECONDS).status()).isEqualTo(FetchStatus.COMPLETE);
      assertThat(secondSent).isDone();
    }
  }

  private static long wallMillisForTwoSlowFetches(FetchConfig config) throws Exception {
    try (PolicyFetcher fetcher = new PolicyFetcher(config, resolverToSandbox())) {
      fetcher.fetch("ok.test").get(5, TimeUnit.SECONDS); // warm up the TLS stack outside the measurement
      long start = System.nanoTime();
      CompletableFuture<PolicyFetch> first = fetcher.fetch("slow.test");
      CompletableFuture<PolicyFetch> second = fetcher.fetch("slow.test");
      assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(FetchStatus.COMPLETE);
      assertThat(second.get(5, TimeUnit.SECONDS).status()).isEqualTo(FetchStatus.COMPLETE);
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  private static AddressResolver resolverToSandbox() {
    return StaticAddressResolver.allTo(List.of("mta-sts.ok.test", "mta-sts.slow.test"), loopback);
  }
}
