package org.mtastscensus.fetch;

import java.util.Objects;

/**
 * The observed result of fetching {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}.
 *
 * @param status how the fetch ended
 * @param detail what went wrong, for failures (exception class and message, or a certificate problem); may be empty
 * @param httpStatus the HTTP status code; null when no response head was received
 * @param contentType the Content-Type header as sent; null when absent or no response
 * @param location the Location header of a redirect as sent; null when absent
 * @param body the body bytes read, at most the body cap; null when no body was read
 * @param elapsedMillis time from the start of the connection to the end of the fetch
 * @param tls the TLS facts; null when no handshake was attempted
 */
public record PolicyFetch(
    FetchStatus status,
    String detail,
    Integer httpStatus,
    String contentType,
    String location,
    byte[] body,
    long elapsedMillis,
    TlsFacts tls) {

  public PolicyFetch {
    Objects.requireNonNull(status, "status");
    detail = detail == null ? "" : detail;
  }

  public static PolicyFetch complete(int httpStatus, String contentType, byte[] body, long elapsedMillis) {
    return new PolicyFetch(FetchStatus.COMPLETE, "", httpStatus, contentType, null, body, elapsedMillis, null);
  }

  public static PolicyFetch failed(FetchStatus status, String detail, long elapsedMillis) {
    return new PolicyFetch(status, detail, null, null, null, null, elapsedMillis, null);
  }

  public PolicyFetch withLocation(String newLocation) {
    return new PolicyFetch(status, detail, httpStatus, contentType, newLocation, body, elapsedMillis, tls);
  }

  public PolicyFetch withTls(TlsFacts newTls) {
    return new PolicyFetch(status, detail, httpStatus, contentType, location, body, elapsedMillis, newTls);
  }

  public PolicyFetch withHttp(int newStatus, String newContentType, byte[] newBody) {
    return new PolicyFetch(status, detail, newStatus, newContentType, location, newBody, elapsedMillis, tls);
  }
}
