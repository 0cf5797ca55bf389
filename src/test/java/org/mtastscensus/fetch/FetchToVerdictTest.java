package org.mtastscensus.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.sandbox.Behaviour;
import org.mtastscensus.sandbox.SandboxHttpsServer;
import org.mtastscensus.sandbox.TestCa;
import org.mtastscensus.verdict.DomainFacts;
import org.mtastscensus.verdict.DomainJudge;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Outcome;
import org.mtastscensus.verdict.RulesConfig;
import org.mtastscensus.verdict.Verdict;

/** What the rules engine makes of real fetches: the fetcher's facts are the input the verdict was written for. */
class FetchToVerdictTest {
  private static final String POLICY = "version: STSv1\nmode: enforce\nmx: mail.example.net\nmax_age: 604800\n";

  private static SandboxHttpsServer server;
  private static PolicyFetcher lab;
  private static PolicyFetcher publicInternet;

  @BeforeAll
  static void start() {
    TestCa ca = TestCa.create("Verdict");
    server = SandboxHttpsServer.start(ca.valid("fallback.sandbox.test"));
    server.host("mta-sts.valid.test", ca.valid("mta-sts.valid.test"), Behaviour.serve(200, "text/plain", POLICY));
    server.host("mta-sts.cn-only.test", ca.cnOnly("mta-sts.cn-only.test"), Behaviour.serve(200, "text/plain", POLICY));
    server.host("mta-sts.expired.test", ca.expired("mta-sts.expired.test"), Behaviour.serve(200, "text/plain", POLICY));
    server.host("mta-sts.redirect.test", ca.valid("mta-sts.redirect.test"), Behaviour.redirect(302, "/elsewhere"));
    server.host("mta-sts.large.test", ca.valid("mta-sts.large.test"), Behaviour.large(100_000));
    AddressResolver resolver = StaticAddressResolver.allTo(List.of("mta-sts.valid.test", "mta-sts.cn-only.test",
        "mta-sts.expired.test", "mta-sts.redirect.test", "mta-sts.large.test"), server.address());
    FetchConfig config = FetchConfig.defaults("https://census.example/about")
        .withPort(server.port())
        .withBudget(Duration.ofSeconds(3))
        .withExtraTrustAnchors(List.of(ca.root()))
        .withTargetPolicy(TargetPolicy.allowingPrivateTargets());
    lab = new PolicyFetcher(config, resolver);
    publicInternet = new PolicyFetcher(config.withTargetPolicy(TargetPolicy.publicInternet()), resolver);
  }

  @AfterAll
  static void stop() {
    lab.close();
    publicInternet.close();
    server.close();
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("valid policy", "valid.test", false, Outcome.VALID_ENFORCE, null),
        Arguments.of("CN-only certificate", "cn-only.test", false, Outcome.VALID_ENFORCE,
            FindingCode.POLICY_CERT_CN_ONLY),
        Arguments.of("expired certificate", "expired.test", false, Outcome.POLICY_UNAVAILABLE,
            FindingCode.POLICY_CERT_EXPIRED),
        Arguments.of("redirect", "redirect.test", false, Outcome.POLICY_UNAVAILABLE,
            FindingCode.POLICY_HTTP_REDIRECT),
        Arguments.of("too large", "large.test", false, Outcome.POLICY_UNAVAILABLE, FindingCode.POLICY_TOO_LARGE),
        Arguments.of("blocked", "valid.test", true, Outcome.UNDETERMINED, FindingCode.POLICY_HOST_BLOCKED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void fetchFeedsTheVerdict(String name, String domain, boolean publicOnly, Outcome outcome, FindingCode code)
      throws Exception {
    PolicyFetch fetch = (publicOnly ? publicInternet : lab).fetch(domain).get(5, TimeUnit.SECONDS);
    DomainFacts facts = new DomainFacts(domain,
        DnsAnswer.of("_mta-sts." + domain, "TXT", List.of("v=STSv1; id=20260101")),
        DnsAnswer.of(domain, "MX", List.of("10 mail.example.net")),
        DnsAnswer.of("_smtp._tls." + domain, "TXT", List.of("v=TLSRPTv1; rua=mailto:tls@example.net")),
        null, null, fetch);
    Verdict verdict = DomainJudge.judge(facts, RulesConfig.defaults());
    assertThat(verdict.outcome()).as("%s: %s", fetch.status(), verdict.findings()).isEqualTo(outcome);
    if (code != null) {
      assertThat(verdict.codes()).contains(code);
    }
  }
}
