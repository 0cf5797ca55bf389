package org.mtastscensus.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for the sandbox world: one root, one intermediate, and leaf certificates for
 * each certificate failure a policy host can show. EC P-256 keys keep issuance in the low milliseconds. The JDK's
 * own providers sign and parse, so BouncyCastle is never registered as a JCA provider that could change how the
 * fetcher's TLS behaves.
 */
public final class TestCa {
  private static final Duration SKEW = Duration.ofHours(1);
  private static final Duration LEAF_LIFETIME = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A private key and the chain a server presents with it, leaf first. */
  public record Issued(PrivateKey key, List<X509Certificate> chain) {
    public Issued {
      chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
      return chain.get(0);
    }
  }

  private final KeyPair rootKeys;
  private final X509Certificate root;
  private final KeyPair intermediateKeys;
  private final X509Certificate intermediate;

  private TestCa(String name) {
    Instant now = Instant.now();
    rootKeys = newKeys();
    X500Name rootName = dn(name + " Root CA", name);
    root = sign(rootName, rootKeys, rootName, rootKeys.getPublic(), now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(3650)), Role.CA, List.of(), null);
    intermediateKeys = newKeys();
    intermediate = sign(rootName, rootKeys, dn(name + " Intermediate CA", name), intermediateKeys.getPublic(),
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1825)), Role.CA, List.of(), root);
  }

  public static TestCa create(String name) {
    return new TestCa(name);
  }

  public X509Certificate root() {
    return root;
  }

  /** A leaf for {@code host} signed by the root; the chain carries the root so that the server sends it. */
  public Issued valid(String host) {
    return issue(host, List.of(host), Instant.now().minus(SKEW), Instant.now().plus(LEAF_LIFETIME));
  }

  public Issued expired(String host) {
    Instant now = Instant.now();
    return issue(host, List.of(host), now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)));
  }

  public Issued notYetValid(String host) {
    Instant now = Instant.now();
    return issue(host, List.of(host), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(60)));
  }

  /** A valid certificate, but for a different name than the one the client asked for. */
  public Issued wrongName(String host) {
    String other = "not-" + host;
    return issue(other, List.of(other), Instant.now().minus(SKEW), Instant.now().plus(LEAF_LIFETIME));
  }

  /** Subject CN is the host and there is no subjectAltName: old-style, still accepted by the JDK. */
  public Issued cnOnly(String host) {
    return issue(host, List.of(), Instant.now().minus(SKEW), Instant.now().plus(LEAF_LIFETIME));
  }

  /**
   * A leaf issued by the intermediate. With {@code fullChain} the server sends leaf and intermediate; without it,
   * only the leaf, the common misconfiguration that browsers mask by fetching the missing certificate.
   */
  public Issued viaIntermediate(String host, boolean fullChain) {
    KeyPair keys = newKeys();
    Instant now = Instant.now();
    X509Certificate leaf = sign(X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()),
        intermediateKeys, dn(host, "sandbox"), keys.getPublic(), now.minus(SKEW), now.plus(LEAF_LIFETIME),
        Role.LEAF, List.of(host), intermediate);
    return new Issued(keys.getPrivate(), fullChain ? List.of(leaf, intermediate) : List.of(leaf));
  }

  /** A leaf for {@code host} that signs itself, belonging to no CA. */
  public static Issued selfSigned(String host) {
    KeyPair keys = newKeys();
    Instant now = Instant.now();
    X500Name name = dn(host, "self-signed");
    X509Certificate leaf = sign(name, keys, name, keys.getPublic(), now.minus(SKEW), now.plus(LEAF_LIFETIME),
        Role.LEAF, List.of(host), null);
    return new Issued(keys.getPrivate(), List.of(leaf));
  }

  /** The root as PEM, the format {@code --trust-ca} reads. */
  public String rootPem() {
    return pem(root);
  }

  public Path writeRootPem(Path file) {
    try {
      return Files.writeString(file, rootPem(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String pem(X509Certificate certificate) {
    try {
      String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Issued issue(String commonName, List<String> dnsNames, Instant notBefore, Instant notAfter) {
    KeyPair keys = newKeys();
    X509Certificate leaf = sign(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), rootKeys,
        dn(commonName, "sandbox"), keys.getPublic(), notBefore, notAfter, Role.LEAF, dnsNames, root);
    return new Issued(keys.getPrivate(), List.of(leaf, root));
  }

  private enum Role { CA, LEAF }

  private static X509Certificate sign(X500Name issuer, KeyPair issuerKeys, X500Name subject, PublicKey subjectKey,
      Instant notBefore, Instant notAfter, Role role, List<String> dnsNames, X509Certificate issuerCert) {
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
          new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject,
          subjectKey);
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
      builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
          ? utils.createAuthorityKeyIdentifier(subjectKey)
          : utils.createAuthorityKeyIdentifier(issuerCert));
      if (role == Role.CA) {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        if (!dnsNames.isEmpty()) {
          List<GeneralName> names = new ArrayList<>();
          dnsNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
          builder.addExtension(Extension.subjectAlternativeName, false,
              new GeneralNames(names.toArray(GeneralName[]::new)));
        }
      }
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot issue a sandbox certificate", e);
    }
  }

  private static X500Name dn(String commonName, String organisation) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, "MTA-STS Census sandbox " + organisation)
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
