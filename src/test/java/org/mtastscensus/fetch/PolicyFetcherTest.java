package org.mtastscensus.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.sandbox.Behaviour;
import org.mtastscensus.sandbox.RecordedRequest;
import org.mtastscensus.sandbox.SandboxHttpsServer;
import org.mtastscensus.sandbox.TestCa;

/** One row per way a policy host can answer or fail, fetched from the sandbox over real TLS on 127.0.0.1. */
class PolicyFetcherTest {
  private static final Duration BUDGET = Duration.ofSeconds(2);
  /** What a row may take beyond the budget before the test calls the fetcher too slow. */
  private static final long GRACE_MILLIS = 1_500;
  private static final String POLICY = "version: STSv1\nmode: enforce\nmx: mail.example.net\nmax_age: 86400\n";
  private static final String CONTACT = "https://census.example/about";

  /** Which fetcher a row uses: they differ only in port and target policy. */
  enum Via { TLS_PORT, PLAIN_HTTP_PORT, CLOSED_PORT, PUBLIC_INTERNET_POLICY }

  private static TestCa ca;
  private static SandboxHttpsServer server;
  private static final Map<Via, PolicyFetcher> fetchers = new EnumMap<>(Via.class);

  @BeforeAll
  static void startSandbox() throws Exception {
    ca = TestCa.create("Census Test");
    TestCa unknown = TestCa.create("Unknown");
    server = SandboxHttpsServer.start(ca.valid("fallback.sandbox.test"));
    host("valid.test", ca.valid(h("valid.test")), Behaviour.serve(200, "text/plain; charset=utf-8", POLICY));
    host("full-chain.test", ca.viaIntermediate(h("full-chain.test"), true), Behaviour.serve(200, "text/plain", POLICY));
    host("redirect.test", ca.valid(h("redirect.test")), Behaviour.redirect(301, "https://elsewhere.test/policy"));
    host("not-found.test", ca.valid(h("not-found.test")), Behaviour.serve(404, "text/html",
        "<!doctype html><html><head><title>404 Not Found</title></head><body>nope</body></html>"));
    host("wildcard.test", ca.valid("*.wildcard.test"), Behaviour.serve(200, "text/plain", POLICY));
    host("cn-only.test", ca.cnOnly(h("cn-only.test")), Behaviour.serve(200, "text/plain", POLICY));
    host("expired.test", ca.expired(h("expired.test")), Behaviour.serve(200, "text/plain", POLICY));
    host("not-yet-valid.test", ca.notYetValid(h("not-yet-valid.test")), Behaviour.serve(200, "text/plain", POLICY));
    host("wrong-name.test", ca.wrongName(h("wrong-name.test")), Behaviour.serve(200, "text/plain", POLICY));
    host("self-signed.test", TestCa.selfSigned(h("self-signed.test")), Behaviour.serve(200, "text/plain", POLICY));
    host("unknown-ca.test", unknown.valid(h("unknown-ca.test")), Behaviour.serve(200, "text/plain", POLICY));
    host("incomplete-chain.test", ca.viaIntermediate(h("incomplete-chain.test"), false),
        Behaviour.serve(200, "text/plain", POLICY));
    server.hostRefusingHandshake(h("alert.test"));
    host("slow.test", ca.valid(h("slow.test")),
        Behaviour.slow(Duration.ofMillis(300), Duration.ofMillis(100), 3, "text/plain", POLICY));
    host("stalled.test", ca.valid(h("stalled.test")), Behaviour.stalled());
    host("endless.test", ca.valid(h("endless.test")), Behaviour.endless());
    host("large.test", ca.valid(h("large.test")), Behaviour.large(2 * 1024 * 1024));
    host("at-cap.test", ca.valid(h("at-cap.test")), Behaviour.large(FetchConfig.DEFAULT_BODY_CAP));
    host("truncated.test", ca.valid(h("truncated.test")), Behaviour.truncated(1000, 100));
    host("reset.test", ca.valid(h("reset.test")), Behaviour.reset());

    List<String> hosts = new ArrayList<>();
    rows().forEach(row -> hosts.add(h((String) row.get()[1])));
    AddressResolver resolver = StaticAddressResolver.allTo(hosts, server.address());
    FetchConfig lab = FetchConfig.defaults(CONTACT)
        .withBudget(BUDGET)
        .withConnectTimeout(Duration.ofSeconds(1))
        .withExtraTrustAnchors(List.of(ca.root()))
        .withTargetPolicy(TargetPolicy.allowingPrivateTargets());
    int closedPort;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = closed.getLocalPort();
    }
    fetchers.put(Via.TLS_PORT, new PolicyFetcher(lab.withPort(server.port()), resolver));
    // the plain-HTTP listener shares the TLS port number on another loopback address
    fetchers.put(Via.PLAIN_HTTP_PORT, new PolicyFetcher(lab.withPort(server.port()),
        StaticAddressResolver.allTo(hosts, server.plainHttpAddress())));
    fetchers.put(Via.CLOSED_PORT, new PolicyFetcher(lab.withPort(closedPort), resolver));
    fetchers.put(Via.PUBLIC_INTERNET_POLICY,
        new PolicyFetcher(lab.withPort(server.port()).withTargetPolicy(TargetPolicy.publicInternet()), resolver));
  }

  @AfterAll
  static void stopSandbox() {
    fetchers.values().forEach(PolicyFetcher::close);
    if (server != null) {
      server.close();
    }
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row("valid 200 text/plain", "valid.test", Via.TLS_PORT, FetchStatus.COMPLETE, f -> {
          assertThat(f.httpStatus()).isEqualTo(200);
          assertThat(f.contentType()).isEqualTo("text/plain; charset=utf-8");
          assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo(POLICY);
          assertThat(f.tls().protocol()).startsWith("TLSv1.");
          assertThat(f.tls().dnsNames()).containsExactly(h("valid.test"));
          assertThat(f.tls().subject()).contains("CN=" + h("valid.test"));
          assertThat(f.tls().issuer()).contains("Census Test Root CA");
          assertThat(f.tls().notAfter()).isNotNull();
          assertThat(f.tls().nameMatchedByCnOnly()).isFalse();
        }),
        row("full chain via intermediate", "full-chain.test", Via.TLS_PORT, FetchStatus.COMPLETE,
            f -> assertThat(f.tls().issuer()).contains("Intermediate")),
        row("redirect 301 with Location", "redirect.test", Via.TLS_PORT, FetchStatus.COMPLETE, f -> {
          assertThat(f.httpStatus()).isEqualTo(301);
          assertThat(f.location()).isEqualTo("https://elsewhere.test/policy");
        }),
        row("404 HTML", "not-found.test", Via.TLS_PORT, FetchStatus.COMPLETE, f -> {
          assertThat(f.httpStatus()).isEqualTo(404);
          assertThat(f.contentType()).isEqualTo("text/html");
          assertThat(new String(f.body(), StandardCharsets.UTF_8)).contains("<title>404 Not Found</title>");
        }),
        row("wildcard certificate", "wildcard.test", Via.TLS_PORT, FetchStatus.COMPLETE,
            f -> assertThat(f.tls().dnsNames()).containsExactly("*.wildcard.test")),
        row("CN-only certificate", "cn-only.test", Via.TLS_PORT, FetchStatus.COMPLETE, f -> {
          assertThat(f.tls().nameMatchedByCnOnly()).isTrue();
          assertThat(f.tls().dnsNames()).isEmpty();
        }),
        row("slow but within budget", "slow.test", Via.TLS_PORT, FetchStatus.COMPLETE, f -> {
          assertThat(f.elapsedMillis()).isGreaterThanOrEqualTo(450);
          assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo(POLICY);
        }),
        row("body exactly at the 64 KiB cap", "at-cap.test", Via.TLS_PORT, FetchStatus.COMPLETE,
            f -> assertThat(f.body()).hasSize(FetchConfig.DEFAULT_BODY_CAP)),
        row("expired", "expired.test", Via.TLS_PORT, FetchStatus.CERT_EXPIRED, f -> {
          assertThat(f.tls().notAfter()).isNotNull();
          assertThat(f.tls().subject()).contains(h("expired.test"));
          assertThat(f.httpStatus()).isNull();
        }),
        row("not yet valid", "not-yet-valid.test", Via.TLS_PORT, FetchStatus.CERT_NOT_YET_VALID, f -> {}),
        row("name mismatch", "wrong-name.test", Via.TLS_PORT, FetchStatus.CERT_NAME_MISMATCH,
            f -> assertThat(f.tls().dnsNames()).containsExactly("not-" + h("wrong-name.test"))),
        row("self-signed", "self-signed.test", Via.TLS_PORT, FetchStatus.CERT_UNTRUSTED,
            f -> assertThat(f.detail()).startsWith("self-signed")),
        row("unknown CA", "unknown-ca.test", Via.TLS_PORT, FetchStatus.CERT_UNTRUSTED,
            f -> assertThat(f.detail()).startsWith("unknown CA")),
        row("incomplete chain", "incomplete-chain.test", Via.TLS_PORT, FetchStatus.CERT_UNTRUSTED,
            f -> assertThat(f.detail()).startsWith("incomplete chain")),
        // The status is the contract; the detail depends on whether the client's TLS engine read the server's
        // bytes before it saw the connection end, which a loaded machine can reorder.
        row("plain HTTP on the TLS port", "valid.test", Via.PLAIN_HTTP_PORT, FetchStatus.TLS_HANDSHAKE_FAILED,
            f -> assertThat(f.detail()).containsAnyOf("not TLS", "connection closed during the TLS handshake")),
        row("handshake alert from the server", "alert.test", Via.TLS_PORT, FetchStatus.TLS_HANDSHAKE_FAILED,
            f -> assertThat(f.detail()).containsAnyOf("handshake_failure", "connection closed during the TLS handshake")),
        row("connect refused", "valid.test", Via.CLOSED_PORT, FetchStatus.CONNECT_FAILED, f -> {}),
        row("stalled: timeout", "stalled.test", Via.TLS_PORT, FetchStatus.TIMEOUT,
            f -> {
              assertThat(f.elapsedMillis()).isGreaterThanOrEqualTo(BUDGET.toMillis() - 50);
              assertThat(f.tls().dnsNames()).containsExactly(h("stalled.test"));
            }),
        row("endless body", "endless.test", Via.TLS_PORT, FetchStatus.TOO_LARGE, f -> {
          assertThat(f.httpStatus()).isEqualTo(200);
          assertThat(f.body()).hasSize(FetchConfig.DEFAULT_BODY_CAP);
        }),
        row("2 MiB body", "large.test", Via.TLS_PORT, FetchStatus.TOO_LARGE,
            f -> assertThat(f.body()).hasSize(65536)),
        row("truncated body", "truncated.test", Via.TLS_PORT, FetchStatus.TRUNCATED, f -> {
          assertThat(f.httpStatus()).isEqualTo(200);
          assertThat(f.body()).hasSize(100);
          assertThat(f.detail()).contains("100 body bytes of 1000 promised");
        }),
        row("reset after the request", "reset.test", Via.TLS_PORT, FetchStatus.TRUNCATED,
            f -> {
              assertThat(f.httpStatus()).isNull();
              assertThat(f.detail()).contains("no response head");
            }),
        row("blocked: loopback without allowPrivateTargets", "valid.test", Via.PUBLIC_INTERNET_POLICY,
            FetchStatus.BLOCKED, f -> assertThat(f.detail()).contains("127.0.0.0/8")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void classifiesEachWayAPolicyHostAnswers(String name, String domain, Via via, FetchStatus expected,
      Consumer<PolicyFetch> check) throws Exception {
    long start = System.nanoTime();
    PolicyFetch fetch = fetchers.get(via).fetch(domain)
        .get(BUDGET.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
    long took = (System.nanoTime() - start) / 1_000_000;

    assertThat(fetch.status()).as("%s (detail: %s)", name, fetch.detail()).isEqualTo(expected);
    assertThat(took).as("wall time").isLessThan(BUDGET.toMillis() + GRACE_MILLIS);
    assertThat(fetch.elapsedMillis()).isLessThanOrEqualTo(took);
    if (expected != FetchStatus.COMPLETE) {
      assertThat(fetch.detail()).isNotBlank();
    }
    check.accept(fetch);
  }

  @Test
  void sendsSniUserAgentAndPathAndNoCachingHeaders() throws Exception {
    fetchers.get(Via.TLS_PORT).fetch("valid.test").get(5, TimeUnit.SECONDS);
    RecordedRequest request = server.requests().stream()
        .filter(r -> r.sniHost().equals(h("valid.test"))).reduce((a, b) -> b).orElseThrow();
    assertThat(request.requestLine()).isEqualTo("GET " + PolicyFetcher.PATH + " HTTP/1.1");
    assertThat(request.headers().get("user-agent")).contains("MTA-STS-Census").contains(CONTACT);
    assertThat(request.headers()).doesNotContainKey("accept-encoding");
  }

  private static Arguments row(String name, String domain, Via via, FetchStatus expected,
      Consumer<PolicyFetch> check) {
    return Arguments.of(name, domain, via, expected, check);
  }

  private static void host(String domain, TestCa.Issued certificate, Behaviour behaviour) {
    server.host(h(domain), certificate, behaviour);
  }

  private static String h(String domain) {
    return "mta-sts." + domain;
  }
}
