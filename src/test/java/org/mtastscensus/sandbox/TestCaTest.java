package org.mtastscensus.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCaTest {
  private static final String HOST = "mta-sts.example.test";
  private final TestCa ca = TestCa.create("Unit");

  @Test
  void validLeafNamesTheHostAndChainsToTheRoot() throws Exception {
    TestCa.Issued issued = ca.valid(HOST);
    issued.leaf().checkValidity();
    issued.leaf().verify(ca.root().getPublicKey());
    assertThat(issued.leaf().getSubjectAlternativeNames()).containsExactly(List.of(2, HOST));
    assertThat(issued.chain()).containsExactly(issued.leaf(), ca.root());
    assertThat(issued.leaf().getBasicConstraints()).isEqualTo(-1);
    assertThat(ca.root().getBasicConstraints()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void expiredAndNotYetValidAreOutsideTheirValidity() {
    assertThatThrownBy(() -> ca.expired(HOST).leaf().checkValidity()).isInstanceOf(CertificateExpiredException.class);
    assertThatThrownBy(() -> ca.notYetValid(HOST).leaf().checkValidity())
        .isInstanceOf(CertificateNotYetValidException.class);
  }

  @Test
  void cnOnlyHasNoSubjectAltName() throws Exception {
    X509Certificate leaf = ca.cnOnly(HOST).leaf();
    assertThat(leaf.getSubjectAlternativeNames()).isNull();
    assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=" + HOST);
  }

  @Test
  void intermediateChainsFullOrLeafOnly() throws Exception {
    TestCa.Issued full = ca.viaIntermediate(HOST, true);
    TestCa.Issued leafOnly = ca.viaIntermediate(HOST, false);
    assertThat(full.chain()).hasSize(2);
    full.leaf().verify(full.chain().get(1).getPublicKey());
    full.chain().get(1).verify(ca.root().getPublicKey());
    assertThat(leafOnly.chain()).hasSize(1);
  }

  @Test
  void selfSignedAndWrongName() throws Exception {
    X509Certificate self = TestCa.selfSigned(HOST).leaf();
    self.verify(self.getPublicKey());
    assertThat(ca.wrongName(HOST).leaf().getSubjectAlternativeNames()).containsExactly(List.of(2,
        "not-" + HOST));
  }

  @Test
  void rootPemParsesBackToTheRoot() throws Exception {
    X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(ca.rootPem().getBytes(StandardCharsets.US_ASCII)));
    assertThat(parsed).isEqualTo(ca.root());
  }
}
