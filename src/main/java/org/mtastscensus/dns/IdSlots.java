package org.mtastscensus.dns;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The 65,536 query IDs of one socket. An ID is owned by at most one pending query; an ID given up by a timed-out
 * query stays quarantined for a while, because its answer may still arrive and must not be taken for the answer
 * of a newer query.
 */
final class IdSlots {
  static final int SIZE = 1 << 16;
  private static final int RANDOM_TRIES = 32;

  private final AtomicReferenceArray<Object> slots = new AtomicReferenceArray<>(SIZE);

  /** Marks an ID freed by a timeout. */
  static final class Quarantine {
    final long untilNanos;

    Quarantine(long untilNanos) {
      this.untilNanos = untilNanos;
    }
  }

  /** Claims a random free ID for {@code owner}; -1 when none is free (65,536 pending or quarantined). */
  int claim(Object owner, long nowNanos) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < RANDOM_TRIES; i++) {
      int id = random.nextInt(SIZE);
      if (tryClaim(id, owner, nowNanos)) {
        return id;
      }
    }
    // Almost full: a scan from a random start still finds a free ID if one exists.
    int start = random.nextInt(SIZE);
    for (int i = 0; i < SIZE; i++) {
      int id = (start + i) & (SIZE - 1);
      if (tryClaim(id, owner, nowNanos)) {
        return id;
      }
    }
    return -1;
  }

  private boolean tryClaim(int id, Object owner, long nowNanos) {
    Object current = slots.get(id);
    boolean free = current == null || (current instanceof Quarantine q && nowNanos - q.untilNanos >= 0);
    return free && slots.compareAndSet(id, current, owner);
  }

  /** The owner of {@code id}, a {@link Quarantine}, or null. */
  Object get(int id) {
    return slots.get(id);
  }

  /** Frees {@code id} if {@code owner} still holds it. */
  void release(int id, Object owner) {
    slots.compareAndSet(id, owner, null);
  }

  /** Frees {@code id} into quarantine until {@code untilNanos}. */
  void quarantine(int id, Object owner, long untilNanos) {
    slots.compareAndSet(id, owner, new Quarantine(untilNanos));
  }
}
