package org.mtastscensus.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.WireParseException;

class DnsErrorsTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("socket timeout", new SocketTimeoutException("Query timed out"), DnsStatus.TIMEOUT),
        Arguments.of("future timeout", new TimeoutException(), DnsStatus.TIMEOUT),
        Arguments.of("wrapped timeout", new CompletionException(new SocketTimeoutException()), DnsStatus.TIMEOUT),
        Arguments.of(
            "doubly wrapped timeout",
            new ExecutionException(new CompletionException(new SocketTimeoutException())),
            DnsStatus.TIMEOUT),
        Arguments.of("port unreachable", new PortUnreachableException(), DnsStatus.NETWORK_ERROR),
        Arguments.of("connection refused", new ConnectException("Connection refused"), DnsStatus.NETWORK_ERROR),
        Arguments.of("no route", new NoRouteToHostException(), DnsStatus.NETWORK_ERROR),
        Arguments.of("closed resolver", new ClosedChannelException(), DnsStatus.NETWORK_ERROR),
        Arguments.of("TCP cut short", new EOFException(), DnsStatus.NETWORK_ERROR),
        Arguments.of("other I/O", new IOException("send buffer full"), DnsStatus.NETWORK_ERROR),
        Arguments.of("unparsable reply", new WireParseException("end of input"), DnsStatus.MALFORMED),
        Arguments.of(
            "TCP retry failed",
            new TruncatedAnswerException("tcp", new ConnectException("refused")),
            DnsStatus.TRUNCATED),
        Arguments.of("not I/O at all", new IllegalStateException("bug"), DnsStatus.NETWORK_ERROR));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void classifiesFailure(String label, Throwable error, DnsStatus expected) {
    assertThat(DnsErrors.classify(error)).isEqualTo(expected);
  }

  static Stream<Arguments> rcodes() {
    return Stream.of(
        Arguments.of("NOERROR", Rcode.NOERROR, DnsStatus.NOERROR),
        Arguments.of("NXDOMAIN", Rcode.NXDOMAIN, DnsStatus.NXDOMAIN),
        Arguments.of("SERVFAIL", Rcode.SERVFAIL, DnsStatus.SERVFAIL),
        Arguments.of("REFUSED", Rcode.REFUSED, DnsStatus.REFUSED),
        Arguments.of("FORMERR", Rcode.FORMERR, DnsStatus.OTHER_RCODE),
        Arguments.of("NOTIMP", Rcode.NOTIMP, DnsStatus.OTHER_RCODE),
        Arguments.of("YXDOMAIN", Rcode.YXDOMAIN, DnsStatus.OTHER_RCODE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rcodes")
  void classifiesRcode(String label, int rcode, DnsStatus expected) {
    assertThat(DnsErrors.classifyRcode(rcode)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void describesTheCauseNotTheWrapper() {
    assertThat(DnsErrors.describe(new CompletionException(new SocketTimeoutException("Query timed out"))))
        .isEqualTo("SocketTimeoutException: Query timed out");
  }
}
