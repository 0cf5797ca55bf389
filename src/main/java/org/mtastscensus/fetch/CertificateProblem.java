package org.mtastscensus.fetch;

import java.security.cert.CertificateException;

/**
 * A certificate rejection classified where the presented chain is still at hand (inside the trust manager), carried
 * through the TLS stack to the fetch result as the cause of the handshake failure.
 */
final class CertificateProblem extends CertificateException {
  private static final long serialVersionUID = 1L;

  private final transient FetchFailure failure;

  CertificateProblem(FetchFailure failure, CertificateException cause) {
    super(failure.detail(), cause);
    this.failure = failure;
  }

  FetchFailure failure() {
    return failure;
  }
}
