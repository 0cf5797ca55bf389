package org.mtastscensus.input;

import java.io.IOException;
import org.mtastscensus.names.DomainName;

/** One name per line; {@code #} starts a comment anywhere on the line, since names never contain it. */
final class PlainReader implements EntryReader {
  private final LineReader lines;
  private final InputStats stats;

  PlainReader(LineReader lines, InputStats stats) {
    this.lines = lines;
    this.stats = stats;
  }

  @Override
  public Candidate next() throws IOException {
    String line;
    while ((line = lines.readLine()) != null) {
      int hash = line.indexOf('#');
      String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (name.isEmpty() && !lines.truncated()) {
        continue;
      }
      stats.countRead();
      if (lines.truncated()) {
        stats.addMalformed(InputProblem.LINE_TOO_LONG.name(), lines.lineNumber(), line);
        continue;
      }
      return new Candidate(DomainName.normalize(name), lines.lineNumber(), line);
    }
    return null;
  }
}
