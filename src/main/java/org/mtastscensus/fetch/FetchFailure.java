package org.mtastscensus.fetch;

/**
 * A failure already classified: the status, a detail for the finding, and TLS facts when the handshake got as far
 * as a certificate.
 */
public record FetchFailure(FetchStatus status, String detail, TlsFacts tls) {
  public static FetchFailure of(FetchStatus status, String detail) {
    return new FetchFailure(status, detail, null);
  }
}
