package org.mtastscensus.fetch;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Delegates every decision to PKIX with hostname verification and only adds, on rejection, a classification made
 * while the presented chain is still at hand; outside this method the TLS stack keeps only a message.
 */
final class ClassifyingTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager delegate;

  ClassifyingTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType, engine);
    } catch (CertificateException e) {
      throw classified(e, chain, engine == null ? null : engine.getHandshakeSession());
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      throw classified(e, chain, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    // Without an engine or socket there is no host to verify: never accept a chain on this path.
    throw new CertificateException("server certificates are only checked with a peer host");
  }

  private static CertificateProblem classified(CertificateException e, X509Certificate[] chain, SSLSession session) {
    FetchFailure diagnosis = CertificateDiagnosis.diagnose(e, chain);
    X509Certificate leaf = chain == null || chain.length == 0 ? null : chain[0];
    TlsFacts facts = TlsFactsReader.of(session == null ? null : session.getProtocol(), leaf, false);
    return new CertificateProblem(new FetchFailure(diagnosis.status(), diagnosis.detail(), facts), e);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }
}
