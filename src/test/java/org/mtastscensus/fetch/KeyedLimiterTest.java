package org.mtastscensus.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class KeyedLimiterTest {

  @Test
  void queuesBeyondThePermitsPerKeyAndHandsOverInOrder() {
    KeyedLimiter<String> limiter = new KeyedLimiter<>(2);
    CompletableFuture<Void> first = limiter.acquire("a");
    CompletableFuture<Void> second = limiter.acquire("a");
    CompletableFuture<Void> third = limiter.acquire("a");
    CompletableFuture<Void> fourth = limiter.acquire("a");
    CompletableFuture<Void> otherKey = limiter.acquire("b");

    assertThat(first).isDone();
    assertThat(second).isDone();
    assertThat(third).isNotDone();
    assertThat(otherKey).isDone();

    limiter.release("a");
    assertThat(third).isDone();
    assertThat(fourth).isNotDone();
    limiter.release("a");
    assertThat(fourth).isDone();
  }

  @Test
  void forgetsKeysWithoutHolders() {
    KeyedLimiter<String> limiter = new KeyedLimiter<>(1);
    limiter.acquire("a");
    limiter.acquire("b");
    limiter.release("a");
    limiter.release("b");
    assertThat(limiter.keysHeld()).isZero();
  }
}
