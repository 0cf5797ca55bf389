package org.mtastscensus.fetch;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * At most {@code permits} holders per key, waiting asynchronously: a fetch queued behind a busy address must not
 * hold a thread. Keys without holders are forgotten, so millions of addresses cost nothing once done.
 */
final class KeyedLimiter<K> {
  private final int permits;
  private final Map<K, Slot> slots = new HashMap<>();

  private static final class Slot {
    int held;
    final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  }

  KeyedLimiter(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be positive");
    }
    this.permits = permits;
  }

  /** Completes once a permit for {@code key} is held; the caller must {@link #release} it exactly once. */
  CompletableFuture<Void> acquire(K key) {
    synchronized (slots) {
      Slot slot = slots.computeIfAbsent(key, k -> new Slot());
      if (slot.held < permits) {
        slot.held++;
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> waiter = new CompletableFuture<>();
      slot.waiting.add(waiter);
      return waiter;
    }
  }

  void release(K key) {
    CompletableFuture<Void> next;
    synchronized (slots) {
      Slot slot = slots.get(key);
      if (slot == null) {
        throw new IllegalStateException("release without acquire for " + key);
      }
      next = slot.waiting.poll();
      if (next == null && --slot.held == 0) {
        slots.remove(key);
      }
    }
    if (next != null) {
      // The permit passes straight to the next waiter; completing outside the lock keeps its work out of it.
      next.complete(null);
    }
  }

  int keysHeld() {
    synchronized (slots) {
      return slots.size();
    }
  }
}
