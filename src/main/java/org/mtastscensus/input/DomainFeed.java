package org.mtastscensus.input;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns input files into the distinct names a run scans: each file through its {@link DomainReader}, then
 * duplicates across all files dropped and opted-out names (a listed domain or any subdomain of it) removed, all
 * counted in one {@link InputTally}.
 *
 * <p>Duplicates are dropped exactly with an external sort, so memory stays bounded whatever the input size: names
 * are buffered up to {@link #RUN_NAMES} at a time (about 100 MB of heap at ~100 bytes per name), sorted, and
 * spilled as gzip run files into a private temporary folder; a k-way merge of the runs (at most
 * {@link #MERGE_FAN_IN} at a time, larger counts merged in passes) then yields every distinct name once, in
 * sorted ({@link String#compareTo}) order. Inputs that fit in one run never touch the disk. The temporary folder is
 * deleted afterwards, also when reading or the consumer fails. Disk use is about the gzip size of the names read
 * (roughly 5 bytes per name), twice that during a merge pass.
 */
public final class DomainFeed {
  /** Names held in memory before a sorted run is spilled to disk: the feed's memory bound. */
  public static final int RUN_NAMES = 1_000_000;
  /** Run files merged at once; more runs are merged in passes, so open files and buffers stay bounded too. */
  public static final int MERGE_FAN_IN = 64;

  private final DomainReader reader;
  private final Set<String> optOut;
  private final Path spillParent;
  private final int runNames;
  private final int fanIn;

  /** A feed spilling into the JVM's temporary folder with the default bounds. */
  public DomainFeed(DomainReader reader, List<String> optOutDomains) {
    this(reader, optOutDomains, Path.of(System.getProperty("java.io.tmpdir")), RUN_NAMES, MERGE_FAN_IN);
  }

  /**
   * @param spillParent where the private temporary folder of run files is created (created if missing)
   * @param runNames names per sorted run ({@link #RUN_NAMES} in production; tiny values in tests)
   * @param fanIn runs merged at once, at least 2
   */
  public DomainFeed(DomainReader reader, List<String> optOutDomains, Path spillParent, int runNames, int fanIn) {
    if (runNames < 1 || fanIn < 2) {
      throw new IllegalArgumentException("run size " + runNames + " / fan-in " + fanIn);
    }
    this.reader = reader;
    this.optOut = new HashSet<>();
    optOutDomains.forEach(d -> optOut.add(d.toLowerCase(Locale.ROOT)));
    this.spillParent = spillParent;
    this.runNames = runNames;
    this.fanIn = fanIn;
  }

  /**
   * Reads every file in order; {@code names} gets each distinct, allowed name once, in sorted order. A name that
   * occurs n times counts once as accepted or opted out and n-1 times as duplicate.
   */
  public InputTally read(List<Path> files, Consumer<String> names) throws IOException {
    InputTally tally = new InputTally();
    Spill spill = new Spill(tally);
    try {
      for (Path file : files) {
        reader.read(file, tally, spill::add);
      }
      spill.finish(name -> {
        if (optedOut(name)) {
          tally.optedOut();
        } else {
          tally.accepted();
          names.accept(name);
        }
      });
    } catch (UncheckedIOException e) {
      spill.cleanUpAfter(e.getCause());
      throw e.getCause();
    } catch (IOException | RuntimeException | Error e) {
      spill.cleanUpAfter(e);
      throw e;
    }
    spill.cleanUp();
    return tally;
  }

  private boolean optedOut(String name) {
    for (String suffix = name; ; ) {
      if (optOut.contains(suffix)) {
        return true;
      }
      int dot = suffix.indexOf('.');
      if (dot < 0) {
        return false;
      }
      suffix = suffix.substring(dot + 1);
    }
  }

  /** The sort buffer and its run files; duplicates are counted wherever two equal names meet. */
  private final class Spill {
    private final InputTally tally;
    private final List<String> buffer = new ArrayList<>();
    private final Deque<Path> runs = new ArrayDeque<>();
    private Path dir;
    private int runCount;

    Spill(InputTally tally) {
      this.tally = tally;
    }

    void add(String name) {
      buffer.add(name);
      if (buffer.size() >= runNames) {
        try {
          spillBuffer();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    /** Sorts the buffer and drops its duplicates in place. */
    private void sortBuffer() {
      Collections.sort(buffer);
      int kept = 0;
      for (int i = 0; i < buffer.size(); i++) {
        String name = buffer.get(i);
        if (kept > 0 && name.equals(buffer.get(kept - 1))) {
          tally.duplicate();
        } else {
          buffer.set(kept++, name);
        }
      }
      buffer.subList(kept, buffer.size()).clear();
    }

    private void spillBuffer() throws IOException {
      sortBuffer();
      try (Writer out = newRun()) {
        for (String name : buffer) {
          out.write(name);
          out.write('\n');
        }
      } catch (IOException e) {
        throw new IOException("cannot spill a sorted run of up to " + runNames + " names (DomainFeed.RUN_NAMES is "
            + RUN_NAMES + ") under " + spillParent + ": the dedupe needs temporary disk of about the gzip size of"
            + " the names read", e);
      }
      buffer.clear();
    }

    private Writer newRun() throws IOException {
      if (dir == null) {
        Files.createDirectories(spillParent);
        dir = Files.createTempDirectory(spillParent, "dedupe-");
      }
      Path run = dir.resolve(String.format(Locale.ROOT, "run-%06d.txt.gz", runCount++));
      runs.addLast(run);
      OutputStream file = Files.newOutputStream(run);
      return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(file, 1 << 16) {
        {
          def.setLevel(Deflater.BEST_SPEED);
        }
      }, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Emits every distinct name once, in order. */
    void finish(Consumer<String> names) throws IOException {
      sortBuffer();
      if (runs.isEmpty()) {
        buffer.forEach(names);
        buffer.clear();
        return;
      }
      if (!buffer.isEmpty()) {
        spillBuffer();
      }
      // intermediate passes: merge the oldest fan-in runs into one new run until one final merge is left
      while (runs.size() > fanIn) {
        List<Path> group = new ArrayList<>();
        for (int i = 0; i < fanIn; i++) {
          group.add(runs.removeFirst());
        }
        try (Writer out = newRun()) {
          merge(group, name -> {
            try {
              out.write(name);
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        }
        for (Path run : group) {
          Files.delete(run);
        }
      }
      List<Path> last = new ArrayList<>(runs);
      runs.clear();
      merge(last, names);
    }

    private void merge(List<Path> group, Consumer<String> names) throws IOException {
      List<BufferedReader> readers = new ArrayList<>();
      try {
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::name));
        for (Path run : group) {
          BufferedReader in = new BufferedReader(new InputStreamReader(
              new GZIPInputStream(Files.newInputStream(run), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
          readers.add(in);
          String first = in.readLine();
          if (first != null) {
            heads.add(new Head(first, in));
          }
        }
        String previous = null;
        while (!heads.isEmpty()) {
          Head head = heads.poll();
          if (head.name.equals(previous)) {
            tally.duplicate();
          } else {
            names.accept(head.name);
            previous = head.name;
          }
          String next = head.in.readLine();
          if (next != null) {
            heads.add(new Head(next, head.in));
          }
        }
      } finally {
        for (BufferedReader in : readers) {
          in.close();
        }
      }
    }

    /** Cleans up after a failure without hiding it. */
    void cleanUpAfter(Throwable failure) {
      try {
        cleanUp();
      } catch (IOException | RuntimeException e) {
        failure.addSuppressed(e);
      }
    }

    void cleanUp() throws IOException {
      buffer.clear();
      if (dir != null && Files.exists(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
          }
        }
      }
    }
  }

  private record Head(String name, BufferedReader in) {}
}
