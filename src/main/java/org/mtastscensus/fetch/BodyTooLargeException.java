package org.mtastscensus.fetch;

/** The reason the fetcher gives Jetty when it aborts a response whose body passed the cap. */
final class BodyTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BodyTooLargeException(int cap) {
    super("body larger than " + cap + " bytes; the first " + cap + " were kept", null, false, false);
  }
}
