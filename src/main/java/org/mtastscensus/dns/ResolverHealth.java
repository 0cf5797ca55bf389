package org.mtastscensus.dns;

import java.util.Optional;

/**
 * Notices a resolver that has stopped answering, so that a run stops loudly instead of recording millions of
 * TIMEOUTs as if they were facts about the scanned domains.
 *
 * <p>Keeps the outcomes of the last {@code window} queries sent to one resolver. The resolver is declared dead
 * when, over at least {@code minQueries} of them, none got an answer (any response code counts as an answer) and
 * at least {@code deadShare} of them timed out or failed at the network level. The first such report is kept.
 */
public final class ResolverHealth {
  public static final int DEFAULT_WINDOW = 1000;
  public static final int DEFAULT_MIN_QUERIES = 200;
  public static final double DEFAULT_DEAD_SHARE = 0.9;

  private static final byte ANSWERED = 1;
  private static final byte SILENT = 2;
  private static final byte OTHER = 3;

  private final String resolver;
  private final int minQueries;
  private final double deadShare;
  private final byte[] ring;
  private int next;
  private int size;
  private int answered;
  private int silent;
  private volatile String failure;

  public ResolverHealth(String resolver) {
    this(resolver, DEFAULT_WINDOW, DEFAULT_MIN_QUERIES, DEFAULT_DEAD_SHARE);
  }

  public ResolverHealth(String resolver, int window, int minQueries, double deadShare) {
    if (window < minQueries || minQueries < 1) {
      throw new IllegalArgumentException("need 1 <= minQueries <= window");
    }
    this.resolver = resolver;
    this.ring = new byte[window];
    this.minQueries = minQueries;
    this.deadShare = deadShare;
  }

  /** Records the outcome of one attempt sent to this resolver. */
  public void record(DnsStatus status) {
    byte kind = kind(status);
    synchronized (this) {
      if (size == ring.length) {
        byte old = ring[next];
        if (old == ANSWERED) {
          answered--;
        } else if (old == SILENT) {
          silent--;
        }
      } else {
        size++;
      }
      ring[next] = kind;
      next = (next + 1) % ring.length;
      if (kind == ANSWERED) {
        answered++;
      } else if (kind == SILENT) {
        silent++;
      }
      if (failure == null && size >= minQueries && answered == 0 && silent >= deadShare * size) {
        failure =
            "resolver " + resolver + " is not answering: " + silent + " of the last " + size
                + " queries timed out or failed at the network, none was answered";
      }
    }
  }

  /** The reason to stop the run, once the resolver has been seen dead. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public String resolver() {
    return resolver;
  }

  private static byte kind(DnsStatus status) {
    switch (status) {
      case TIMEOUT:
      case NETWORK_ERROR:
        return SILENT;
      case NOERROR:
      case NODATA:
      case NXDOMAIN:
      case SERVFAIL:
      case REFUSED:
      case OTHER_RCODE:
      case TRUNCATED:
      case CNAME_LOOP:
        return ANSWERED;
      default:
        return OTHER;
    }
  }
}
