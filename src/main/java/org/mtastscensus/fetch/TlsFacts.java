package org.mtastscensus.fetch;

import java.util.List;

/**
 * What the TLS handshake showed, kept as evidence; any field may be null when the handshake did not get that far.
 *
 * @param protocol negotiated protocol, e.g. TLSv1.3
 * @param subject leaf certificate subject DN
 * @param issuer leaf certificate issuer DN
 * @param notAfter leaf certificate expiry, ISO-8601
 * @param dnsNames subjectAltName DNS names of the leaf certificate
 * @param nameMatchedByCnOnly true when the leaf has no DNS subjectAltName and the host name matched its CN
 */
public record TlsFacts(
    String protocol,
    String subject,
    String issuer,
    String notAfter,
    List<String> dnsNames,
    boolean nameMatchedByCnOnly) {

  public TlsFacts {
    dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
  }
}
