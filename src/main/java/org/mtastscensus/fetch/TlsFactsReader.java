package org.mtastscensus.fetch;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Builds {@link TlsFacts} from what a handshake presented. */
final class TlsFactsReader {
  /** subjectAltName type of dNSName (RFC 5280 §4.2.1.6). */
  private static final int DNS_NAME = 2;

  private TlsFactsReader() {}

  /**
   * @param nameVerified the handshake accepted the leaf for the host; with no DNS SAN that can only have happened
   *     through the subject CN, which the JDK still accepts
   */
  static TlsFacts of(String protocol, X509Certificate leaf, boolean nameVerified) {
    if (leaf == null) {
      return new TlsFacts(protocol, null, null, null, List.of(), false);
    }
    List<String> dnsNames = dnsNames(leaf);
    return new TlsFacts(protocol, leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
        leaf.getNotAfter().toInstant().toString(), dnsNames, nameVerified && dnsNames.isEmpty());
  }

  static List<String> dnsNames(X509Certificate leaf) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> entries = leaf.getSubjectAlternativeNames();
      if (entries != null) {
        for (List<?> entry : entries) {
          if (entry.size() >= 2 && entry.get(0) instanceof Integer type && type == DNS_NAME) {
            names.add(String.valueOf(entry.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // An unparseable SAN extension counts as no DNS names, which is how the name check will see it too.
    }
    return names;
  }
}
