package org.mtastscensus.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The sandbox server seen through dnsjava's stock resolver, independently of the project's DNS client. */
class SandboxDnsServerTest {
  private static SandboxDnsServer server;

  @BeforeAll
  static void start() throws IOException {
    server = SandboxDnsServer.start(1);
    server.add("_mta-sts.a.b.example.test", Type.TXT, "\"v=STSv1; id=1\"");
    server.add("alias.example.test", Type.CNAME, "_mta-sts.a.b.example.test.");
    for (int i = 0; i < 30; i++) {
      server.add("big.example.test", Type.TXT, "\"" + "y".repeat(100) + i + "\"");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Message ask(String name, int type, boolean tcp) throws IOException {
    SimpleResolver r = new SimpleResolver(server.address());
    r.setTCP(tcp);
    r.setIgnoreTruncation(true);
    r.setTimeout(Duration.ofSeconds(2));
    return r.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
  }

  static Stream<Arguments> existence() {
    return Stream.of(
        Arguments.of("owner with the type", "_mta-sts.a.b.example.test.", Rcode.NOERROR, 1),
        Arguments.of("empty non-terminal one level up", "a.b.example.test.", Rcode.NOERROR, 0),
        Arguments.of("empty non-terminal further up", "example.test.", Rcode.NOERROR, 0),
        Arguments.of("sibling that does not exist", "c.b.example.test.", Rcode.NXDOMAIN, 0),
        Arguments.of("below an existing owner", "x._mta-sts.a.b.example.test.", Rcode.NXDOMAIN, 0),
        Arguments.of("unrelated top-level domain", "nothing.invalid.", Rcode.NXDOMAIN, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("existence")
  void nxdomainOnlyWhenNothingExistsAtOrBelowTheName(String label, String name, int rcode, int answers)
      throws IOException {
    Message m = ask(name, Type.TXT, false);
    assertThat(m.getRcode()).isEqualTo(rcode);
    assertThat(m.getSection(Section.ANSWER)).hasSize(answers);
    assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
  }

  @Test
  void cnameAnswersCarryTheCnameAndTheTarget() throws IOException {
    List<Record> answer = ask("alias.example.test.", Type.TXT, false).getSection(Section.ANSWER);
    assertThat(answer).extracting(Record::getType).containsExactly(Type.CNAME, Type.TXT);
  }

  @Test
  void tooLargeForUdpIsTruncatedThenCompleteOverTcp() throws IOException {
    Message udp = ask("big.example.test.", Type.TXT, false);
    assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(udp.getSection(Section.ANSWER)).isEmpty();
    Message tcp = ask("big.example.test.", Type.TXT, true);
    assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(tcp.getSection(Section.ANSWER)).hasSize(30);
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
  }
}
