package org.mtastscensus.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the sandbox DNS server shows for one name, to exercise every failure status of the scanner.
 *
 * @param kind what goes wrong
 * @param delay how long the answer is held back (only for {@link Kind#DELAY})
 */
public record Fault(Kind kind, Duration delay) {

  public enum Kind {
    /** RCODE 2. */
    SERVFAIL,
    /** RCODE 5. */
    REFUSED,
    /** The query is read and never answered. */
    DROP,
    /** The normal answer, sent after {@link Fault#delay()}. */
    DELAY,
    /** Over UDP an empty answer with TC set; over TCP the full answer. */
    TRUNCATE_UDP,
    /** A reply with the query's ID and QR set that does not parse. */
    GARBAGE
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    delay = delay == null ? Duration.ZERO : delay;
  }

  public static Fault servfail() {
    return new Fault(Kind.SERVFAIL, null);
  }

  public static Fault refused() {
    return new Fault(Kind.REFUSED, null);
  }

  public static Fault drop() {
    return new Fault(Kind.DROP, null);
  }

  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, delay);
  }

  public static Fault truncateUdp() {
    return new Fault(Kind.TRUNCATE_UDP, null);
  }

  public static Fault garbage() {
    return new Fault(Kind.GARBAGE, null);
  }
}
