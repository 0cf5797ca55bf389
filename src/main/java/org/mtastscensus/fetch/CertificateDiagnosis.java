package org.mtastscensus.fetch;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Says which certificate rule a rejected chain broke. The JDK reports all of them as a CertificateException; the
 * cause chain and message tell expiry and name problems apart, and for path-building failures the presented chain
 * tells a self-signed certificate from an unknown CA from a missing intermediate.
 */
final class CertificateDiagnosis {
  private CertificateDiagnosis() {}

  /** @param chain the chain the server presented, leaf first; may be null or empty when unknown */
  static FetchFailure diagnose(Throwable rejection, X509Certificate[] chain) {
    // The specific exceptions carry the dates in their message, so they are looked for before the wrappers.
    for (Throwable cause = rejection; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateExpiredException) {
        return FetchFailure.of(FetchStatus.CERT_EXPIRED, "certificate expired: " + cause.getMessage());
      }
      if (cause instanceof CertificateNotYetValidException) {
        return FetchFailure.of(FetchStatus.CERT_NOT_YET_VALID, "certificate not yet valid: " + cause.getMessage());
      }
    }
    for (Throwable cause = rejection; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertPathValidatorException validator) {
        if (validator.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
          return FetchFailure.of(FetchStatus.CERT_EXPIRED, "certificate expired: " + cause.getMessage());
        }
        if (validator.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
          return FetchFailure.of(FetchStatus.CERT_NOT_YET_VALID, "certificate not yet valid: " + cause.getMessage());
        }
      }
      String message = String.valueOf(cause.getMessage());
      String lower = message.toLowerCase(Locale.ROOT);
      if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
        return FetchFailure.of(FetchStatus.CERT_NAME_MISMATCH, message);
      }
    }
    return FetchFailure.of(FetchStatus.CERT_UNTRUSTED, untrustedDetail(rejection, chain));
  }

  private static String untrustedDetail(Throwable rejection, X509Certificate[] chain) {
    String reason = rootMessage(rejection);
    if (chain == null || chain.length == 0) {
      return "untrusted: " + reason;
    }
    X509Certificate last = chain[chain.length - 1];
    if (chain.length == 1 && selfSigned(last)) {
      return "self-signed certificate " + last.getSubjectX500Principal().getName() + " (" + reason + ")";
    }
    if (selfSigned(last)) {
      return "unknown CA: the chain ends at root " + last.getSubjectX500Principal().getName()
          + ", which is not trusted (" + reason + ")";
    }
    return "incomplete chain or unknown CA: the chain ends at " + last.getSubjectX500Principal().getName()
        + ", issued by " + last.getIssuerX500Principal().getName() + ", which was neither sent nor trusted ("
        + reason + ")";
  }

  static boolean selfSigned(X509Certificate certificate) {
    if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return false;
    }
    try {
      certificate.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable rejection) {
    Throwable root = rejection;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
