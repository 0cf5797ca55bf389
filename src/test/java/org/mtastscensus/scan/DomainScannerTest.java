package org.mtastscensus.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.fetch.PolicyFetch;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Outcome;
import org.mtastscensus.verdict.RulesConfig;
import org.xbill.DNS.Type;

/** The stage chain of one domain, with scripted DNS and fetch layers. */
class DomainScannerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
  private static final String POLICY = "version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 604800\n";

  /** Answers from a map keyed "TYPE name"; unknown queries are NXDOMAIN; a missing future never completes. */
  private static final class ScriptedDns implements DnsLookup {
    final Map<String, CompletableFuture<DnsAnswer>> answers = new ConcurrentHashMap<>();
    final List<String> asked = new CopyOnWriteArrayList<>();

    ScriptedDns answer(String name, int type, String... values) {
      answers.put(Type.string(type) + " " + name,
          CompletableFuture.completedFuture(DnsAnswer.of(name, Type.string(type), List.of(values))));
      return this;
    }

    ScriptedDns hang(String name, int type) {
      answers.put(Type.string(type) + " " + name, new CompletableFuture<>());
      return this;
    }

    @Override
    public CompletableFuture<DnsAnswer> query(String name, int type) {
      String key = Type.string(type) + " " + name;
      asked.add(key);
      return answers.getOrDefault(key, CompletableFuture.completedFuture(
          DnsAnswer.failed(name, Type.string(type), org.mtastscensus.dns.DnsStatus.NXDOMAIN, "")));
    }
  }

  private static ScriptedDns validDomain() {
    return new ScriptedDns()
        .answer("_mta-sts.example.com", Type.TXT, "v=STSv1; id=1")
        .answer("example.com", Type.MX, "10 mx.example.com")
        .answer("_smtp._tls.example.com", Type.TXT, "v=TLSRPTv1; rua=mailto:r@example.com")
        .answer("mta-sts.example.com", Type.A, "192.0.2.10")
        .answer("mta-sts.example.com", Type.AAAA);
  }

  private static ScanResult scan(DnsLookup dns, PolicySource source, ScanConfig config) throws Exception {
    return new DomainScanner(dns, source, config, CLOCK).scan("example.com").get(10, TimeUnit.SECONDS);
  }

  private static PolicySource serving(String body) {
    return (domain, addresses) -> CompletableFuture.completedFuture(
        PolicyFetch.complete(200, "text/plain", body.getBytes(java.nio.charset.StandardCharsets.UTF_8), 5));
  }

  @Test
  void validDomainRunsEveryStageAndPassesResolvedAddressesToTheFetcher() throws Exception {
    List<List<InetAddress>> seen = new CopyOnWriteArrayList<>();
    PolicySource source = (domain, addresses) -> {
      seen.add(addresses);
      return serving(POLICY).fetch(domain, addresses);
    };
    ScanResult result = scan(validDomain(), source, ScanConfig.defaults());
    assertThat(result.verdict().outcome()).isEqualTo(Outcome.VALID_ENFORCE);
    assertThat(result.scannedAt()).isEqualTo(CLOCK.instant());
    assertThat(seen).containsExactly(List.of(InetAddress.getByName("192.0.2.10")));
    assertThat(result.error()).isEmpty();
  }

  @Test
  void noTxtRecordMeansNoPolicyHostLookupNoFetchAndNoTlsRpt() throws Exception {
    ScriptedDns dns = new ScriptedDns().answer("example.com", Type.MX, "10 mx.example.com");
    ScanResult result = scan(dns, (d, a) -> {
      throw new AssertionError("no fetch expected");
    }, ScanConfig.defaults());
    assertThat(result.verdict().outcome()).isEqualTo(Outcome.NO_RECORD);
    assertThat(dns.asked).containsExactlyInAnyOrder("TXT _mta-sts.example.com", "MX example.com");
    assertThat(result.facts().tlsRptTxt()).isNull();
  }

  @Test
  void tlsRptForAllQueriesItEvenWithoutRecord() throws Exception {
    ScriptedDns dns = new ScriptedDns().answer("example.com", Type.MX, "10 mx.example.com");
    ScanConfig config = new ScanConfig(60_000, true, false, RulesConfig.defaults());
    ScanResult result = scan(dns, serving(POLICY), config);
    assertThat(dns.asked).contains("TXT _smtp._tls.example.com");
    assertThat(result.verdict().tlsrpt()).isNotNull();
  }

  @Test
  void fetchWithoutRecordLooksUpThePolicyHost() throws Exception {
    ScriptedDns dns = validDomain();
    dns.answers.remove("TXT _mta-sts.example.com");
    ScanConfig config = new ScanConfig(60_000, false, true, RulesConfig.defaults());
    ScanResult result = scan(dns, serving(POLICY), config);
    assertThat(result.verdict().outcome()).isEqualTo(Outcome.NO_RECORD);
    assertThat(result.facts().fetch()).isNotNull();
  }

  @Test
  void deadlineKeepsWhatCompletedAndJudgesTheRestAsTimedOut() throws Exception {
    ScriptedDns dns = validDomain().hang("example.com", Type.MX);
    ScanConfig config = new ScanConfig(200, false, false, RulesConfig.defaults());
    ScanResult result = scan(dns, serving(POLICY), config);
    assertThat(result.facts().stsTxt().values()).containsExactly("v=STSv1; id=1");
    assertThat(result.facts().mx().status()).isEqualTo(org.mtastscensus.dns.DnsStatus.TIMEOUT);
    assertThat(result.verdict().outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(result.verdict().codes()).contains(FindingCode.DNS_LOOKUP_FAILED);
  }

  @Test
  void aFailingStageBecomesAnUndeterminedRowNotAnException() throws Exception {
    PolicySource broken = (domain, addresses) -> {
      throw new IllegalStateException("bug in the fetcher");
    };
    ScanResult result = scan(validDomain(), broken, ScanConfig.defaults());
    assertThat(result.verdict().outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(result.verdict().findings()).isEmpty();
    assertThat(result.error()).contains("IllegalStateException").contains("bug in the fetcher");
  }

  @Test
  void hostnamesInAddressAnswersAreNeverResolvedByTheOperatingSystem() throws Exception {
    ScriptedDns dns = validDomain().answer("mta-sts.example.com", Type.A, "localhost");
    ScanResult result = scan(dns, (d, a) -> {
      throw new AssertionError("no address, no fetch");
    }, ScanConfig.defaults());
    assertThat(result.facts().fetch()).isNull();
  }
}
