package org.mtastscensus.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureClassifierTest {

  static Stream<Arguments> mappings() {
    return Stream.of(
        row("body cap abort", new IllegalStateException("aborted", new BodyTooLargeException(65536)),
            FetchStatus.TOO_LARGE, "65536"),
        row("classified certificate problem", handshake(new CertificateProblem(
            FetchFailure.of(FetchStatus.CERT_UNTRUSTED, "self-signed certificate CN=x"), new CertificateException())),
            FetchStatus.CERT_UNTRUSTED, "self-signed"),
        row("bare CertificateExpiredException", handshake(new CertificateExpiredException("NotAfter: yesterday")),
            FetchStatus.CERT_EXPIRED, "NotAfter"),
        row("bare CertificateNotYetValidException", handshake(new CertificateNotYetValidException("NotBefore: x")),
            FetchStatus.CERT_NOT_YET_VALID, "NotBefore"),
        row("CertPathValidator EXPIRED", handshake(new CertificateException("PKIX path validation failed",
                new CertPathValidatorException("validity check failed", null, null, -1,
                    CertPathValidatorException.BasicReason.EXPIRED))),
            FetchStatus.CERT_EXPIRED, "validity"),
        row("CertPathValidator NOT_YET_VALID", handshake(new CertificateException("PKIX path validation failed",
                new CertPathValidatorException("validity check failed", null, null, -1,
                    CertPathValidatorException.BasicReason.NOT_YET_VALID))),
            FetchStatus.CERT_NOT_YET_VALID, "validity"),
        row("no SAN matching", handshake(new CertificateException(
            "No subject alternative DNS name matching mta-sts.x.test found.")),
            FetchStatus.CERT_NAME_MISMATCH, "mta-sts.x.test"),
        row("no CN matching", handshake(new CertificateException("No name matching mta-sts.x.test found")),
            FetchStatus.CERT_NAME_MISMATCH, "No name matching"),
        row("path building failed", handshake(new CertificateException("PKIX path building failed",
                new CertPathBuilderException("unable to find valid certification path to requested target"))),
            FetchStatus.CERT_UNTRUSTED, "unable to find valid certification path"),
        row("total timeout", new TimeoutException("Total timeout 2000 ms elapsed"), FetchStatus.TIMEOUT, "2000"),
        row("timeout inside ExecutionException", new ExecutionException(new TimeoutException("Idle timeout")),
            FetchStatus.TIMEOUT, "Idle"),
        row("read timed out", new SocketTimeoutException("Read timed out"), FetchStatus.TIMEOUT, "Read"),
        row("plain HTTP answer", new SSLHandshakeException("Unrecognized SSL message, plaintext connection?"),
            FetchStatus.TLS_HANDSHAKE_FAILED, "not TLS"),
        row("protocol_version alert", new SSLHandshakeException("Received fatal alert: protocol_version"),
            FetchStatus.TLS_HANDSHAKE_FAILED, "no common TLS version"),
        row("handshake_failure alert", new SSLHandshakeException("Received fatal alert: handshake_failure"),
            FetchStatus.TLS_HANDSHAKE_FAILED, "no common cipher suite"),
        row("other alert", new SSLException("Received fatal alert: internal_error"),
            FetchStatus.TLS_HANDSHAKE_FAILED, "alert"),
        row("closed during handshake", new SSLHandshakeException("Remote host terminated the handshake"),
            FetchStatus.TLS_HANDSHAKE_FAILED, "closed during the handshake"),
        row("connection refused", new ConnectException("Connection refused"), FetchStatus.CONNECT_FAILED, "refused"),
        row("no route", new NoRouteToHostException("No route to host"), FetchStatus.CONNECT_FAILED, "No route"),
        row("port unreachable", new PortUnreachableException("unreachable"), FetchStatus.CONNECT_FAILED, "unreachable"),
        row("connect timeout", new SocketTimeoutException("Connect Timeout"), FetchStatus.CONNECT_FAILED, "Connect"),
        row("EOF", new EOFException(), FetchStatus.TRUNCATED, "EOFException"),
        row("Jetty EOF", new EofException("early EOF"), FetchStatus.TRUNCATED, "EofException"),
        row("connection reset", new SocketException("Connection reset"), FetchStatus.TRUNCATED, "SocketException"),
        row("broken pipe", new IOException("Broken pipe"), FetchStatus.TRUNCATED, "IOException"),
        row("closed channel", new ClosedChannelException(), FetchStatus.TRUNCATED, "ClosedChannelException"),
        row("HTTP protocol violation (no status of its own yet)",
            new org.eclipse.jetty.http.BadMessageException("bad response"), FetchStatus.INTERNAL_ERROR,
            "BadMessageException"),
        row("unknown exception", new CompletionException(new IllegalStateException("bug")),
            FetchStatus.INTERNAL_ERROR, "IllegalStateException: bug"),
        row("no exception at all", null, FetchStatus.INTERNAL_ERROR, "without an exception"));
  }

  private static Arguments row(String name, Throwable failure, FetchStatus expected, String detailPart) {
    return Arguments.of(name, failure, expected, detailPart);
  }

  /** How the JDK delivers a trust manager's rejection: as the cause of a handshake failure. */
  private static SSLHandshakeException handshake(CertificateException cause) {
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX failure");
    handshake.initCause(cause);
    return handshake;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mappings")
  void mapsEachFailureToOneStatus(String name, Throwable failure, FetchStatus expected, String detailPart) {
    FetchFailure classified = FailureClassifier.classify(failure);
    assertThat(classified.status()).isEqualTo(expected);
    assertThat(classified.detail()).contains(detailPart);
  }
}
