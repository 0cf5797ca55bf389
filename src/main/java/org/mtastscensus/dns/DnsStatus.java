package org.mtastscensus.dns;

/**
 * Outcome of one DNS query, classified once at the edge of the DNS layer. Absent (NXDOMAIN, NODATA) is kept apart
 * from broken (everything else but NOERROR), because "no record" and "could not look" mean different things to
 * an adoption study.
 */
public enum DnsStatus {
  NOERROR(false, false, "answer with at least one record of the asked type"),
  NODATA(false, false, "the name exists but has no record of the asked type"),
  NXDOMAIN(false, false, "the name does not exist"),
  SERVFAIL(true, true, "the server failed to answer (RCODE 2)"),
  REFUSED(true, false, "the server refused the query (RCODE 5)"),
  TIMEOUT(true, true, "no answer within the query timeout, after retries"),
  TRUNCATED(true, true, "the answer was truncated and the TCP retry did not complete"),
  MALFORMED(true, false, "the answer could not be parsed or did not match the question"),
  CNAME_LOOP(true, false, "the CNAME chain loops or is longer than the limit"),
  NETWORK_ERROR(true, true, "the resolver could not be reached (port unreachable, network down)"),
  OTHER_RCODE(true, false, "another response code (NOTIMP, FORMERR, ...)");

  private final boolean failure;
  private final boolean retryable;
  private final String meaning;

  DnsStatus(boolean failure, boolean retryable, String meaning) {
    this.failure = failure;
    this.retryable = retryable;
    this.meaning = meaning;
  }

  /** True when the query did not produce a trustworthy answer (neither data nor a definitive absence). */
  public boolean failed() {
    return failure;
  }

  /** True when sending the same query again may succeed. */
  public boolean retryable() {
    return retryable;
  }

  public String meaning() {
    return meaning;
  }
}
