package org.mtastscensus.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The HTTPS side of the sandbox world: one TLS port on 127.0.0.1 that plays any number of policy hosts, each chosen
 * by the SNI name and registered with a certificate and a {@link Behaviour}, plus a plain-HTTP port that answers a
 * TLS ClientHello with HTTP, as a misconfigured host does.
 *
 * <p>TLS is layered over accepted plain sockets (rather than an SSLServerSocket) because the reset behaviour must
 * drop the TCP connection without the close_notify an SSLSocket sends on close.
 */
public final class SandboxHttpsServer implements AutoCloseable {
  private static final int MAX_HEAD = 16 * 1024;
  private static final int IO_TIMEOUT_MILLIS = 30_000;
  private static final int MAX_THREADS = 32;
  private static final int MAX_QUEUED = 256;
  /** Where the plain-HTTP listener binds; 127.0.0.3 is left unbound so that connections there are refused. */
  public static final byte[] PLAIN_HTTP_ADDRESS = {127, 0, 0, 2};

  private final SniKeyManager keyManager;
  private final SSLContext sslContext;
  private final ServerSocket tlsListener;
  private final ServerSocket plainListener;
  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor workers;
  private volatile boolean closed;

  private SandboxHttpsServer(TestCa.Issued fallback) throws IOException {
    keyManager = new SniKeyManager(fallback);
    try {
      sslContext = SSLContext.getInstance("TLS");
      sslContext.init(new KeyManager[] {keyManager}, null, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    ServerSocket[] listeners = bindPair();
    tlsListener = listeners[0];
    plainListener = listeners[1];
    AtomicInteger counter = new AtomicInteger();
    // Connections beyond the threads wait in a bounded queue, as in a listen backlog, rather than being dropped:
    // a client must see a slow host there, not a failed handshake that the host never caused.
    workers = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 10, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(MAX_QUEUED), task -> {
          Thread thread = new Thread(task, "sandbox-https-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    workers.allowCoreThreadTimeOut(true);
    daemon("sandbox-https-accept", () -> acceptLoop(tlsListener, this::serveTls)).start();
    daemon("sandbox-plain-accept", () -> acceptLoop(plainListener, this::servePlain)).start();
  }

  /**
   * The TLS listener on 127.0.0.1 and the plain one on 127.0.0.2 share a port number, because a scan uses one
   * HTTPS port for every policy host: a host resolving to 127.0.0.2 then speaks plain HTTP on "the TLS port", and
   * one resolving to 127.0.0.3 refuses connections on it.
   */
  private static ServerSocket[] bindPair() throws IOException {
    InetAddress tlsAddress = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    InetAddress plainAddress = InetAddress.getByAddress(PLAIN_HTTP_ADDRESS);
    IOException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      ServerSocket tls = new ServerSocket(0, 50, tlsAddress);
      try {
        return new ServerSocket[] {tls, new ServerSocket(tls.getLocalPort(), 50, plainAddress)};
      } catch (IOException e) {
        tls.close();
        last = e;
      }
    }
    throw new IOException("no port free on both 127.0.0.1 and 127.0.0.2", last);
  }

  /** Starts listening; clients without SNI or with an unregistered name are shown {@code fallback}. */
  public static SandboxHttpsServer start(TestCa.Issued fallback) {
    try {
      return new SandboxHttpsServer(fallback);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers (or replaces) a policy host: the certificate it presents for its SNI name and what it answers. */
  public SandboxHttpsServer host(String name, TestCa.Issued certificate, Behaviour behaviour) {
    String key = name.toLowerCase(Locale.ROOT);
    keyManager.put(key, certificate);
    behaviours.put(key, behaviour);
    return this;
  }

  /** Registers a policy host that aborts every handshake with an alert, as a front end without its certificate does. */
  public SandboxHttpsServer hostRefusingHandshake(String name) {
    keyManager.refuse(name);
    behaviours.remove(name.toLowerCase(Locale.ROOT));
    return this;
  }

  public InetAddress address() {
    return tlsListener.getInetAddress();
  }

  public int port() {
    return tlsListener.getLocalPort();
  }

  /** A port that speaks plain HTTP/1.1 to whatever arrives, TLS ClientHellos included. */
  public int plainHttpPort() {
    return plainListener.getLocalPort();
  }

  /** The address of the plain-HTTP listener; its port is {@link #port()}. */
  public InetAddress plainHttpAddress() {
    return plainListener.getInetAddress();
  }

  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(tlsListener);
    closeQuietly(plainListener);
    open.forEach(SandboxHttpsServer::closeQuietly);
    workers.shutdownNow();
  }

  private interface Handler {
    void handle(Socket socket) throws IOException, InterruptedException;
  }

  private void acceptLoop(ServerSocket listener, Handler handler) {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(socket);
      try {
        workers.execute(() -> {
          try {
            socket.setSoTimeout(IO_TIMEOUT_MILLIS);
            // Head and body go out as separate TLS records; Nagle plus delayed ACKs would add ~40 ms to each.
            socket.setTcpNoDelay(true);
            handler.handle(socket);
          } catch (IOException | RuntimeException e) {
            // A client that aborts mid-body or fails the handshake is the normal case here, not an error.
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            open.remove(socket);
            closeQuietly(socket);
          }
        });
      } catch (RejectedExecutionException e) {
        open.remove(socket);
        closeQuietly(socket); // over the queue bound: refuse like a saturated server
      }
    }
  }

  private void serveTls(Socket raw) throws IOException, InterruptedException {
    SSLSocket tls = (SSLSocket) sslContext.getSocketFactory().createSocket(raw, null, false);
    tls.setUseClientMode(false);
    tls.startHandshake();
    String sni = SniKeyManager.requestedHost(tls.getSession());
    RecordedRequest request = readHead(tls.getInputStream(), sni);
    requests.add(request);
    Behaviour behaviour = behaviours.getOrDefault(sni,
        Behaviour.serve(421, "text/plain", "no sandbox host named '" + sni + "'\n"));
    behaviour.respond(new Behaviour.Exchange(request, tls.getInputStream(), tls.getOutputStream(), raw));
    if (!raw.isClosed()) {
      tls.close();
    }
  }

  private void servePlain(Socket socket) throws IOException {
    // Read what the client sent first (a ClientHello), then answer as a plain HTTP server answers garbage.
    socket.getInputStream().read(new byte[MAX_HEAD]);
    byte[] body = "<html><body>400 Bad Request: plain HTTP on this port</body></html>"
        .getBytes(StandardCharsets.US_ASCII);
    String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().write(body);
    socket.getOutputStream().flush();
    // Let the client read the answer and hang up first: closing with its bytes unread would send a TCP reset that
    // can destroy the answer in flight, and the client would see a reset instead of "not TLS".
    socket.shutdownOutput();
    socket.setSoTimeout(5_000);
    try {
      byte[] sink = new byte[4096];
      while (socket.getInputStream().read(sink) >= 0) {
        // drain until the client closes
      }
    } catch (java.net.SocketTimeoutException e) {
      // a client that never closes: give up, the answer was sent long ago
    }
  }

  private static RecordedRequest readHead(InputStream in, String sni) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new SocketException("client closed before the end of the request head");
      }
      if (head.size() >= MAX_HEAD) {
        throw new SocketException("request head over " + MAX_HEAD + " bytes");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
    }
    return new RecordedRequest(sni, lines[0], headers);
  }

  private static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Closing is best effort; the sandbox is going away.
    }
  }
}
