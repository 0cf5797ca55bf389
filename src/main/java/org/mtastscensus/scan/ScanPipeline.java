package org.mtastscensus.scan;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Streams domains through a {@link DomainScanner} with a bounded number in flight: results come out in completion
 * order (each carries its domain). A permit is returned only when the consumer takes a result, so domains in
 * flight plus results waiting never exceed {@code maxInFlight}: a slow consumer (a Spark writer) slows the feeder
 * instead of filling memory, and completion callbacks (which may run on a DNS receive thread) never block.
 */
public final class ScanPipeline {
  private final DomainScanner scanner;
  private final int maxInFlight;
  private final Supplier<Optional<String>> resolverFailure;

  /**
   * @param resolverFailure polled between domains; a present value stops the run with {@link ResolverUnavailableException}
   */
  public ScanPipeline(DomainScanner scanner, int maxInFlight, Supplier<Optional<String>> resolverFailure) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
    }
    this.scanner = scanner;
    this.maxInFlight = maxInFlight;
    this.resolverFailure = resolverFailure;
  }

  /** Lazily scans {@code domains}; the iterator must be drained (or the run abandoned) on one thread. */
  public Iterator<ScanResult> scan(Iterator<String> domains) {
    return new ResultIterator(domains);
  }

  private final class ResultIterator implements Iterator<ScanResult> {
    private final Iterator<String> domains;
    private final Semaphore permits = new Semaphore(maxInFlight);
    private final BlockingQueue<ScanResult> done = new LinkedBlockingQueue<>();
    private int outstanding;

    ResultIterator(Iterator<String> domains) {
      this.domains = domains;
    }

    @Override
    public boolean hasNext() {
      feed();
      return outstanding > 0;
    }

    @Override
    public ScanResult next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ScanResult result;
      try {
        result = done.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for scan results", e);
      }
      outstanding--;
      permits.release();
      return result;
    }

    /** Starts as many domains as permits allow, without blocking when results are waiting to be taken. */
    private void feed() {
      while (domains.hasNext() && permits.tryAcquire()) {
        resolverFailure.get().ifPresent(message -> {
          permits.release();
          throw new ResolverUnavailableException(message);
        });
        String domain = domains.next();
        outstanding++;
        scanner.scan(domain).thenAccept(done::add);
      }
    }
  }
}
