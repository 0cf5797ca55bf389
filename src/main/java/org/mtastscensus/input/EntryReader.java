package org.mtastscensus.input;

import java.io.IOException;

/**
 * One file format. Implementations count every entry as read and report the entries that never become a name
 * (format errors, skipped zone records) themselves; what happens to names is {@link DomainInput}'s job.
 */
interface EntryReader {
  /** The next name candidate, or null at the end of the input. */
  Candidate next() throws IOException;
}
