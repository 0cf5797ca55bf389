package org.mtastscensus.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads one input file as a stream of normalised domain names. A malformed line is counted in the tally and
 * skipped, never fatal: one bad line in a zone file of millions must not stop a census. Implementations stream
 * (no whole file in memory), so that zone files and top lists of any size go through the same seam.
 */
public interface DomainReader {
  /**
   * @param file the input
   * @param tally where lines read and malformed lines (by reason, with samples) are counted
   * @param names receives each valid name, normalised (A-label, lower case, no trailing dot), in file order
   */
  void read(Path file, InputTally tally, Consumer<String> names) throws IOException;
}
