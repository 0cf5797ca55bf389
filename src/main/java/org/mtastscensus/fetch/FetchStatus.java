package org.mtastscensus.fetch;

/**
 * How the HTTPS fetch of the policy ended, classified once at the edge of the fetch layer. Only {@link #COMPLETE}
 * carries an HTTP status and a complete body; every other value says why there is none.
 */
public enum FetchStatus {
  COMPLETE("a complete HTTP response (any status) of at most the body cap was read over a valid TLS connection"),
  BLOCKED("every address of the policy host is refused by the scanner (special-purpose range or opt-out)"),
  CONNECT_FAILED("TCP connection refused, unreachable or timed out"),
  TLS_HANDSHAKE_FAILED("TLS failed for a reason other than certificate validation"),
  CERT_EXPIRED("the server certificate has expired"),
  CERT_NOT_YET_VALID("the server certificate is not yet valid"),
  CERT_NAME_MISMATCH("no certificate name matches the policy host"),
  CERT_UNTRUSTED("self-signed, unknown CA or incomplete chain (the detail says which)"),
  TIMEOUT("no complete response within the fetch budget"),
  TRUNCATED("the connection closed before the promised body was complete"),
  TOO_LARGE("the body exceeded the cap; only the first bytes were kept"),
  INTERNAL_ERROR("the scanner failed; the detail names the exception");

  private final String meaning;

  FetchStatus(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
