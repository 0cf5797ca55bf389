package org.mtastscensus.dns;

import java.io.IOException;

/**
 * The UDP answer had TC set and the TCP retry failed. Kept apart from other I/O errors so that it is classified as
 * {@link DnsStatus#TRUNCATED}: the server did answer, the full answer just never arrived.
 */
public final class TruncatedAnswerException extends IOException {
  private static final long serialVersionUID = 1L;

  public TruncatedAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
