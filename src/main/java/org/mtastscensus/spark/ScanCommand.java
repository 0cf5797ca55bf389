package org.mtastscensus.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.mtastscensus.cli.EngineArgs;
import org.mtastscensus.cli.UsageException;
import org.mtastscensus.scan.EngineOptions;

/** {@code mtasts scan}: parses the command line into a {@link ScanJobConfig} and runs {@link ScanJob}. */
public final class ScanCommand {
  public static final String USAGE = """
      usage: mtasts scan --input FILE... --out DIR [OPTIONS] [ENGINE OPTIONS]
        --input FILE...           plain domain lists (one name per line, # comments); repeatable, several files each
        --input-format F          plain (default), toplist (rank,domain CSV), zone (master file) or auto (detect)
        --list-id ID              the published ID of the input list (e.g. a Tranco list ID), kept in _run.json
        --out DIR                 dataset root: DIR/scan_date=YYYY-MM-DD/scan_id=ID/ holds the rows and _run.json
        --format parquet|json     Parquet (default) or JSON Lines with the same fields
        --scan-id ID              names the run (default scan-YYYYMMDDTHHMMSSZ); re-running an ID replaces it
        --resume                  continue an interrupted run of --scan-id from its committed chunks
        --master URL              Spark master (default: spark-submit's, else local[*])
        --partitions N            Spark partitions per chunk (default: the default parallelism)
        --chunk-size N            domains per chunk, the unit of commit and resume (default 100000)
        --progress-seconds N      progress line interval (default 5)
      engine options (as in check):
      """ + EngineArgs.USAGE;

  private ScanCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    ParsedScan parsed;
    try {
      parsed = parse(args);
    } catch (UsageException e) {
      err.println("mtasts scan: " + e.getMessage());
      err.println("Run \"mtasts scan --help\" for the options.");
      return 2;
    }
    SparkSession spark = SparkSessions.create(parsed.master(), "mtasts scan " + parsed.config().scanId());
    try {
      ScanJob.Published published = new ScanJob(spark, parsed.config(), err::println).run();
      out.println("scan " + parsed.config().scanId() + ": " + published.run().get("rows") + " rows in "
          + published.dir());
      out.println("outcomes: " + published.run().get("outcomes"));
      return 0;
    } catch (IOException e) {
      err.println("mtasts scan: " + e.getMessage());
      return 2;
    } finally {
      spark.stop();
    }
  }

  /** The job configuration and the master; the master is not part of the job (the session owns it). */
  public record ParsedScan(ScanJobConfig config, String master) {}

  public static ParsedScan parse(List<String> args) throws UsageException {
    EngineArgs engineArgs = new EngineArgs();
    List<Path> inputs = new ArrayList<>();
    Path outDir = null;
    String format = ScanJobConfig.FORMAT_DEFAULT;
    String inputFormat = ScanJobConfig.INPUT_FORMAT_DEFAULT;
    String listId = null;
    String scanId = null;
    String master = null;
    boolean resume = false;
    int partitions = 0;
    int chunkSize = ScanJobConfig.CHUNK_SIZE_DEFAULT;
    long progressSeconds = ScanJobConfig.PROGRESS_EVERY_DEFAULT.toSeconds();
    int failAfter = 0;
    for (int i = 0; i < args.size(); ) {
      String arg = args.get(i);
      int used = engineArgs.accept(args, i);
      if (used > 0) {
        i += used;
        continue;
      }
      if (arg.equals("--resume")) {
        resume = true;
        i++;
        continue;
      }
      if (arg.equals("--input")) {
        int j = i + 1;
        while (j < args.size() && !args.get(j).startsWith("--")) {
          inputs.add(Path.of(args.get(j++)));
        }
        if (j == i + 1) {
          throw new UsageException("--input needs at least one file");
        }
        i = j;
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new UsageException(arg.startsWith("--") ? arg + " needs a value" : "unexpected argument " + arg);
      }
      String value = args.get(i + 1);
      switch (arg) {
        case "--out" -> outDir = Path.of(value);
        case "--format" -> format = value;
        case "--input-format" -> inputFormat = value;
        case "--list-id" -> listId = value;
        case "--scan-id" -> scanId = value;
        case "--master" -> master = value;
        case "--partitions" -> partitions = (int) EngineArgs.number(arg, value, 1, 100_000);
        case "--chunk-size" -> chunkSize = (int) EngineArgs.number(arg, value, 1, 100_000_000);
        case "--progress-seconds" -> progressSeconds = EngineArgs.number(arg, value, 1, 3600);
        // simulates a killed driver for the resume tests; deliberately absent from the usage text
        case "--fail-after-chunks" -> failAfter = (int) EngineArgs.number(arg, value, 1, 1_000_000);
        default -> throw new UsageException("unknown option " + arg);
      }
      i += 2;
    }
    if (inputs.isEmpty()) {
      throw new UsageException("--input is required");
    }
    for (Path input : inputs) {
      if (!Files.isReadable(input)) {
        throw new UsageException("cannot read --input file " + input);
      }
    }
    if (outDir == null) {
      throw new UsageException("--out is required");
    }
    if (!format.equals("parquet") && !format.equals("json")) {
      throw new UsageException("--format takes parquet or json, got " + format);
    }
    if (!ScanJobConfig.INPUT_FORMATS.contains(inputFormat)) {
      throw new UsageException("--input-format takes " + String.join(", ", ScanJobConfig.INPUT_FORMATS) + ", got "
          + inputFormat);
    }
    if (scanId == null) {
      if (resume) {
        throw new UsageException("--resume needs the --scan-id of the interrupted run");
      }
      scanId = "scan-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(Instant.now().atZone(ZoneOffset.UTC));
    }
    EngineOptions engine = engineArgs.build();
    try {
      return new ParsedScan(new ScanJobConfig(inputs, inputFormat, listId, outDir, format, scanId, resume, partitions, chunkSize, engine,
          Duration.ofSeconds(progressSeconds), failAfter, List.copyOf(args)), master);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
