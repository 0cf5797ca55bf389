package org.mtastscensus.stats.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.mtastscensus.cli.EngineArgs;
import org.mtastscensus.cli.UsageException;
import org.mtastscensus.spark.SparkSessions;
import org.mtastscensus.stats.ScanInfo;
import org.mtastscensus.stats.StatsException;
import org.mtastscensus.stats.StatsOutput;

/** {@code mtasts stats}: adoption statistics of published scans, as CSV, Parquet and summary.json. */
public final class StatsCommand {
  public static final String USAGE = """
      usage: mtasts stats SCAN_DIR [SCAN_DIR...] [--previous SCAN_DIR] [--out DIR] [--psl FILE] [--top N]
        SCAN_DIR            a scan as written by mtasts scan: .../scan_date=YYYY-MM-DD/scan_id=ID/ with _run.json;
                            several give rows for each scan in every table
        --previous SCAN_DIR an earlier scan: adds the changes and change_domains tables (vs the last SCAN_DIR)
        --out DIR           output directory, replaced if it holds an earlier stats output
                            (default data/stats/scan_date=DATE/scan_id=ID/ of the last SCAN_DIR)
        --psl FILE          Public Suffix List (default: the bundled data/reference/public_suffix_list.dat)
        --top N             provider tables keep the N largest groups plus one (other) row (default 100)
        --master URL        Spark master (default: spark-submit's, else local[*])
      Writes DIR/summary.json, DIR/csv/TABLE.csv and DIR/parquet/TABLE/ (tables: docs/stats.md).
      """;
  static final String BUNDLED_PSL = "data/reference/public_suffix_list.dat";
  static final int TOP_DEFAULT = 100;

  private StatsCommand() {}

  /** The parsed command line. */
  public record Parsed(StatsJob.Options options, String master) {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Parsed parsed;
    try {
      parsed = parse(args);
    } catch (UsageException e) {
      err.println("mtasts stats: " + e.getMessage());
      err.println("Run \"mtasts stats --help\" for the options.");
      return 2;
    } catch (StatsException e) {
      err.println("mtasts stats: " + e.getMessage());
      return 1;
    }
    SparkSession spark = SparkSessions.create(parsed.master(), "mtasts stats");
    try {
      return run(spark, parsed.options(), out, err);
    } finally {
      spark.stop();
    }
  }

  /** Runs on a given session (tests share one); 0 when written, 1 with one line on {@code err} otherwise. */
  public static int run(SparkSession spark, StatsJob.Options options, PrintStream out, PrintStream err) {
    try {
      StatsJob.Result result = new StatsJob(spark, options, err::println).run();
      out.println("stats written to " + result.out() + " (" + result.data().tables().size() + " tables)");
      return 0;
    } catch (StatsException | IOException e) {
      err.println("mtasts stats: " + e.getMessage());
      return 1;
    } catch (Exception e) { // NOPMD: Spark throws its SparkException undeclared
      // Spark reports unreadable part files this way; the first line names the file
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
      err.println("mtasts stats: failed: " + message);
      return 1;
    }
  }

  /**
   * Checks the arguments and the scans' {@code _run.json} before any Spark session starts.
   *
   * @throws StatsException when a scan directory or the PSL cannot be used (exit 1, the path is named)
   */
  public static Parsed parse(List<String> args) throws UsageException, StatsException {
    List<Path> scans = new ArrayList<>();
    Path previous = null;
    Path out = null;
    Path psl = null;
    String master = null;
    int top = TOP_DEFAULT;
    for (int i = 0; i < args.size(); ) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        scans.add(Path.of(arg));
        i++;
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new UsageException(arg + " needs a value");
      }
      String value = args.get(i + 1);
      switch (arg) {
        case "--previous" -> previous = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--psl" -> psl = Path.of(value);
        case "--top" -> top = (int) EngineArgs.number(arg, value, 1, 1_000_000);
        case "--master" -> master = value;
        default -> throw new UsageException("unknown option " + arg);
      }
      i += 2;
    }
    if (scans.isEmpty()) {
      throw new UsageException("at least one SCAN_DIR is required");
    }
    ScanInfo last = null;
    for (Path scan : scans) {
      last = ScanInfo.read(scan);
    }
    if (previous != null) {
      ScanInfo.read(previous);
    }
    if (out == null) {
      out = Path.of("data", "stats", "scan_date=" + last.scanDate(), "scan_id=" + last.scanId());
    }
    StatsOutput.checkReplaceable(out);
    String pslSource = psl == null ? BUNDLED_PSL : psl.toString();
    if (psl == null) {
      psl = projectDir().resolve(BUNDLED_PSL);
    }
    if (!Files.isReadable(psl)) {
      throw new StatsException("cannot read the Public Suffix List " + psl + " (give one with --psl FILE)");
    }
    return new Parsed(new StatsJob.Options(List.copyOf(scans), previous, out, psl, pslSource, top), master);
  }

  /**
   * The project checkout: {@code mtasts.projectDir} when set (tests), else two levels above the jar or classes
   * directory ({@code target/mta-sts-census.jar}, {@code target/classes}), so the default PSL does not depend on
   * the caller's directory.
   */
  static Path projectDir() {
    String property = System.getProperty("mtasts.projectDir");
    if (property != null) {
      return Path.of(property);
    }
    try {
      Path code = Path.of(StatsCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = code.getParent() == null ? null : code.getParent().getParent();
      return root == null ? Path.of(".") : root;
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Path.of(".");
    }
  }
}
