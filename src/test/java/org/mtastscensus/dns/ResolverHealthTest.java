package org.mtastscensus.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResolverHealthTest {

  @Test
  void aResolverThatNeverAnswersIsReportedOnceTheWindowIsLargeEnough() {
    ResolverHealth health = new ResolverHealth("127.0.0.1:53");
    for (int i = 0; i < 199; i++) {
      health.record(DnsStatus.TIMEOUT);
    }
    assertThat(health.failure()).isEmpty();
    health.record(DnsStatus.NETWORK_ERROR);
    assertThat(health.failure())
        .hasValueSatisfying(m -> assertThat(m).startsWith("resolver 127.0.0.1:53 is not answering"));
  }

  @Test
  void oneAnswerInTheWindowMeansTheResolverIsAlive() {
    ResolverHealth health = new ResolverHealth("127.0.0.1:53");
    health.record(DnsStatus.NXDOMAIN);
    for (int i = 0; i < 999; i++) {
      health.record(DnsStatus.TIMEOUT);
    }
    assertThat(health.failure()).isEmpty();
    // The answer slides out of the 1000-query window: now it is dead.
    health.record(DnsStatus.TIMEOUT);
    assertThat(health.failure()).isPresent();
  }

  @Test
  void failuresThatAreNotSilenceDoNotCount() {
    ResolverHealth health = new ResolverHealth("127.0.0.1:53");
    for (int i = 0; i < 300; i++) {
      health.record(i % 5 == 0 ? DnsStatus.MALFORMED : DnsStatus.TIMEOUT);
    }
    assertThat(health.failure()).isEmpty();
  }

  @Test
  void serverFailuresAreAnswers() {
    ResolverHealth health = new ResolverHealth("127.0.0.1:53");
    for (int i = 0; i < 500; i++) {
      health.record(i % 2 == 0 ? DnsStatus.SERVFAIL : DnsStatus.TIMEOUT);
    }
    assertThat(health.failure()).isEmpty();
  }
}
