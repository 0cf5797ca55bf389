package org.mtastscensus.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mtastscensus.cli.Main;

/**
 * What a job does after its scan, in order: statistics (against the previous scan of the same job), the report,
 * then retention. Each step runs the same command a person would type, so a chained run and a manual one produce
 * the same files; a failing step stops the chain before anything is deleted.
 */
final class JobChain {
  private JobChain() {}

  static int afterScan(JobSpec spec, String scanId, Path scanDir, PrintStream out, PrintStream err)
      throws IOException {
    Path scansRoot = scanDir.getParent().getParent();
    List<JobScans.Scan> scans = JobScans.list(scansRoot, spec.name(), scanId);
    Set<Path> keep = new HashSet<>(Set.of(scanDir));
    if (spec.stats()) {
      String date = scanDir.getParent().getFileName().toString();
      Path statsDir = Path.of(spec.statsOut()).resolve(date).resolve("scan_id=" + scanId);
      List<String> stats = new ArrayList<>(List.of("stats", scanDir.toString(), "--out", statsDir.toString()));
      Optional<Path> previous = previous(spec, scans, scanDir);
      if (previous.isPresent()) {
        stats.addAll(List.of("--previous", previous.get().toString()));
        keep.add(previous.get());
        out.println("job " + spec.name() + ": statistics against the previous scan " + previous.get());
      } else {
        out.println("job " + spec.name() + ": statistics without a comparison (" + (spec.previous().equals("none")
            ? "previous: none" : "no earlier complete scan of this job under " + scansRoot) + ")");
      }
      int code = Main.run(stats);
      if (code != 0) {
        err.println("job " + spec.name() + ": mtasts stats failed (exit " + code + "); report and retention skipped");
        return code;
      }
      if (spec.report()) {
        code = Main.run(List.of("report", statsDir.toString(), "--history", spec.statsOut(),
            "--out", statsDir.resolve("report.html").toString()));
        if (code != 0) {
          err.println("job " + spec.name() + ": mtasts report failed (exit " + code + "); retention skipped");
          return code;
        }
      }
    }
    ScanRetention.apply(scans, spec.retentionDays(), LocalDate.now(ZoneOffset.UTC), keep, out);
    return 0;
  }

  private static Optional<Path> previous(JobSpec spec, List<JobScans.Scan> scans, Path scanDir) {
    return switch (spec.previous()) {
      case "none" -> Optional.empty();
      case "auto" -> JobScans.previous(scans, scanDir).map(JobScans.Scan::dir);
      default -> Optional.of(Path.of(spec.previous()));
    };
  }
}
