package org.mtastscensus.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** The certificates the fetcher trusts: the JDK's default store (a browser/OS-like set, R-FET-2) plus extras. */
public final class TrustAnchors {
  private TrustAnchors() {}

  /**
   * A PKIX trust manager over the default anchors plus {@code extra}. The default anchors are read from the JDK's
   * default trust manager rather than from the cacerts file, so that a {@code javax.net.ssl.trustStore} override
   * still applies.
   */
  public static X509ExtendedTrustManager pkix(List<X509Certificate> extra) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int index = 0;
      for (X509Certificate anchor : defaultTrustManager().getAcceptedIssuers()) {
        store.setCertificateEntry("default-" + index++, anchor);
      }
      for (X509Certificate anchor : extra) {
        store.setCertificateEntry("extra-" + index++, anchor);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(store);
      return extended(factory.getTrustManagers());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the trust store", e);
    }
  }

  /** Every certificate in a PEM file (several may be concatenated), for {@code --trust-ca FILE}. */
  public static List<X509Certificate> readPem(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new IOException("no certificate in " + file);
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read certificates from " + file + ": " + e.getMessage(), e);
    }
  }

  private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JDK offers no X.509 trust manager");
  }

  private static X509ExtendedTrustManager extended(TrustManager[] managers) {
    for (TrustManager manager : managers) {
      if (manager instanceof X509ExtendedTrustManager extended) {
        return extended;
      }
    }
    throw new IllegalStateException("PKIX offers no extended trust manager, so hostname checks would be lost");
  }
}
