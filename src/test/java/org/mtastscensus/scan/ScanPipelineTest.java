package org.mtastscensus.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mtastscensus.dns.DnsAnswer;

/** Bounded in-flight streaming: every domain comes out once, memory stays bounded, a dead resolver stops the run. */
class ScanPipelineTest {
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxSeen = new AtomicInteger();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  /** Every query answers NODATA after a short random delay, counting queries in flight. */
  private DnsLookup slowDns() {
    return (name, type) -> {
      maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      CompletableFuture<DnsAnswer> answer = new CompletableFuture<>();
      timer.schedule(() -> {
        inFlight.decrementAndGet();
        answer.complete(DnsAnswer.of(name, "X", List.of()));
      }, 1 + (name.hashCode() & 3), TimeUnit.MILLISECONDS);
      return answer;
    };
  }

  private ScanPipeline pipeline(int maxInFlight, java.util.function.Supplier<Optional<String>> health) {
    DomainScanner scanner = new DomainScanner(slowDns(), (d, a) -> {
      throw new AssertionError();
    }, ScanConfig.defaults(), Clock.systemUTC());
    return new ScanPipeline(scanner, maxInFlight, health);
  }

  private static Iterator<String> domains(int n) {
    return IntStream.range(0, n).mapToObj(i -> "d" + i + ".test").iterator();
  }

  @Test
  void everyDomainComesOutExactlyOnce() {
    Iterator<ScanResult> results = pipeline(50, Optional::empty).scan(domains(2_000));
    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    results.forEachRemaining(r -> {
      if (!seen.add(r.domain())) {
        duplicates.add(r.domain());
      }
    });
    assertThat(seen).hasSize(2_000);
    assertThat(duplicates).isEmpty();
  }

  @Test
  void domainsInFlightNeverExceedTheLimitEvenWithASlowConsumer() throws InterruptedException {
    Iterator<ScanResult> results = pipeline(8, Optional::empty).scan(domains(200));
    int taken = 0;
    while (results.hasNext()) {
      results.next();
      taken++;
      if (taken % 50 == 0) {
        Thread.sleep(50); // a slow writer: finished results must wait, not new domains start
      }
    }
    // two queries (TXT and MX) per domain in flight at most
    assertThat(maxSeen.get()).isLessThanOrEqualTo(8 * 2);
    assertThat(taken).isEqualTo(200);
  }

  @Test
  void aDeadResolverStopsTheRunLoudly() {
    AtomicInteger polls = new AtomicInteger();
    Iterator<ScanResult> results = pipeline(4, () -> polls.incrementAndGet() > 20
        ? Optional.of("resolver 127.0.0.1:9 is not answering") : Optional.empty()).scan(domains(1_000));
    assertThatThrownBy(() -> results.forEachRemaining(r -> { }))
        .isInstanceOf(ResolverUnavailableException.class)
        .hasMessageContaining("127.0.0.1:9");
  }

  @Test
  void rejectsANonPositiveLimit() {
    assertThatThrownBy(() -> pipeline(0, Optional::empty)).isInstanceOf(IllegalArgumentException.class);
  }
}
