package org.mtastscensus.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a sandbox policy host does once the TLS handshake is done and the request head has been read: one factory per
 * way a real policy host answers, or fails to.
 */
@FunctionalInterface
public interface Behaviour {
  /** Sends whatever this host sends; the server closes the connection afterwards unless the socket is closed. */
  void respond(Exchange exchange) throws IOException, InterruptedException;

  /**
   * One connection after the request head was read.
   *
   * @param in the TLS input, for behaviours that wait for the client to give up
   * @param out the TLS output
   * @param raw the TCP socket under TLS, for behaviours that break the connection below TLS
   */
  record Exchange(RecordedRequest request, InputStream in, OutputStream out, Socket raw) {}

  /** Bounds an endless body, so that a client that never aborts cannot keep a sandbox thread busy forever. */
  long ENDLESS_LIMIT = 256L * 1024 * 1024;

  static Behaviour serve(int status, String contentType, String body) {
    return serve(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static Behaviour serve(int status, String contentType, byte[] body, Map<String, String> extraHeaders) {
    return exchange -> {
      Map<String, String> headers = new LinkedHashMap<>();
      if (contentType != null) {
        headers.put("Content-Type", contentType);
      }
      headers.putAll(extraHeaders);
      headers.put("Content-Length", Integer.toString(body.length));
      writeHead(exchange.out(), status, headers);
      exchange.out().write(body);
      exchange.out().flush();
    };
  }

  static Behaviour redirect(int status, String location) {
    return serve(status, "text/html", "<html><body>moved</body></html>".getBytes(StandardCharsets.US_ASCII),
        Map.of("Location", location));
  }

  /** Waits before the head, then sends the body in {@code chunks} pieces with {@code betweenChunks} between them. */
  static Behaviour slow(Duration beforeHead, Duration betweenChunks, int chunks, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return exchange -> {
      Thread.sleep(beforeHead.toMillis());
      writeHead(exchange.out(), 200, Map.of("Content-Type", contentType, "Content-Length",
          Integer.toString(bytes.length)));
      int pieces = Math.max(1, chunks);
      for (int i = 0; i < pieces; i++) {
        int from = bytes.length * i / pieces;
        int to = bytes.length * (i + 1) / pieces;
        exchange.out().write(bytes, from, to - from);
        exchange.out().flush();
        if (i + 1 < pieces) {
          Thread.sleep(betweenChunks.toMillis());
        }
      }
    };
  }

  /** Reads the request and never answers; returns when the client goes away or the server closes. */
  static Behaviour stalled() {
    return exchange -> {
      byte[] sink = new byte[512];
      while (exchange.in().read(sink) >= 0) {
        // Keep draining: a client that gives up closes, which ends the read.
      }
    };
  }

  /** A 200 text/plain response without Content-Length whose body never ends. */
  static Behaviour endless() {
    return exchange -> {
      writeHead(exchange.out(), 200, Map.of("Content-Type", "text/plain"));
      byte[] block = repeated(8192);
      for (long sent = 0; sent < ENDLESS_LIMIT; sent += block.length) {
        exchange.out().write(block);
      }
    };
  }

  /** A 200 text/plain response with a correct Content-Length of {@code size} bytes. */
  static Behaviour large(int size) {
    return serve(200, "text/plain", repeated(size), Map.of());
  }

  /** Promises {@code promised} bytes, sends {@code sent}, then closes cleanly (TLS close_notify, then FIN). */
  static Behaviour truncated(int promised, int sent) {
    return exchange -> {
      writeHead(exchange.out(), 200, Map.of("Content-Type", "text/plain", "Content-Length",
          Integer.toString(promised)));
      exchange.out().write(repeated(sent));
      exchange.out().flush();
    };
  }

  /** Drops the connection with a TCP RST (SO_LINGER 0) right after the request, without a TLS close_notify. */
  static Behaviour reset() {
    return exchange -> {
      exchange.raw().setSoLinger(true, 0);
      exchange.raw().close();
    };
  }

  private static void writeHead(OutputStream out, int status, Map<String, String> headers) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
        .append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Connection: close\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 404 -> "Not Found";
      case 421 -> "Misdirected Request";
      case 500 -> "Internal Server Error";
      default -> "Status";
    };
  }

  /** Policy-like filler: lines of text, so a body prefix still looks like what a policy host would send. */
  private static byte[] repeated(int size) {
    byte[] line = "mx: filler.example.net\n".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = line[i % line.length];
    }
    return bytes;
  }
}
