package org.mtastscensus.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a job's previous scan and pruning its old ones, on scan folders laid out as the Spark job writes them. */
class JobScansTest {
  @TempDir
  Path root;

  private Path scan(String date, String id, String startedAt, boolean finished) throws IOException {
    Path dir = Files.createDirectories(root.resolve("scan_date=" + date).resolve("scan_id=" + id));
    Files.writeString(dir.resolve("part-00000.parquet"), "rows");
    if (finished) {
      Files.writeString(dir.resolve("_run.json"), "{\"started_at\": \"" + startedAt + "\"}");
    }
    return dir;
  }

  @Test
  void previousIsTheNewestEarlierFinishedScanOfTheSameJob() throws Exception {
    scan("2026-11-20", "nightly-20261120", "2026-11-20T07:30:00Z", true);
    Path expected = scan("2026-11-26", "nightly-20261126", "2026-11-26T07:30:00Z", true);
    scan("2026-11-27", "nightly-20261127", "2026-11-27T07:30:00Z", false); // interrupted: no _run.json
    scan("2026-11-27", "weekly-20261127", "2026-11-27T01:00:00Z", true); // another job
    scan("2026-11-27", "nightlyx-20261127", "2026-11-27T01:00:00Z", true); // a name that only starts alike
    Path current = scan("2026-11-28", "nightly-20261128", "2026-11-28T07:30:00Z", true);

    List<JobScans.Scan> scans = JobScans.list(root, "nightly", "nightly-20261128");
    assertThat(scans).extracting(JobScans.Scan::scanId)
        .containsExactly("nightly-20261120", "nightly-20261126", "nightly-20261128");
    assertThat(JobScans.previous(scans, current)).map(JobScans.Scan::dir).contains(expected);
  }

  @Test
  void aFixedScanIdComparesWithItsOwnEarlierDatesAndTheFirstRunHasNoPrevious() throws Exception {
    Path first = scan("2026-11-27", "zone-com", "2026-11-27T07:00:00Z", true);
    Path second = scan("2026-11-28", "zone-com", "2026-11-28T07:00:00Z", true);
    List<JobScans.Scan> scans = JobScans.list(root, "nightly", "zone-com");
    assertThat(JobScans.previous(scans, second)).map(JobScans.Scan::dir).contains(first);
    assertThat(JobScans.previous(scans, first)).isEmpty();
    assertThat(JobScans.list(root.resolve("missing"), "nightly", "zone-com")).isEmpty();
  }

  @Test
  void retentionDeletesOnlyTheJobsExpiredScansAndKeepsTheOnesInUse() throws Exception {
    Path ancient = scan("2026-10-01", "nightly-20261001", "2026-10-01T07:00:00Z", true);
    Path oldButCompared = scan("2026-10-02", "nightly-20261002", "2026-10-02T07:00:00Z", true);
    Path edge = scan("2026-11-14", "nightly-20261114", "2026-11-14T07:00:00Z", true);
    Path recent = scan("2026-11-27", "nightly-20261127", "2026-11-27T07:00:00Z", true);
    Path otherJob = scan("2026-10-01", "weekly-20261001", "2026-10-01T01:00:00Z", true);
    ByteArrayOutputStream said = new ByteArrayOutputStream();

    List<Path> deleted = ScanRetention.apply(JobScans.list(root, "nightly", "nightly-20261128"), 14,
        LocalDate.parse("2026-11-28"), Set.of(oldButCompared), new PrintStream(said, true, StandardCharsets.UTF_8));

    assertThat(deleted).containsExactly(ancient);
    assertThat(ancient).doesNotExist();
    assertThat(oldButCompared).exists();
    assertThat(edge).exists(); // exactly 14 days before today is kept
    assertThat(recent).exists();
    assertThat(otherJob).exists();
    assertThat(root.resolve("scan_date=2026-10-01")).exists(); // still holds the other job's scan
    assertThat(said.toString(StandardCharsets.UTF_8)).contains("retention: deleted", "nightly-20261001");
  }

  @Test
  void retentionZeroKeepsEverythingAndEmptyDateFoldersGo() throws Exception {
    Path ancient = scan("2026-01-01", "nightly-20260101", "2026-01-01T07:00:00Z", true);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    List<JobScans.Scan> scans = JobScans.list(root, "nightly", "n");
    assertThat(ScanRetention.apply(scans, 0, LocalDate.parse("2026-11-28"), Set.of(), quiet)).isEmpty();
    assertThat(ancient).exists();
    assertThat(ScanRetention.apply(scans, 30, LocalDate.parse("2026-11-28"), Set.of(), quiet)).hasSize(1);
    assertThat(root.resolve("scan_date=2026-01-01")).doesNotExist();
  }
}
