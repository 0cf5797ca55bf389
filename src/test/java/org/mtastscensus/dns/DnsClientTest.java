package org.mtastscensus.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.sandbox.Fault;
import org.mtastscensus.sandbox.SandboxDnsServer;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class DnsClientTest {
  private static final Duration TIMEOUT = Duration.ofMillis(250);
  private static final Duration BACKOFF = Duration.ofMillis(20);

  private static SandboxDnsServer server;
  private static MuxResolver resolver;
  private static DnsClient client;

  @BeforeAll
  static void startWorld() throws IOException {
    server = SandboxDnsServer.start();
    server.add("example.test", Type.MX, "20 MX2.Example.Test.");
    server.add("example.test", Type.MX, "10 mx1.example.test.");
    server.add("_mta-sts.example.test", Type.TXT, "\"v=STSv1; \" \"id=20240101\"");
    server.add("_mta-sts.example.test", Type.TXT, "\"unrelated\"");
    server.add("nullmx.test", Type.MX, "0 .");
    server.add("mta-sts.example.test", Type.A, "192.0.2.1");
    server.add("mta-sts.example.test", Type.AAAA, "2001:db8::1");
    server.add("_mta-sts.ent.test", Type.TXT, "\"v=STSv1; id=1\"");
    server.add("_mta-sts.delegated.test", Type.CNAME, "_mta-sts.Provider.test.");
    server.add("_mta-sts.provider.test", Type.TXT, "\"v=STSv1; id=p1\"");
    server.add("hop1.test", Type.CNAME, "hop2.test.");
    server.add("hop2.test", Type.CNAME, "hop3.test.");
    server.add("hop3.test", Type.TXT, "\"end of chain\"");
    server.add("_mta-sts.dangling.test", Type.CNAME, "gone.provider.test.");
    server.add("loop1.test", Type.CNAME, "loop2.test.");
    server.add("loop2.test", Type.CNAME, "loop1.test.");
    for (int i = 0; i < 10; i++) {
      server.add("long" + i + ".test", Type.CNAME, "long" + (i + 1) + ".test.");
    }
    server.add("long10.test", Type.TXT, "\"too far\"");
    server.add("cname-nodata.test", Type.CNAME, "mta-sts.example.test.");
    for (int i = 0; i < 40; i++) {
      server.add("big.test", Type.TXT, "\"" + "record-" + i + "-" + "x".repeat(60) + "\"");
    }
    server.add("tc.test", Type.TXT, "\"small but truncated\"");
    server.add("slow.test", Type.TXT, "\"late but fine\"");
    server.add("servfail.test", Type.TXT, "\"never seen\"");
    server.add("garbage.test", Type.TXT, "\"never seen\"");
    server.setFault("tc.test", Fault.truncateUdp());
    server.setFault("slow.test", Fault.delay(Duration.ofMillis(60)));
    server.setFault("servfail.test", Fault.servfail());
    server.setFault("refused.test", Fault.refused());
    server.setFault("garbage.test", Fault.garbage());
    server.setFault("dropped.test", Fault.drop());

    resolver = new MuxResolver(server.address());
    resolver.setTimeout(TIMEOUT);
    client = new DnsClient(List.of(resolver), 3, BACKOFF);
  }

  @AfterAll
  static void stopWorld() {
    resolver.close();
    server.close();
  }

  record Case(
      String label, String name, int type, DnsStatus status, List<String> values, List<String> chain) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Case> cases() {
    List<String> none = List.of();
    List<String> bigValues = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      bigValues.add("record-" + i + "-" + "x".repeat(60));
    }
    return Stream.of(
        new Case("MX lower case, no trailing dot", "example.test", Type.MX, DnsStatus.NOERROR,
            List.of("20 mx2.example.test", "10 mx1.example.test"), none),
        new Case("null MX kept as 0 .", "nullmx.test", Type.MX, DnsStatus.NOERROR, List.of("0 ."), none),
        new Case("TXT strings joined without space", "_mta-sts.example.test", Type.TXT, DnsStatus.NOERROR,
            List.of("v=STSv1; id=20240101", "unrelated"), none),
        new Case("query name case and trailing dot ignored", "_MTA-STS.Example.TEST.", Type.TXT,
            DnsStatus.NOERROR, List.of("v=STSv1; id=20240101", "unrelated"), none),
        new Case("A literal", "mta-sts.example.test", Type.A, DnsStatus.NOERROR, List.of("192.0.2.1"), none),
        new Case("AAAA compressed literal", "mta-sts.example.test", Type.AAAA, DnsStatus.NOERROR,
            List.of("2001:db8::1"), none),
        new Case("NODATA: name exists, other type", "example.test", Type.AAAA, DnsStatus.NODATA, none, none),
        new Case("NODATA: empty non-terminal", "ent.test", Type.TXT, DnsStatus.NODATA, none, none),
        new Case("NXDOMAIN", "missing.test", Type.TXT, DnsStatus.NXDOMAIN, none, none),
        new Case("CNAME delegation", "_mta-sts.delegated.test", Type.TXT, DnsStatus.NOERROR,
            List.of("v=STSv1; id=p1"), List.of("_mta-sts.provider.test")),
        new Case("CNAME chain of two hops", "hop1.test", Type.TXT, DnsStatus.NOERROR,
            List.of("end of chain"), List.of("hop2.test", "hop3.test")),
        new Case("CNAME to a name without the type", "cname-nodata.test", Type.TXT, DnsStatus.NODATA, none,
            List.of("mta-sts.example.test")),
        new Case("dangling CNAME", "_mta-sts.dangling.test", Type.TXT, DnsStatus.NXDOMAIN, none,
            List.of("gone.provider.test")),
        new Case("CNAME loop", "loop1.test", Type.TXT, DnsStatus.CNAME_LOOP, none,
            List.of("loop2.test", "loop1.test")),
        new Case("CNAME chain longer than 8", "long0.test", Type.TXT, DnsStatus.CNAME_LOOP, none,
            List.of("long1.test", "long2.test", "long3.test", "long4.test", "long5.test", "long6.test",
                "long7.test", "long8.test", "long9.test")),
        new Case("large TXT RRset over TCP", "big.test", Type.TXT, DnsStatus.NOERROR, bigValues, none),
        new Case("TC on a small answer, TCP answers", "tc.test", Type.TXT, DnsStatus.NOERROR,
            List.of("small but truncated"), none),
        new Case("delayed answer within the timeout", "slow.test", Type.TXT, DnsStatus.NOERROR,
            List.of("late but fine"), none),
        new Case("SERVFAIL after retries", "servfail.test", Type.TXT, DnsStatus.SERVFAIL, none, none),
        new Case("REFUSED", "refused.test", Type.TXT, DnsStatus.REFUSED, none, none),
        new Case("garbage reply", "garbage.test", Type.TXT, DnsStatus.MALFORMED, none, none),
        new Case("invalid query name", "a..b.test", Type.TXT, DnsStatus.MALFORMED, none, none));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void classifiesEveryOutcome(Case c) {
    DnsAnswer answer = client.query(c.name(), c.type()).join();

    assertThat(answer.status()).as(answer.describe()).isEqualTo(c.status());
    assertThat(answer.values()).isEqualTo(c.values());
    assertThat(answer.cnameChain()).isEqualTo(c.chain());
    assertThat(answer.type()).isEqualTo(Type.string(c.type()));
    assertThat(answer.detail().isEmpty()).isEqualTo(!c.status().failed() && c.status() != DnsStatus.NXDOMAIN
        || c.status() == DnsStatus.NXDOMAIN && c.chain().isEmpty());
  }

  @Test
  void answersUseTheNormalizedQueryName() {
    assertThat(client.query("Example.TEST.", Type.MX).join().name()).isEqualTo("example.test");
  }

  @Test
  void retryableFailuresAreRetriedThenReported() {
    long before = server.udpQueries();
    DnsAnswer answer = client.query("servfail.test", Type.TXT).join();
    assertThat(answer.detail()).contains("SERVFAIL").contains("after 3 attempts");
    assertThat(server.udpQueries() - before).isEqualTo(3);

    before = server.udpQueries();
    client.query("refused.test", Type.TXT).join();
    assertThat(server.udpQueries() - before).as("REFUSED is not retried").isEqualTo(1);
  }

  @Test
  void droppedQueryTimesOutAfterRetriesWithinABoundedTime() {
    long start = System.nanoTime();
    DnsAnswer answer = client.query("dropped.test", Type.TXT).join();
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(answer.status()).isEqualTo(DnsStatus.TIMEOUT);
    assertThat(answer.detail()).contains("after 3 attempts");
    // Three timeouts of 250 ms, two backoffs (20 + 40 ms plus jitter), up to 50 ms of sweep delay per attempt, and
    // slack for a shared, loaded machine.
    assertThat(millis).isBetween(3 * TIMEOUT.toMillis(), 3 * TIMEOUT.toMillis() + 1500);
  }

  @Test
  void closedPortIsANetworkErrorNotATimeout() throws IOException {
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    try (MuxResolver closed = new MuxResolver(new InetSocketAddress("127.0.0.1", port))) {
      closed.setTimeout(Duration.ofSeconds(5));
      DnsClient c = new DnsClient(List.of(closed), 3, BACKOFF);
      long start = System.nanoTime();
      DnsAnswer answer = c.query("example.test", Type.TXT).join();
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(answer.status()).as(answer.describe()).isEqualTo(DnsStatus.NETWORK_ERROR);
      assertThat(answer.detail()).contains("PortUnreachable");
      assertThat(millis).isLessThan(1000);
    }
  }

  @Test
  void dnsjavasStockResolverFailuresAreClassifiedTheSameWay() {
    // The client works over any org.xbill.DNS.Resolver; dnsjava's own exceptions must map like ours.
    org.xbill.DNS.SimpleResolver stock = new org.xbill.DNS.SimpleResolver(server.address());
    stock.setTimeout(TIMEOUT);
    DnsClient c = new DnsClient(List.of(stock), 1, BACKOFF);

    assertThat(c.query("_mta-sts.delegated.test", Type.TXT).join().cnameChain()).containsExactly("_mta-sts.provider.test");
    assertThat(c.query("big.test", Type.TXT).join().values()).hasSize(40);
    assertThat(c.query("dropped.test", Type.TXT).join().status()).isEqualTo(DnsStatus.TIMEOUT);
    assertThat(c.query("garbage.test", Type.TXT).join().status()).isEqualTo(DnsStatus.MALFORMED);
  }

  @Test
  void aDeadResolverIsReportedLoudly() throws IOException {
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    try (MuxResolver dead = new MuxResolver(new InetSocketAddress("127.0.0.1", port))) {
      DnsClient c = new DnsClient(List.of(dead), 1, BACKOFF);
      for (int i = 0; i < ResolverHealth.DEFAULT_MIN_QUERIES; i++) {
        c.query("d" + i + ".test", Type.TXT).join();
      }
      assertThat(c.failure())
          .hasValueSatisfying(m -> assertThat(m).startsWith("resolver 127.0.0.1:" + port + " is not answering"));
    }
    assertThat(client.failure()).isEmpty();
  }

  @Test
  void anInvalidTypeIsAnAnswerNotAnException() {
    assertThat(client.query("example.test", 70_000).join().status()).isEqualTo(DnsStatus.MALFORMED);
  }

  @Test
  void truncatedAnswerWhoseTcpRetryFailsIsTruncated() throws IOException {
    // Only UDP listens on this port, so the TCP retry is refused.
    try (FakeUdpServer fake = new FakeUdpServer(q -> {
          Message r = reply(q, Rcode.NOERROR);
          r.getHeader().setFlag(Flags.TC);
          return List.of(r.toWire());
        });
        MuxResolver mux = new MuxResolver(fake.address())) {
      mux.setTimeout(TIMEOUT);
      DnsAnswer answer = new DnsClient(List.of(mux), 1, BACKOFF).query("x.test", Type.TXT).join();
      assertThat(answer.status()).as(answer.describe()).isEqualTo(DnsStatus.TRUNCATED);
    }
  }

  @Test
  void unknownRcodeIsOtherRcode() throws IOException {
    try (FakeUdpServer fake = new FakeUdpServer(q -> List.of(reply(q, Rcode.NOTIMP).toWire()));
        MuxResolver mux = new MuxResolver(fake.address())) {
      mux.setTimeout(TIMEOUT);
      DnsAnswer answer = new DnsClient(List.of(mux), 3, BACKOFF).query("x.test", Type.TXT).join();
      assertThat(answer.status()).isEqualTo(DnsStatus.OTHER_RCODE);
      assertThat(answer.detail()).isEqualTo("rcode NOTIMP");
    }
  }

  @Test
  void queriesAreSpreadRoundRobinOverResolvers() throws IOException {
    try (SandboxDnsServer second = SandboxDnsServer.start(1);
        MuxResolver other = new MuxResolver(second.address())) {
      second.add("example.test", Type.MX, "10 mx1.example.test.");
      DnsClient both = new DnsClient(List.of(resolver, other), 3, BACKOFF);
      long before = second.udpQueries();
      for (int i = 0; i < 4; i++) {
        assertThat(both.query("example.test", Type.MX).join().status()).isEqualTo(DnsStatus.NOERROR);
      }
      assertThat(second.udpQueries() - before).isEqualTo(2);
      assertThat(both.failure()).isEmpty();
    }
  }

  static Message reply(Message query, int rcode) {
    Message r = new Message(query.getHeader().getID());
    r.getHeader().setFlag(Flags.QR);
    r.getHeader().setRcode(rcode);
    r.addRecord(query.getQuestion(), Section.QUESTION);
    return r;
  }
}
