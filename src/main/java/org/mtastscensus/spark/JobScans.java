package org.mtastscensus.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The complete scans of one job under a dataset root ({@code ROOT/scan_date=D/scan_id=ID/} with a {@code _run.json},
 * which a scan writes only when it finished). A job's scans are those whose ID is the job's name followed by a dash
 * (the default NAME-YYYYMMDD) or equals the job's fixed scan ID.
 */
final class JobScans {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One finished scan folder, ordered by scan date and then by start time. */
  record Scan(Path dir, String scanDate, String scanId, String startedAt) {}

  private JobScans() {}

  static List<Scan> list(Path root, String jobName, String fixedScanId) throws IOException {
    List<Scan> scans = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return scans;
    }
    try (Stream<Path> dates = Files.list(root)) {
      for (Path dateDir : dates.filter(p -> p.getFileName().toString().startsWith("scan_date=")).toList()) {
        try (Stream<Path> ids = Files.list(dateDir)) {
          for (Path idDir : ids.filter(p -> p.getFileName().toString().startsWith("scan_id=")).toList()) {
            String id = idDir.getFileName().toString().substring("scan_id=".length());
            boolean ours = id.startsWith(jobName + "-") || id.equals(fixedScanId);
            Path runFile = idDir.resolve("_run.json");
            if (ours && Files.isRegularFile(runFile)) {
              scans.add(new Scan(idDir, dateDir.getFileName().toString().substring("scan_date=".length()), id,
                  startedAt(runFile)));
            }
          }
        }
      }
    }
    scans.sort(Comparator.comparing(Scan::scanDate).thenComparing(Scan::startedAt));
    return scans;
  }

  /** The newest finished scan of the job that started before {@code current}; empty on the first run. */
  static Optional<Scan> previous(List<Scan> scans, Path current) {
    Path here = current.toAbsolutePath().normalize();
    Optional<Scan> mine = scans.stream().filter(s -> s.dir().toAbsolutePath().normalize().equals(here)).findFirst();
    Scan result = null;
    for (Scan scan : scans) {
      if (scan.dir().toAbsolutePath().normalize().equals(here)) {
        continue;
      }
      boolean earlier = mine.isEmpty() || Comparator.comparing(Scan::scanDate).thenComparing(Scan::startedAt)
          .compare(scan, mine.get()) < 0;
      if (earlier) {
        result = scan;
      }
    }
    return Optional.ofNullable(result);
  }

  private static String startedAt(Path runFile) throws IOException {
    JsonNode run = JSON.readTree(runFile.toFile());
    // an unreadable start time sorts first rather than hiding the scan
    return run.path("started_at").asText("");
  }
}
