package org.mtastscensus.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The names of one input, normalised, in file order, without consecutive duplicates and without opted-out
 * domains. Not thread-safe. I/O errors surface as {@link UncheckedIOException} from {@link #hasNext()}, because
 * {@link Iterator} cannot declare them; malformed lines never do, they only count in {@link #stats()}.
 */
public final class DomainInput implements Iterator<String>, AutoCloseable {
  private final EntryReader reader;
  private final InputStats stats;
  private final OptOutList optOut;
  private final Closeable resource;
  private String next;
  private String previous;
  private boolean done;

  DomainInput(EntryReader reader, InputStats stats, OptOutList optOut, Closeable resource) {
    this.reader = reader;
    this.stats = stats;
    this.optOut = optOut;
    this.resource = resource;
  }

  /** Live counts: complete once {@link #hasNext()} has returned false. */
  public InputStats stats() {
    return stats;
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null && !done) {
        Candidate candidate = reader.next();
        if (candidate == null) {
          done = true;
        } else {
          take(candidate);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(stats.source() + ": " + e.getMessage(), e);
    }
    return next != null;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String name = next;
    next = null;
    return name;
  }

  private void take(Candidate candidate) {
    if (!candidate.result().valid()) {
      stats.addMalformed(candidate.result().problem().name(), candidate.line(), candidate.text());
      return;
    }
    String name = candidate.result().name();
    if (name.equals(previous)) {
      stats.countDuplicate();
      return;
    }
    // Opted-out names still become "previous", so that their repeated NS lines count as duplicates, not opt-outs.
    previous = name;
    if (optOut.isOptedOut(name)) {
      stats.countOptedOut();
      return;
    }
    stats.countAccepted();
    next = name;
  }

  @Override
  public void close() throws IOException {
    done = true;
    resource.close();
  }
}
