package org.mtastscensus.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;

/**
 * {@code mtasts report}: turns the output of {@code mtasts stats} into one self-contained HTML page. Spark-free.
 * Exit codes: 0 written, 1 the stats could not be read or the page not written, 2 bad arguments.
 */
public final class ReportCommand {
  public static final String USAGE = """
      usage: mtasts report STATS_DIR [--history STATS_ROOT] [--out FILE.html]
        STATS_DIR             a folder written by mtasts stats (summary.json and csv/*.csv)
        --history STATS_ROOT  draw trends from every summary.json under STATS_ROOT (same list as STATS_DIR);
                              without it, trends come from the scans of STATS_DIR itself when it holds several
        --out FILE.html       where to write the page (default: STATS_DIR/report.html)
      The page is one HTML file with inline CSS and SVG charts: no script, nothing fetched, readable offline.
      """;

  private ReportCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Path statsDir = null;
    Path history = null;
    Path target = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--history") || arg.equals("--out")) {
        if (i + 1 >= args.size() || args.get(i + 1).isEmpty()) {
          err.println("mtasts report: " + arg + " needs a value");
          return 2;
        }
        Path value = Path.of(args.get(++i));
        if (arg.equals("--history")) {
          history = value;
        } else {
          target = value;
        }
      } else if (arg.startsWith("-") && arg.length() > 1) {
        err.println("mtasts report: unknown option " + arg + " (see mtasts report --help)");
        return 2;
      } else if (statsDir != null) {
        err.println("mtasts report: one STATS_DIR only, got " + statsDir + " and " + arg);
        return 2;
      } else {
        statsDir = Path.of(arg);
      }
    }
    if (statsDir == null) {
      err.println("mtasts report: STATS_DIR is missing (usage: mtasts report STATS_DIR [--history STATS_ROOT] "
          + "[--out FILE.html])");
      return 2;
    }
    // relative paths are the caller's: the launcher keeps the working directory
    statsDir = statsDir.toAbsolutePath().normalize();
    Path file = (target == null ? statsDir.resolve("report.html") : target).toAbsolutePath().normalize();
    try {
      StatsInput in = StatsInput.load(statsDir);
      List<HistoryReader.Point> points = history != null
          ? HistoryReader.read(history.toAbsolutePath().normalize(), in.summary())
          : HistoryReader.fromSummary(in.summary());
      if (history == null && points.size() < 2) {
        points = null;
      }
      String html = ReportPage.render(in, points, version());
      write(file, html);
      out.println("report: " + file + " (" + Fmt.count((html.getBytes(StandardCharsets.UTF_8).length + 1023) / 1024)
          + " KiB, scan " + in.scan().ref().scanId() + " of " + in.scan().ref().scanDate()
          + (in.has("changes") ? "" : ", no changes table") + (points == null ? "" : ", " + points.size()
          + (points.size() == 1 ? " scan" : " scans") + " in the trend") + ")");
      return 0;
    } catch (ReportException e) {
      err.println("mtasts report: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("mtasts report: cannot write " + file + ": " + e);
      return 1;
    }
  }

  /** Written beside the target and moved into place, so that a reader never sees half a page. */
  private static void write(Path file, String html) throws IOException {
    Path dir = file.getParent();
    Files.createDirectories(dir);
    // not Files.createTempFile: its 0600 mode would make the published page unreadable to a web server
    Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
        + System.nanoTime() + ".tmp");
    try {
      Files.writeString(tmp, html, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static String version() {
    try (InputStream in = ReportCommand.class.getResourceAsStream("/org/mtastscensus/version.properties")) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("project.version");
      return v == null || v.startsWith("${") ? null : v;
    } catch (IOException e) {
      return null;
    }
  }
}
