package org.mtastscensus.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.mtastscensus.FileTrees;

/**
 * The retention rule of a recurring job: its scan folders dated more than N days before today are deleted after a
 * successful run. Only the job's own finished scans are touched (other jobs may share the dataset root), never the
 * scans the run just wrote or compared against.
 */
final class ScanRetention {
  private ScanRetention() {}

  /** Deletes and returns the expired scan folders. */
  static List<Path> apply(List<JobScans.Scan> scans, int days, LocalDate today, Set<Path> keep, PrintStream out)
      throws IOException {
    List<Path> deleted = new ArrayList<>();
    if (days <= 0) {
      return deleted;
    }
    String oldestKept = today.minusDays(days).toString();
    Set<Path> protectedDirs = new java.util.HashSet<>();
    keep.forEach(p -> protectedDirs.add(p.toAbsolutePath().normalize()));
    for (JobScans.Scan scan : scans) {
      if (scan.scanDate().compareTo(oldestKept) >= 0 || protectedDirs.contains(scan.dir().toAbsolutePath().normalize())) {
        continue;
      }
      FileTrees.deleteTree(scan.dir());
      deleted.add(scan.dir());
      out.println("retention: deleted " + scan.dir() + " (scan_date " + scan.scanDate() + " is more than " + days
          + " days before " + today + ")");
      Path dateDir = scan.dir().getParent();
      try (Stream<Path> left = Files.list(dateDir)) {
        if (left.findAny().isEmpty()) {
          Files.delete(dateDir);
        }
      }
    }
    return deleted;
  }

}
