package org.mtastscensus.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A {@link DomainReader} over the input layer's own readers ({@link DomainInputs}): top lists and zone files,
 * gzip or zip, with the format given or detected. Their per-file counts are added to the run's tally; opt-outs
 * and duplicates across files stay with {@link DomainFeed}, so every input format is counted the same way.
 */
public final class FormatReader implements DomainReader {
  private final InputFormat format;

  /** @param format the layout of every file, or null to detect it per file */
  public FormatReader(InputFormat format) {
    this.format = format;
  }

  @Override
  public void read(Path file, InputTally tally, Consumer<String> names) throws IOException {
    try (DomainInput input = DomainInputs.open(file, format, OptOutList.none())) {
      while (input.hasNext()) {
        names.accept(input.next());
      }
      InputStats stats = input.stats();
      tally.readMore(stats.read());
      tally.duplicates(stats.duplicates());
      stats.malformed().forEach((reason, count) -> tally.malformed(reason, count,
          stats.samples(reason).stream().map(InputStats.Sample::text).toList()));
      stats.skipped().forEach(tally::skipped);
    }
  }
}
