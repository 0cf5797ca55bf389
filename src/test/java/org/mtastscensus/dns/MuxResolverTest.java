package org.mtastscensus.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mtastscensus.sandbox.Fault;
import org.mtastscensus.sandbox.SandboxDnsServer;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class MuxResolverTest {

  private static Message query(String name, int type) throws IOException {
    return Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
  }

  private static byte[] answer(int id, String name, int type, boolean qr, String text) throws IOException {
    Message m = new Message(id);
    if (qr) {
      m.getHeader().setFlag(Flags.QR);
    }
    m.getHeader().setRcode(Rcode.NOERROR);
    m.addRecord(Record.newRecord(Name.fromString(name), type, DClass.IN), Section.QUESTION);
    m.addRecord(new TXTRecord(Name.fromString(name), DClass.IN, 60, text), Section.ANSWER);
    return m.toWire();
  }

  @Test
  void answersWithAnotherIdOrQuestionAreIgnoredAndCounted() throws Exception {
    try (FakeUdpServer fake = new FakeUdpServer(q -> {
          int id = q.getHeader().getID();
          String name = q.getQuestion().getName().toString();
          try {
            return List.of(
                answer(id ^ 0x5555, name, Type.TXT, true, "wrong id"),
                answer(id, "other.test.", Type.TXT, true, "wrong name"),
                answer(id, name, Type.MX, true, "wrong type"),
                answer(id, name, Type.TXT, false, "not a response"),
                answer(id, name, Type.TXT, true, "genuine"));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
        MuxResolver mux = new MuxResolver(fake.address())) {
      mux.setTimeout(Duration.ofSeconds(2));

      Message response = mux.sendAsync(query("victim.test.", Type.TXT)).toCompletableFuture().get(2, TimeUnit.SECONDS);

      assertThat(((TXTRecord) response.getSection(Section.ANSWER).get(0)).getStrings()).containsExactly("genuine");
      MuxStats stats = mux.stats();
      assertThat(stats.ignoredUnknownId()).isEqualTo(1);
      assertThat(stats.ignoredMismatch()).isEqualTo(3);
      assertThat(stats.answered()).isEqualTo(1);
    }
  }

  @Test
  void anAnswerArrivingAfterTheTimeoutHitsAQuarantinedId() throws Exception {
    List<Message> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (FakeUdpServer fake = new FakeUdpServer(q -> {
          if (held.isEmpty()) {
            held.add(q);
            return List.of();
          }
          // Second query: answer the first one (too late) and then the second one.
          Message first = held.get(0);
          try {
            return List.of(
                answer(first.getHeader().getID(), first.getQuestion().getName().toString(), Type.TXT, true, "late"),
                answer(q.getHeader().getID(), q.getQuestion().getName().toString(), Type.TXT, true, "fresh"));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
        MuxResolver mux = new MuxResolver(fake.address(), 1, 10)) {
      mux.setTimeout(Duration.ofMillis(100));
      CompletableFuture<Message> lost = mux.sendAsync(query("late.test.", Type.TXT)).toCompletableFuture();
      assertThatThrownBy(lost::join).hasCauseInstanceOf(java.net.SocketTimeoutException.class);

      Message second = mux.sendAsync(query("late.test.", Type.TXT)).toCompletableFuture().get(2, TimeUnit.SECONDS);

      assertThat(((TXTRecord) second.getSection(Section.ANSWER).get(0)).getStrings()).containsExactly("fresh");
      assertThat(mux.stats().lateAnswers()).isEqualTo(1);
      assertThat(mux.stats().timeouts()).isEqualTo(1);
    }
  }

  @Test
  void idsAreUniqueWhilePendingAndQuarantinedIdsAreNotReused() {
    IdSlots ids = new IdSlots();
    long now = System.nanoTime();
    Set<Integer> claimed = new HashSet<>();
    for (int i = 0; i < 60_000; i++) {
      int id = ids.claim(new Object(), now);
      assertThat(claimed.add(id)).as("id %d given twice", id).isTrue();
    }
    Object owner = new Object();
    int id = claimed.iterator().next();
    Object holder = ids.get(id);
    ids.quarantine(id, holder, now + TimeUnit.SECONDS.toNanos(10));
    // Fill the rest: the quarantined ID must not come back before its time.
    for (int i = 0; i < IdSlots.SIZE - 60_000; i++) {
      assertThat(ids.claim(new Object(), now)).isNotEqualTo(id).isNotNegative();
    }
    assertThat(ids.claim(owner, now)).isEqualTo(-1);
    assertThat(ids.claim(owner, now + TimeUnit.SECONDS.toNanos(11))).isEqualTo(id);
  }

  @Test
  void manyConcurrentQueriesEachGetTheirOwnAnswer() throws Exception {
    try (SandboxDnsServer server = SandboxDnsServer.start();
        MuxResolver mux = new MuxResolver(server.address())) {
      int n = 3000;
      for (int i = 0; i < n; i++) {
        server.add("n" + i + ".test", Type.TXT, "\"value " + i + "\"");
      }
      List<CompletableFuture<Message>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(mux.sendAsync(query("n" + i + ".test.", Type.TXT)).toCompletableFuture());
      }
      for (int i = 0; i < n; i++) {
        Message m = futures.get(i).get(5, TimeUnit.SECONDS);
        assertThat(((TXTRecord) m.getSection(Section.ANSWER).get(0)).getStrings()).containsExactly("value " + i);
      }
      assertThat(mux.stats().answered()).isEqualTo(n);
      assertThat(mux.stats().inFlight()).isZero();
    }
  }

  @Test
  void inFlightIsBoundedAndTheRestWaitsInTheQueue() throws Exception {
    try (SandboxDnsServer server = SandboxDnsServer.start();
        MuxResolver mux = new MuxResolver(server.address(), 4, 2)) {
      server.add("slow.test", Type.TXT, "\"slow\"");
      // Long enough that nothing completes before the counters are read, even on a loaded machine.
      server.setFault("slow.test", Fault.delay(Duration.ofMillis(500)));
      List<CompletableFuture<Message>> futures = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        futures.add(mux.sendAsync(query("slow.test.", Type.TXT)).toCompletableFuture());
      }
      assertThat(mux.stats().inFlight()).isEqualTo(2);
      assertThat(mux.stats().queued()).isEqualTo(4);
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(3, TimeUnit.SECONDS);
      assertThat(mux.stats().answered()).isEqualTo(6);
    }
  }

  @Test
  void aQueueOfQueriesToAClosedPortAllFailFast() throws Exception {
    int port;
    try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    try (MuxResolver mux = new MuxResolver(new java.net.InetSocketAddress("127.0.0.1", port), 4, 4)) {
      mux.setTimeout(Duration.ofSeconds(10));
      List<CompletableFuture<Message>> futures = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        futures.add(mux.sendAsync(query("q" + i + ".test.", Type.TXT)).toCompletableFuture());
      }
      for (CompletableFuture<Message> f : futures) {
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(java.net.PortUnreachableException.class);
      }
      assertThat(mux.stats().inFlight()).isZero();
      assertThat(mux.stats().queued()).isZero();
    }
  }

  @Test
  void closeFailsWhatIsPendingAndRefusesNewQueries() throws Exception {
    try (SandboxDnsServer server = SandboxDnsServer.start()) {
      server.setFault("dropped.test", Fault.drop());
      MuxResolver mux = new MuxResolver(server.address());
      CompletableFuture<Message> pending = mux.sendAsync(query("dropped.test.", Type.TXT)).toCompletableFuture();
      mux.close();
      assertThatThrownBy(pending::join).isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(ClosedChannelException.class);
      assertThatThrownBy(() -> mux.sendAsync(query("x.test.", Type.TXT)).toCompletableFuture().join())
          .hasCauseInstanceOf(ClosedChannelException.class);
    }
  }
}
