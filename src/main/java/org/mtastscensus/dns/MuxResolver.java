package org.mtastscensus.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.WireParseException;

/**
 * A UDP transport that multiplexes many queries over a few long-lived sockets to one server, by query ID.
 *
 * <p>dnsjava's stock transport opens a socket per query and tops out near 8k queries/s; this one keeps {@value
 * #DEFAULT_SOCKETS} connected sockets, writes from the caller's thread and receives on one selector thread, which
 * reaches well over 100k queries/s against a local server. Long-lived sockets give up source-port randomisation, so
 * it is meant for a trusted resolver on the same host or LAN only.
 *
 * <p>Completions run on the receiver thread: callbacks must be short and must not block.
 */
public final class MuxResolver implements Resolver, AutoCloseable {
  public static final int DEFAULT_SOCKETS = 4;
  /**
   * More in flight overflows the server's UDP receive buffer, and every drop costs a retry after a timeout.
   * Measured with scripts/bench-dns against knot with the kernel's default 208 KiB buffer, 2 cores, 200k queries,
   * 200 and 400 alternated twice in one session (medians of 3): 200 in flight 111,479 and 100,923 q/s with no
   * answer lost; 400 in flight 90,658 and 84,651 q/s with 0.3-0.6 % lost. The whole engine (scripts/bench-engine,
   * 50k domains, medians of 3, one after the other) did not notice: 7,481 domains/s at 200, 7,582 at 400. A server
   * with a larger buffer (unbound's so-rcvbuf) may take more; not measured here.
   */
  public static final int DEFAULT_MAX_IN_FLIGHT = 200;

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration DEFAULT_QUARANTINE = Duration.ofSeconds(10);

  private static final int MAX_DATAGRAMS_PER_WAKEUP = 256;
  private static final long SWEEP_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final int RECEIVE_BUFFER = 4 << 20;

  private final InetSocketAddress server;
  private final Socket[] sockets;
  private final Selector selector;
  private final Thread receiver;
  private final Semaphore permits;
  private final ConcurrentLinkedQueue<Pending> queued = new ConcurrentLinkedQueue<>();
  /**
   * The queries in flight, for the timeout sweep. Bounded by the permits, so a sweep reads a few hundred slots
   * instead of walking every query completed since the last sweep (which cost 14 % of the CPU at 120k queries/s).
   * Twice the permits keeps the search for a free slot short.
   */
  private final AtomicReferenceArray<Pending> active;
  private final AtomicInteger activeCursor = new AtomicInteger();
  private final AtomicInteger nextSocket = new AtomicInteger();
  private final AtomicInteger inFlightCount = new AtomicInteger();
  private final AtomicInteger queuedCount = new AtomicInteger();
  private final AtomicInteger drainRequests = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  private volatile Duration timeout = DEFAULT_TIMEOUT;
  private volatile long quarantineNanos = DEFAULT_QUARANTINE.toNanos();
  private volatile boolean ignoreTruncation;
  private volatile boolean tcpOnly;
  private volatile OPTRecord edns;
  private volatile SimpleResolver tcpResolver;

  private final LongAdder sent = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder ignoredUnknownId = new LongAdder();
  private final LongAdder ignoredMismatch = new LongAdder();
  private final LongAdder lateAnswers = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder truncated = new LongAdder();
  private final LongAdder networkErrors = new LongAdder();
  // Written by the receiver thread only.
  private volatile long wakeups;
  private volatile long received;

  /** One connected socket and the IDs pending on it. */
  private static final class Socket {
    final DatagramChannel channel;
    final IdSlots ids = new IdSlots();

    Socket(DatagramChannel channel) {
      this.channel = channel;
    }
  }

  /** A query from submission to completion; exactly one party wins {@link #done}. */
  private static final class Pending {
    final Message query;
    final Record question;
    final CompletableFuture<Message> future = new CompletableFuture<>();
    final AtomicBoolean done = new AtomicBoolean();
    Socket socket;
    int id;
    int slot = -1;
    long deadlineNanos;
    volatile String malformedReply;

    Pending(Message query, Record question) {
      this.query = query;
      this.question = question;
    }
  }

  public MuxResolver(InetSocketAddress server) throws IOException {
    this(server, DEFAULT_SOCKETS, DEFAULT_MAX_IN_FLIGHT);
  }

  public MuxResolver(InetSocketAddress server, int socketCount, int maxInFlight) throws IOException {
    this.server = Objects.requireNonNull(server, "server");
    if (socketCount < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("socketCount and maxInFlight must be positive");
    }
    this.permits = new Semaphore(maxInFlight);
    this.active = new AtomicReferenceArray<>(2 * maxInFlight);
    this.selector = Selector.open();
    this.sockets = new Socket[socketCount];
    try {
      StandardProtocolFamily family =
          server.getAddress() instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
      for (int i = 0; i < socketCount; i++) {
        DatagramChannel channel = DatagramChannel.open(family);
        channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
        channel.connect(server);
        channel.configureBlocking(false);
        sockets[i] = new Socket(channel);
        channel.register(selector, SelectionKey.OP_READ, sockets[i]);
      }
    } catch (IOException | RuntimeException e) {
      closeChannels();
      throw e;
    }
    this.receiver = new Thread(this::receiveLoop, "dns-mux-" + describeServer());
    receiver.setDaemon(true);
    receiver.start();
  }

  /** "host:port" of the server, as used in reports. */
  public String describeServer() {
    return server.getAddress().getHostAddress() + ":" + server.getPort();
  }

  public InetSocketAddress server() {
    return server;
  }

  public MuxStats stats() {
    return new MuxStats(
        sent.sum(),
        answered.sum(),
        timeouts.sum(),
        ignoredUnknownId.sum(),
        ignoredMismatch.sum(),
        lateAnswers.sum(),
        malformed.sum(),
        truncated.sum(),
        networkErrors.sum(),
        inFlightCount.get(),
        queuedCount.get(),
        wakeups,
        received);
  }

  /** How long an ID freed by a timeout stays unusable. */
  public void setQuarantine(Duration quarantine) {
    this.quarantineNanos = quarantine.toNanos();
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query) {
    Record question = query.getQuestion();
    if (question == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("query without a question"));
    }
    if (closed.get()) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    OPTRecord opt = edns;
    Message toSend = query;
    if (opt != null && query.getOPT() == null) {
      toSend = query.clone();
      toSend.addRecord(opt, Section.ADDITIONAL);
    }
    if (tcpOnly) {
      return tcp().sendAsync(toSend);
    }
    Pending pending = new Pending(toSend, question);
    if (permits.tryAcquire()) {
      transmit(pending);
    } else {
      // Never block here: callers include the receiver thread itself (CNAME follow-ups in completions).
      queuedCount.incrementAndGet();
      queued.add(pending);
      drainQueue();
    }
    return pending.future;
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor executor) {
    return sendAsync(query).whenCompleteAsync((m, e) -> {}, executor);
  }

  /**
   * Sends queued queries while permits are free. One thread drains at a time: a failed send retires its query,
   * which calls back here, and without this guard a long queue of failing sends would recurse until the stack
   * overflows. A caller that finds a drain running leaves a note, and the running drain loops once more.
   */
  private void drainQueue() {
    if (drainRequests.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      while (!queued.isEmpty() && permits.tryAcquire()) {
        Pending next = queued.poll();
        if (next == null) {
          permits.release();
          break;
        }
        queuedCount.decrementAndGet();
        transmit(next);
      }
      missed = drainRequests.addAndGet(-missed);
    } while (missed != 0);
  }

  /** Sends a query that holds a permit. */
  private void transmit(Pending pending) {
    if (closed.get()) {
      permits.release();
      pending.future.completeExceptionally(new ClosedChannelException());
      return;
    }
    Socket socket = sockets[Math.floorMod(nextSocket.getAndIncrement(), sockets.length)];
    long now = System.nanoTime();
    pending.socket = socket;
    pending.deadlineNanos = now + timeout.toNanos();
    int id = socket.ids.claim(pending, now);
    if (id < 0) {
      permits.release();
      pending.future.completeExceptionally(new IOException("no free query ID on any socket"));
      return;
    }
    pending.id = id;
    // Patching the ID into the wire form avoids cloning the message for every query.
    byte[] wire = pending.query.toWire();
    wire[0] = (byte) (id >>> 8);
    wire[1] = (byte) id;
    inFlightCount.incrementAndGet();
    pending.slot = claimSlot(pending);
    try {
      int written = socket.channel.write(ByteBuffer.wrap(wire));
      if (written == 0) {
        fail(pending, new IOException("UDP send buffer full"), false);
        return;
      }
      sent.increment();
    } catch (PortUnreachableException e) {
      failSocket(socket, e);
    } catch (IOException e) {
      networkErrors.increment();
      fail(pending, e, false);
    }
  }

  /** A free slot of {@link #active}; one exists because the holders are bounded by the permits. */
  private int claimSlot(Pending pending) {
    int size = active.length();
    int start = Math.floorMod(activeCursor.getAndIncrement(), size);
    while (true) {
      for (int i = 0; i < size; i++) {
        int slot = (start + i) % size;
        if (active.get(slot) == null && active.compareAndSet(slot, null, pending)) {
          return slot;
        }
      }
      // Only reachable while a retired query still waits for its slot to be cleared by the sweep.
      Thread.onSpinWait();
    }
  }

  /**
   * Takes {@code pending} out of flight; true for the one caller that wins. The ID is quarantined when the answer
   * may still come. {@code id} comes from the caller because the receiver can match a query before the sending
   * thread has recorded its ID.
   */
  private boolean retire(Pending pending, int id, boolean quarantine) {
    if (!pending.done.compareAndSet(false, true)) {
      return false;
    }
    if (quarantine) {
      pending.socket.ids.quarantine(id, pending, System.nanoTime() + quarantineNanos);
    } else {
      pending.socket.ids.release(id, pending);
    }
    int slot = pending.slot;
    if (slot >= 0) {
      active.compareAndSet(slot, pending, null);
    }
    inFlightCount.decrementAndGet();
    permits.release();
    drainQueue();
    return true;
  }

  private void fail(Pending pending, Throwable error, boolean quarantine) {
    if (retire(pending, pending.id, quarantine)) {
      pending.future.completeExceptionally(error);
    }
  }

  /** A socket error (ICMP port unreachable) cannot be tied to one query: every query on that socket fails. */
  private void failSocket(Socket socket, IOException error) {
    for (int slot = 0; slot < active.length(); slot++) {
      Pending pending = active.get(slot);
      if (pending != null && pending.socket == socket && !pending.done.get()) {
        networkErrors.increment();
        fail(pending, error, true);
      }
    }
  }

  private void receiveLoop() {
    // Direct: a heap buffer would make NIO copy every datagram through a temporary direct buffer first.
    ByteBuffer buffer = ByteBuffer.allocateDirect(65535);
    long nextSweep = System.nanoTime() + SWEEP_INTERVAL_NANOS;
    while (!closed.get()) {
      try {
        if (selector.select(SWEEP_INTERVAL_NANOS / 1_000_000) > 0) {
          wakeups++;
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (key.isValid() && key.isReadable()) {
            readBatch((Socket) key.attachment(), buffer);
          }
        }
        long now = System.nanoTime();
        if (now - nextSweep >= 0) {
          sweep(now);
          nextSweep = now + SWEEP_INTERVAL_NANOS;
        }
      } catch (IOException | RuntimeException e) {
        if (closed.get()) {
          return;
        }
        // A receiver that dies silently would turn every later query into a timeout; keep going.
      }
    }
  }

  private void readBatch(Socket socket, ByteBuffer buffer) {
    for (int i = 0; i < MAX_DATAGRAMS_PER_WAKEUP; i++) {
      buffer.clear();
      int length;
      try {
        length = socket.channel.read(buffer);
      } catch (PortUnreachableException e) {
        failSocket(socket, e);
        return;
      } catch (IOException e) {
        if (!closed.get()) {
          failSocket(socket, e);
        }
        return;
      }
      if (length <= 0) {
        return;
      }
      received++;
      byte[] datagram = new byte[length];
      buffer.flip().get(datagram);
      onDatagram(socket, datagram);
    }
  }

  private void onDatagram(Socket socket, byte[] data) {
    if (data.length < 12) {
      ignoredMismatch.increment();
      return;
    }
    int id = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
    boolean isResponse = (data[2] & 0x80) != 0;
    // IDs are per socket: the same ID may be pending on two sockets for two different questions.
    Object owner = socket.ids.get(id);
    handle(owner instanceof Pending p ? p : null, id, owner, data, isResponse);
  }

  private void handle(Pending pending, int id, Object owner, byte[] data, boolean isResponse) {
    if (pending == null) {
      if (owner instanceof IdSlots.Quarantine) {
        lateAnswers.increment();
      } else {
        ignoredUnknownId.increment();
      }
      return;
    }
    if (!isResponse) {
      ignoredMismatch.increment();
      return;
    }
    Message response;
    try {
      response = new Message(data);
    } catch (IOException e) {
      // Not accepted (it may be forged, the real answer may follow) but remembered for the timeout report.
      malformed.increment();
      pending.malformedReply = e.getMessage();
      return;
    }
    Record question = response.getQuestion();
    if (question == null
        || question.getType() != pending.question.getType()
        || question.getDClass() != pending.question.getDClass()
        || !question.getName().equals(pending.question.getName())) {
      ignoredMismatch.increment();
      return;
    }
    if (!retire(pending, id, false)) {
      return;
    }
    if (response.getHeader().getFlag(Flags.TC) && !ignoreTruncation) {
      truncated.increment();
      retryOverTcp(pending);
      return;
    }
    answered.increment();
    pending.future.complete(response);
  }

  private void retryOverTcp(Pending pending) {
    tcp().sendAsync(pending.query)
        .whenComplete(
            (message, error) -> {
              if (error != null) {
                pending.future.completeExceptionally(
                    new TruncatedAnswerException("TCP retry after a truncated UDP answer failed", error));
              } else {
                answered.increment();
                pending.future.complete(message);
              }
            });
  }

  private SimpleResolver tcp() {
    SimpleResolver resolver = tcpResolver;
    if (resolver == null) {
      synchronized (this) {
        resolver = tcpResolver;
        if (resolver == null) {
          resolver = new SimpleResolver(server);
          resolver.setTCP(true);
          resolver.setTimeout(timeout);
          tcpResolver = resolver;
        }
      }
    }
    return resolver;
  }

  private void sweep(long now) {
    for (int slot = 0; slot < active.length(); slot++) {
      Pending pending = active.get(slot);
      if (pending == null) {
        continue;
      }
      if (pending.done.get()) {
        // Retired before its slot was recorded (a reply raced the sending thread): clear it here.
        active.compareAndSet(slot, pending, null);
      } else if (now - pending.deadlineNanos >= 0) {
        String bad = pending.malformedReply;
        IOException error =
            bad != null
                ? new WireParseException("only a malformed reply arrived: " + bad)
                : new SocketTimeoutException("no answer from " + describeServer() + " within " + timeout.toMillis() + " ms");
        if (retire(pending, pending.id, true)) {
          if (bad != null) {
            malformed.increment();
          } else {
            timeouts.increment();
          }
          pending.future.completeExceptionally(error);
        }
      }
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    selector.wakeup();
    try {
      receiver.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeChannels();
    List<Pending> left = new ArrayList<>();
    for (int slot = 0; slot < active.length(); slot++) {
      Pending pending = active.get(slot);
      if (pending != null) {
        left.add(pending);
      }
    }
    Pending p;
    while ((p = queued.poll()) != null) {
      left.add(p);
    }
    for (Pending pending : left) {
      if (pending.done.compareAndSet(false, true)) {
        pending.future.completeExceptionally(new ClosedChannelException());
      }
    }
  }

  private void closeChannels() {
    for (Socket socket : sockets) {
      if (socket != null) {
        try {
          socket.channel.close();
        } catch (IOException ignored) {
          // Closing: nothing left to do with this socket.
        }
      }
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // Closing: nothing left to do with the selector.
    }
  }

  @Override
  public void setPort(int port) {
    throw new UnsupportedOperationException("the server address is fixed at construction");
  }

  /** With true, every query goes over TCP (dnsjava's TCP client); the multiplexed UDP path is skipped. */
  @Override
  public void setTCP(boolean flag) {
    this.tcpOnly = flag;
  }

  @Override
  public void setIgnoreTruncation(boolean flag) {
    this.ignoreTruncation = flag;
  }

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
    this.edns = version < 0 ? null : new OPTRecord(payloadSize, 0, version, flags, options);
  }

  @Override
  public void setTSIGKey(TSIG key) {
    throw new UnsupportedOperationException("TSIG is not supported by the multiplexed transport");
  }

  @Override
  public void setTimeout(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    SimpleResolver resolver = tcpResolver;
    if (resolver != null) {
      resolver.setTimeout(timeout);
    }
  }

  @Override
  public Duration getTimeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "MuxResolver[" + describeServer() + "]";
  }
}
