package org.mtastscensus.sandbox;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * The authoritative DNS server of the sandbox world: UDP and TCP on 127.0.0.1, an ephemeral port shared by both,
 * an in-memory zone, and per-name faults. Never listens on another interface.
 */
public final class SandboxDnsServer implements AutoCloseable {
  private static final int UDP_LIMIT_WITHOUT_EDNS = 512;
  private static final int EDNS_PAYLOAD = 1232;
  private static final int BIND_TRIES = 20;

  private final SandboxZone zone = new SandboxZone();
  private final Map<Name, Fault> faults = new ConcurrentHashMap<>();
  private final DatagramChannel udp;
  private final ServerSocket tcp;
  private final List<Thread> threads = new ArrayList<>();
  private final java.util.Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final ExecutorService tcpConnections;
  private final ScheduledExecutorService delayed;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final LongAdder udpQueries = new LongAdder();
  private final LongAdder tcpQueries = new LongAdder();

  private SandboxDnsServer(DatagramChannel udp, ServerSocket tcp, int udpThreads) {
    this.udp = udp;
    this.tcp = tcp;
    this.tcpConnections = Executors.newCachedThreadPool(daemon("sandbox-dns-tcp"));
    this.delayed = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-dns-delay"));
    for (int i = 0; i < udpThreads; i++) {
      threads.add(startDaemon("sandbox-dns-udp-" + i, this::udpLoop));
    }
    threads.add(startDaemon("sandbox-dns-accept", this::acceptLoop));
  }

  /** Starts a server with two UDP receive threads. */
  public static SandboxDnsServer start() throws IOException {
    return start(2);
  }

  /** Starts a server; several UDP threads let parsing and answering run in parallel for benchmarks. */
  public static SandboxDnsServer start(int udpThreads) throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    IOException last = null;
    // UDP takes an ephemeral port first; TCP must get the same one, which another process may hold.
    for (int i = 0; i < BIND_TRIES; i++) {
      DatagramChannel udp = DatagramChannel.open();
      try {
        udp.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        udp.bind(new InetSocketAddress(loopback, 0));
        int port = ((InetSocketAddress) udp.getLocalAddress()).getPort();
        ServerSocket tcp = new ServerSocket();
        try {
          tcp.bind(new InetSocketAddress(loopback, port), 128);
        } catch (IOException e) {
          tcp.close();
          throw e;
        }
        return new SandboxDnsServer(udp, tcp, Math.max(1, udpThreads));
      } catch (IOException e) {
        udp.close();
        last = e;
      }
    }
    throw last;
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(tcp.getInetAddress(), tcp.getLocalPort());
  }

  public int port() {
    return tcp.getLocalPort();
  }

  public void addRecord(Record record) {
    zone.add(record);
  }

  /** Adds a record from presentation form, e.g. {@code add("_mta-sts.example.test", Type.TXT, "\"v=STSv1; id=1\"")}. */
  public void add(String owner, int type, String rdata) {
    try {
      zone.add(Record.fromString(name(owner), type, DClass.IN, 300, rdata, Name.root));
    } catch (IOException e) {
      throw new IllegalArgumentException("bad record " + owner + " " + rdata, e);
    }
  }

  /** Makes every query for {@code owner} (any type) misbehave; null clears it. */
  public void setFault(String owner, Fault fault) {
    if (fault == null) {
      faults.remove(name(owner));
    } else {
      faults.put(name(owner), fault);
    }
  }

  public long udpQueries() {
    return udpQueries.sum();
  }

  public long tcpQueries() {
    return tcpQueries.sum();
  }

  private static Name name(String owner) {
    String lower = owner.toLowerCase(Locale.ROOT);
    try {
      return Name.fromString(lower.endsWith(".") ? lower : lower + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("bad name " + owner, e);
    }
  }

  private void udpLoop() {
    ByteBuffer buffer = ByteBuffer.allocate(65535);
    while (!closed.get()) {
      try {
        buffer.clear();
        SocketAddress client = udp.receive(buffer);
        if (client == null) {
          continue;
        }
        udpQueries.increment();
        byte[] query = new byte[buffer.position()];
        buffer.flip().get(query);
        respond(query, false, reply -> sendUdp(reply, client));
      } catch (IOException | RuntimeException e) {
        if (closed.get()) {
          return;
        }
        // One bad datagram must not stop the server.
      }
    }
  }

  private void sendUdp(byte[] reply, SocketAddress client) {
    try {
      udp.send(ByteBuffer.wrap(reply), client);
    } catch (IOException e) {
      // The client went away; UDP has nobody to tell.
    }
  }

  private void acceptLoop() {
    while (!closed.get()) {
      try {
        Socket connection = tcp.accept();
        tcpConnections.execute(() -> serveTcp(connection));
      } catch (IOException | RuntimeException e) {
        if (closed.get()) {
          return;
        }
      }
    }
  }

  private void serveTcp(Socket connection) {
    connections.add(connection);
    try (connection;
        DataInputStream in = new DataInputStream(connection.getInputStream());
        DataOutputStream out = new DataOutputStream(connection.getOutputStream())) {
      while (!closed.get()) {
        int length;
        try {
          length = in.readUnsignedShort();
        } catch (EOFException e) {
          return;
        }
        byte[] query = new byte[length];
        in.readFully(query);
        tcpQueries.increment();
        respond(query, true, reply -> writeTcp(out, reply));
      }
    } catch (IOException e) {
      // Connection reset by the client: nothing to answer any more.
    } finally {
      connections.remove(connection);
    }
  }

  private static void writeTcp(DataOutputStream out, byte[] reply) {
    synchronized (out) {
      try {
        out.writeShort(reply.length);
        out.write(reply);
        out.flush();
      } catch (IOException e) {
        // The client closed the connection before the (possibly delayed) reply.
      }
    }
  }

  private void respond(byte[] wire, boolean overTcp, Consumer<byte[]> send) {
    Message query;
    try {
      query = new Message(wire);
    } catch (IOException e) {
      return;
    }
    Record question = query.getQuestion();
    if (question == null || query.getHeader().getFlag(Flags.QR)) {
      return;
    }
    Fault fault = faults.get(question.getName());
    Fault.Kind kind = fault == null ? null : fault.kind();
    if (kind == Fault.Kind.DROP) {
      return;
    }
    if (kind == Fault.Kind.GARBAGE) {
      send.accept(garbage(query.getHeader().getID()));
      return;
    }
    Message response;
    if (kind == Fault.Kind.SERVFAIL) {
      response = SandboxZone.responseTo(query, Rcode.SERVFAIL);
    } else if (kind == Fault.Kind.REFUSED) {
      response = SandboxZone.responseTo(query, Rcode.REFUSED);
    } else {
      response = zone.answer(query);
    }
    OPTRecord opt = query.getOPT();
    if (opt != null) {
      response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
    }
    byte[] reply = response.toWire();
    if (!overTcp) {
      int limit = opt == null ? UDP_LIMIT_WITHOUT_EDNS : Math.max(UDP_LIMIT_WITHOUT_EDNS, opt.getPayloadSize());
      if (reply.length > limit || kind == Fault.Kind.TRUNCATE_UDP) {
        Message cut = SandboxZone.responseTo(query, response.getRcode());
        cut.getHeader().setFlag(Flags.TC);
        reply = cut.toWire();
      }
    }
    if (kind == Fault.Kind.DELAY) {
      byte[] delayedReply = reply;
      delayed.schedule(() -> send.accept(delayedReply), fault.delay().toMillis(), TimeUnit.MILLISECONDS);
    } else {
      send.accept(reply);
    }
  }

  /** A header that promises one answer record followed by three bytes of nothing. */
  private static byte[] garbage(int id) {
    return new byte[] {
      (byte) (id >>> 8), (byte) id, (byte) 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0, (byte) 0xC0, 0x0C, 0x7F
    };
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      udp.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    try {
      tcp.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    for (Socket connection : connections) {
      try {
        // Blocking reads ignore interrupts; closing the socket is what ends them.
        connection.close();
      } catch (IOException ignored) {
        // Closing anyway.
      }
    }
    tcpConnections.shutdownNow();
    delayed.shutdownNow();
    for (Thread t : threads) {
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Thread startDaemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
