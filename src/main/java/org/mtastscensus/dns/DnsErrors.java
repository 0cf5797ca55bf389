package org.mtastscensus.dns;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.WireParseException;

/** The one place where transport failures and response codes become a {@link DnsStatus}. */
public final class DnsErrors {
  private DnsErrors() {}

  /** Maps a failure of a DNS exchange to its status; wrappers from futures are looked through. */
  public static DnsStatus classify(Throwable error) {
    Throwable cause = unwrap(error);
    // Order matters: the specific IOException subtypes come before the catch-all.
    if (cause instanceof TruncatedAnswerException) {
      return DnsStatus.TRUNCATED;
    }
    if (cause instanceof WireParseException) {
      return DnsStatus.MALFORMED;
    }
    if (cause instanceof SocketTimeoutException
        || cause instanceof TimeoutException
        || cause instanceof InterruptedIOException) {
      return DnsStatus.TIMEOUT;
    }
    if (cause instanceof SocketException
        || cause instanceof ClosedChannelException
        || cause instanceof EOFException
        || cause instanceof IOException) {
      return DnsStatus.NETWORK_ERROR;
    }
    // Not an I/O failure (a bug or a misbehaving Resolver): still "could not look", never an absence.
    return DnsStatus.NETWORK_ERROR;
  }

  /**
   * Maps a response code; NOERROR is returned as {@link DnsStatus#NOERROR} and the caller decides between data and
   * NODATA from the answer section.
   */
  public static DnsStatus classifyRcode(int rcode) {
    switch (rcode) {
      case Rcode.NOERROR:
        return DnsStatus.NOERROR;
      case Rcode.NXDOMAIN:
        return DnsStatus.NXDOMAIN;
      case Rcode.SERVFAIL:
        return DnsStatus.SERVFAIL;
      case Rcode.REFUSED:
        return DnsStatus.REFUSED;
      default:
        return DnsStatus.OTHER_RCODE;
    }
  }

  /** A short, stable description for {@link DnsAnswer#detail()}. */
  public static String describe(Throwable error) {
    Throwable cause = unwrap(error);
    String message = cause.getMessage();
    String kind = cause.getClass().getSimpleName();
    String text = message == null || message.isBlank() ? kind : kind + ": " + message;
    if (cause instanceof TruncatedAnswerException && cause.getCause() != null) {
      text += " (" + describe(cause.getCause()) + ")";
    }
    return text;
  }

  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
