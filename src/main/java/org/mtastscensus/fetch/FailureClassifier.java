package org.mtastscensus.fetch;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The one place where an exception from the HTTP and TLS stacks becomes a {@link FetchStatus}, so that every
 * mapping is visible (and tested) together. Unknown failures become INTERNAL_ERROR, which the rules treat as
 * undetermined rather than as a fault of the domain.
 */
public final class FailureClassifier {
  private FailureClassifier() {}

  public static FetchFailure classify(Throwable failure) {
    if (failure == null) {
      return FetchFailure.of(FetchStatus.INTERNAL_ERROR, "failure without an exception");
    }
    List<Throwable> chain = causes(failure);
    for (Throwable cause : chain) {
      if (cause instanceof BodyTooLargeException) {
        return FetchFailure.of(FetchStatus.TOO_LARGE, cause.getMessage());
      }
    }
    for (Throwable cause : chain) {
      if (cause instanceof CertificateProblem problem) {
        return problem.failure();
      }
    }
    for (Throwable cause : chain) {
      if (cause instanceof CertificateException) {
        return CertificateDiagnosis.diagnose(cause, null);
      }
    }
    for (Throwable cause : chain) {
      // A read that timed out is the budget running out; only a connect timeout is a connection failure.
      if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException && !mentionsConnect(cause)) {
        return FetchFailure.of(FetchStatus.TIMEOUT, describe(cause));
      }
    }
    for (Throwable cause : chain) {
      if (cause instanceof SSLException) {
        return FetchFailure.of(FetchStatus.TLS_HANDSHAKE_FAILED, tlsDetail(cause, chain));
      }
    }
    for (Throwable cause : chain) {
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
          || cause instanceof PortUnreachableException) {
        return FetchFailure.of(FetchStatus.CONNECT_FAILED, describe(cause));
      }
      if (cause instanceof SocketTimeoutException && mentionsConnect(cause)) {
        return FetchFailure.of(FetchStatus.CONNECT_FAILED, describe(cause));
      }
    }
    for (Throwable cause : chain) {
      if (cause instanceof EOFException || cause instanceof ClosedChannelException || isReset(cause)) {
        // Jetty's EOF messages dump connection objects; the class is what is worth keeping.
        return FetchFailure.of(FetchStatus.TRUNCATED, "connection closed before the response was complete ("
            + cause.getClass().getSimpleName() + ")");
      }
    }
    return FetchFailure.of(FetchStatus.INTERNAL_ERROR, describe(failure));
  }

  private static String tlsDetail(Throwable ssl, List<Throwable> chain) {
    String all = String.join(" | ", chain.stream().map(c -> String.valueOf(c.getMessage())).toList());
    String lower = all.toLowerCase(Locale.ROOT);
    String kind;
    if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
      kind = "not TLS (plain HTTP on the TLS port?)";
    } else if (lower.contains("protocol_version") || lower.contains("protocol is disabled")
        || lower.contains("no appropriate protocol")) {
      kind = "no common TLS version";
    } else if (lower.contains("handshake_failure") || lower.contains("no cipher suites in common")) {
      kind = "no common cipher suite or handshake refused";
    } else if (lower.contains("received fatal alert")) {
      kind = "the server sent an alert";
    } else if (lower.contains("terminated the handshake") || lower.contains("closed") || lower.contains("reset")) {
      kind = "connection closed during the handshake";
    } else {
      kind = "TLS failure";
    }
    return kind + ": " + describe(ssl);
  }

  private static boolean mentionsConnect(Throwable cause) {
    return String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
  }

  private static boolean isReset(Throwable cause) {
    if (!(cause instanceof SocketException) && cause.getClass() != java.io.IOException.class) {
      return false;
    }
    String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("connection reset") || message.contains("broken pipe");
  }

  static String describe(Throwable cause) {
    return cause.getClass().getName() + ": " + cause.getMessage();
  }

  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = failure; cause != null && !chain.contains(cause) && chain.size() < 32;
        cause = cause.getCause()) {
      chain.add(cause);
    }
    return chain;
  }
}
