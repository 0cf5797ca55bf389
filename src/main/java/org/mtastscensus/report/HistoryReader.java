package org.mtastscensus.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Collects the headlines of earlier scans for trends: every summary.json under a stats root. Only scans of the
 * same list as the reported scan are kept, since top-list and zone-file adoption differ by orders of magnitude
 * and must not share a line (Scheitle et al., IMC 2018).
 */
final class HistoryReader {
  /** Deep enough for data/stats/scan_date=…/scan_id=…/summary.json under any reasonable root. */
  static final int MAX_DEPTH = 8;

  record Point(ScanRef ref, Headline headline) {}

  private HistoryReader() {}

  static List<Point> read(Path root, Summary current) throws ReportException {
    if (!Files.isDirectory(root)) {
      throw new ReportException("--history " + root + ": not a directory");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
      files = walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals("summary.json"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ReportException("--history " + root + ": cannot be listed: " + e.getMessage(), e);
    }
    Map<ScanRef, Point> points = new LinkedHashMap<>();
    for (Path file : files) {
      Summary summary = SummaryReader.read(file, root.relativize(file).toString());
      for (ScanInfo scan : summary.scans()) {
        points.put(scan.ref(), new Point(scan.ref(), scan.headline()));
      }
    }
    return sameList(points, current);
  }

  /**
   * Without --history: the scans of the reported stats folder itself (mtasts stats takes several scan folders),
   * or an empty list when it holds one scan.
   */
  static List<Point> fromSummary(Summary current) {
    return sameList(new LinkedHashMap<>(), current);
  }

  private static List<Point> sameList(Map<ScanRef, Point> points, Summary current) {
    // the reported scans always count, whether or not their folder lies under the root
    for (ScanInfo scan : current.scans()) {
      points.put(scan.ref(), new Point(scan.ref(), scan.headline()));
    }
    String list = current.mainScan().ref().list();
    List<Point> sameList = new ArrayList<>();
    for (Point p : points.values()) {
      if (p.ref().list().equals(list)) {
        sameList.add(p);
      }
    }
    sameList.sort(Comparator.comparing((Point p) -> p.ref().scanDate()).thenComparing(p -> p.ref().scanId()));
    return sameList;
  }
}
