package org.mtastscensus.sandbox;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the certificate registered for the SNI name the client sent, so that one listening port can play every
 * policy host of the sandbox. The alias is the host name; clients without SNI (or with an unknown name) get the
 * fallback, which is what a shared hosting front end does too.
 */
final class SniKeyManager extends X509ExtendedKeyManager {
  static final String FALLBACK = "";

  private final Map<String, TestCa.Issued> byHost = new ConcurrentHashMap<>();
  private final Set<String> withoutCertificate = ConcurrentHashMap.newKeySet();

  SniKeyManager(TestCa.Issued fallback) {
    byHost.put(FALLBACK, fallback);
  }

  void put(String host, TestCa.Issued issued) {
    withoutCertificate.remove(host.toLowerCase(Locale.ROOT));
    byHost.put(host.toLowerCase(Locale.ROOT), issued);
  }

  /** The server will have no certificate for this name, so the handshake ends in a handshake_failure alert. */
  void refuse(String host) {
    byHost.remove(host.toLowerCase(Locale.ROOT));
    withoutCertificate.add(host.toLowerCase(Locale.ROOT));
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    SSLSession handshake = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
    return aliasFor(keyType, handshake);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return aliasFor(keyType, engine == null ? null : engine.getHandshakeSession());
  }

  private String aliasFor(String keyType, SSLSession handshake) {
    String alias = requestedHost(handshake);
    if (withoutCertificate.contains(alias)) {
      return null;
    }
    if (!byHost.containsKey(alias)) {
      alias = FALLBACK;
    }
    // The JDK asks once per key type it could use; answering only for the matching one keeps signatures valid.
    return byHost.get(alias).key().getAlgorithm().equals(keyType) ? alias : null;
  }

  static String requestedHost(SSLSession handshake) {
    if (handshake instanceof ExtendedSSLSession extended) {
      List<SNIServerName> names = extended.getRequestedServerNames();
      for (SNIServerName name : names) {
        if (name instanceof SNIHostName host) {
          return host.getAsciiName().toLowerCase(Locale.ROOT);
        }
      }
    }
    return FALLBACK;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    TestCa.Issued issued = byHost.get(alias);
    return issued == null ? null : issued.chain().toArray(X509Certificate[]::new);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    TestCa.Issued issued = byHost.get(alias);
    return issued == null ? null : issued.key();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return byHost.keySet().toArray(String[]::new);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
