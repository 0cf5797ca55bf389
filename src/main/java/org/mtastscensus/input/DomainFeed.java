package org.mtastscensus.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns input files into the distinct names a run scans: each file through its {@link DomainReader}, then
 * duplicates across all files dropped and opted-out names (a listed domain or any subdomain of it) removed, all
 * counted in one {@link InputTally}. The set of names seen is kept in memory: about 100 bytes per name, so a
 * driver with a few GiB handles tens of millions.
 */
public final class DomainFeed {
  private final DomainReader reader;
  private final Set<String> optOut;

  public DomainFeed(DomainReader reader, List<String> optOutDomains) {
    this.reader = reader;
    this.optOut = new HashSet<>();
    optOutDomains.forEach(d -> optOut.add(d.toLowerCase(Locale.ROOT)));
  }

  /** Reads every file in order; {@code names} gets each distinct, allowed name once, in first-seen order. */
  public InputTally read(List<Path> files, Consumer<String> names) throws IOException {
    InputTally tally = new InputTally();
    Set<String> seen = new HashSet<>();
    for (Path file : files) {
      reader.read(file, tally, name -> {
        if (!seen.add(name)) {
          tally.duplicate();
        } else if (optedOut(name)) {
          tally.optedOut();
        } else {
          tally.accepted();
          names.accept(name);
        }
      });
    }
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
}
