package org.mtastscensus.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one way in: open a file (or stream) as a {@link DomainInput}. */
public final class DomainInputs {
  private DomainInputs() {}

  /** Opens {@code path}; a null {@code format} is detected, a null {@code optOut} opts nobody out. */
  public static DomainInput open(Path path, InputFormat format, OptOutList optOut) throws IOException {
    return open(path, format, optOut, null);
  }

  /** As {@link #open(Path, InputFormat, OptOutList)}, recording {@code listId} (e.g. a Tranco list id). */
  public static DomainInput open(Path path, InputFormat format, OptOutList optOut, String listId)
      throws IOException {
    return open(Files.newInputStream(path), path.getFileName().toString(), format, optOut, listId);
  }

  /**
   * Opens a stream the caller got elsewhere (Hadoop file systems, tests). {@code sourceName} names the input in
   * stats and messages and helps format detection; the returned input closes {@code raw}.
   */
  public static DomainInput open(InputStream raw, String sourceName, InputFormat format, OptOutList optOut,
      String listId) throws IOException {
    try {
      return openUnwrapped(raw, sourceName, format, optOut, listId);
    } catch (IOException | RuntimeException e) {
      // Nothing was returned that could close it: a corrupt gzip header must not leak a file handle.
      raw.close();
      throw e;
    }
  }

  private static DomainInput openUnwrapped(InputStream raw, String sourceName, InputFormat format,
      OptOutList optOut, String listId) throws IOException {
    Decompression.Opened opened = Decompression.open(raw, sourceName);
    InputFormat actual = format != null ? format : FormatDetector.detect(opened.innerName(), opened.stream());
    InputStats stats = new InputStats(sourceName, actual, listId);
    stats.container(opened.container());
    // The decoder replaces malformed UTF-8: a bad byte spoils one name (NOT_LDH), not the whole read.
    LineReader lines = new LineReader(new InputStreamReader(opened.stream(), StandardCharsets.UTF_8), stats);
    EntryReader reader = switch (actual) {
      case PLAIN -> new PlainReader(lines, stats);
      case TOPLIST -> new TopListReader(lines, stats);
      case ZONE -> new ZoneReader(lines, stats, sourceName, ZoneNames.zoneNameGuess(opened.innerName()));
    };
    return new DomainInput(reader, stats, optOut == null ? OptOutList.none() : optOut, lines);
  }
}
