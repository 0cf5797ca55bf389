package org.mtastscensus.fetch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;

/**
 * Streams one response into a {@link PolicyFetch}: keeps at most {@code cap} body bytes and aborts the exchange
 * at the first byte beyond it, so a huge or endless body costs no more than the cap.
 */
final class ResponseCollector implements Response.Listener {
  private final int cap;
  private final long startNanos;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final CompletableFuture<PolicyFetch> result = new CompletableFuture<>();
  private volatile Integer httpStatus;
  private volatile String contentType;
  private volatile String location;
  private volatile long contentLength = -1;
  private volatile TlsFacts tls;
  private volatile boolean tooLarge;

  ResponseCollector(int cap, long startNanos) {
    this.cap = cap;
    this.startNanos = startNanos;
  }

  CompletableFuture<PolicyFetch> result() {
    return result;
  }

  @Override
  public void onBegin(Response response) {
    httpStatus = response.getStatus();
    tls = tlsFacts(response.getRequest().getConnection());
  }

  @Override
  public void onHeaders(Response response) {
    contentType = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
    location = response.getHeaders().get(HttpHeader.LOCATION);
    try {
      contentLength = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    } catch (NumberFormatException e) {
      contentLength = -1; // Jetty rejects the response itself; the detail must not fail on the way.
    }
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    synchronized (body) {
      int room = cap - body.size();
      int length = content.remaining();
      byte[] bytes = new byte[Math.min(room, length)];
      content.get(bytes);
      body.write(bytes, 0, bytes.length);
      if (length > room && !tooLarge) {
        tooLarge = true;
        response.abort(new BodyTooLargeException(cap));
      }
    }
  }

  @Override
  public void onComplete(Result outcome) {
    if (!outcome.isFailed() && !tooLarge) {
      result.complete(new PolicyFetch(FetchStatus.COMPLETE, "", httpStatus, contentType, location, bodyBytes(),
          elapsedMillis(), tls));
      return;
    }
    FetchFailure failure = tooLarge
        ? FailureClassifier.classify(new BodyTooLargeException(cap))
        : FailureClassifier.classify(outcome.getFailure());
    if (tls == null && failure.tls() == null) {
      // A host that stalls or drops the connection after the handshake still showed its certificate.
      tls = tlsFacts(outcome.getRequest().getConnection());
    }
    TlsFacts seen = tls != null ? tls : failure.tls();
    boolean handshakeDone = seen != null && seen.protocol() != null && !seen.protocol().equals("NONE");
    if (failure.status() == FetchStatus.TRUNCATED && !handshakeDone && httpStatus == null) {
      // The connection ended before any TLS session existed: a handshake failure (e.g. a plain-HTTP server that
      // answered the ClientHello and closed before the TLS engine reported the garbage), not a short response.
      failure = FetchFailure.of(FetchStatus.TLS_HANDSHAKE_FAILED,
          "connection closed during the TLS handshake (" + failure.detail() + ")");
    }
    complete(failure);
  }

  /** Completes with {@code failure} unless the fetch already ended; keeps whatever the response had shown. */
  void complete(FetchFailure failure) {
    TlsFacts facts = tls != null ? tls : failure.tls();
    byte[] bytes = httpStatus == null ? null : bodyBytes();
    String detail = failure.status() == FetchStatus.TRUNCATED ? truncation(failure, bytes) : failure.detail();
    result.complete(new PolicyFetch(failure.status(), detail, httpStatus, contentType, location, bytes,
        elapsedMillis(), facts));
  }

  /** How much was missing is the useful part of a truncation; the exception only says that it happened. */
  private String truncation(FetchFailure failure, byte[] bytes) {
    if (httpStatus == null) {
      return failure.detail() + ": no response head after the request was sent";
    }
    String promised = contentLength >= 0 ? " of " + contentLength + " promised by Content-Length" : "";
    return failure.detail() + ": " + bytes.length + " body bytes" + promised;
  }

  private byte[] bodyBytes() {
    synchronized (body) {
      return body.toByteArray();
    }
  }

  private long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Session data exists only after a completed handshake, name check included, on this connection. */
  private static TlsFacts tlsFacts(Connection connection) {
    EndPoint.SslSessionData data;
    try {
      data = connection == null ? null : connection.getSslSessionData();
    } catch (RuntimeException e) {
      return null; // evidence only: a connection torn down mid-way may no longer answer
    }
    if (data == null || data.sslSession() == null) {
      return null;
    }
    var peer = data.peerCertificates();
    return TlsFactsReader.of(data.sslSession().getProtocol(), peer == null || peer.length == 0 ? null : peer[0],
        true);
  }
}
