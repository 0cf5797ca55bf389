package org.mtastscensus.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.mtastscensus.cli.UsageException;
import org.mtastscensus.sandbox.SandboxWorld;
import org.mtastscensus.sandbox.WorldCase;

/**
 * {@code mtasts demo}: the whole pipeline on one machine with nothing installed. Starts the sandbox world
 * in-process, adds generated bulk domains to the catalogue's failure modes, runs the real Spark job (local mode)
 * over them and prints a summary. Nothing leaves 127.0.0.0/8.
 */
public final class DemoCommand {
  public static final String USAGE = """
      usage: mtasts demo [--out DIR] [--bulk N] [--scan-id ID] [--format parquet|json] [--partitions N]
        --out DIR        dataset root (default data/scans/demo)
        --bulk N         generated domains added to the catalogue (default 3000; every tenth enforces MTA-STS)
        --scan-id ID     default demo
      """;
  static final int BULK_DEFAULT = 3000;

  private DemoCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Path dir = Path.of("data/scans/demo");
    int bulk = BULK_DEFAULT;
    List<String> passOn = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (i + 1 >= args.size()) {
        err.println("mtasts demo: " + (arg.startsWith("--") ? arg + " needs a value" : "unexpected " + arg));
        return 2;
      }
      switch (arg) {
        case "--out" -> dir = Path.of(args.get(++i));
        case "--bulk" -> {
          try {
            bulk = Integer.parseInt(args.get(++i));
          } catch (NumberFormatException e) {
            err.println("mtasts demo: --bulk takes a number, got " + args.get(i));
            return 2;
          }
        }
        case "--scan-id", "--format", "--partitions" -> {
          passOn.add(arg);
          passOn.add(args.get(++i));
        }
        default -> {
          err.println("mtasts demo: unknown option " + arg);
          return 2;
        }
      }
    }
    if (!passOn.contains("--scan-id")) {
      passOn.addAll(List.of("--scan-id", "demo"));
    }
    try (SandboxWorld world = SandboxWorld.start()) {
      Path work = Files.createDirectories(dir.resolve("_demo-input"));
      List<String> scanArgs = sandboxScanArgs(world, work, bulk, dir);
      scanArgs.addAll(passOn);
      ScanCommand.ParsedScan parsed = ScanCommand.parse(scanArgs);
      out.println("demo: sandbox world on 127.0.0.1 (DNS port " + world.dnsAddress().getPort() + ", HTTPS port "
          + world.httpsPort() + "), " + world.cases().size() + " catalogue domains + " + bulk + " bulk domains");
      SparkSession spark = SparkSessions.create(parsed.master(), "mtasts demo");
      try {
        ScanJob.Published published = new ScanJob(spark, parsed.config(), err::println).run();
        out.println();
        out.println("output: " + published.dir() + " (Parquet partitioned by scan_date/scan_id, _run.json beside)");
        out.println();
        out.print(SummaryTable.render(published.run()));
        out.println("throughput: " + published.run().get("throughput"));
        out.println();
        out.println("next: scripts/mtasts stats " + published.dir() + "   (then mtasts report on the folder it names;"
            + " or run the whole chain with scripts/mtasts run jobs/demo.yaml)");
      } finally {
        spark.stop();
      }
      return 0;
    } catch (UsageException | IOException e) {
      err.println("mtasts demo: " + e.getMessage());
      return 2;
    }
  }

  /**
   * The scan arguments that point the engine at {@code world}, with an input file of its catalogue domains and
   * {@code bulk} generated ones written under {@code work}.
   */
  public static List<String> sandboxScanArgs(SandboxWorld world, Path work, int bulk, Path out) throws IOException {
    Path ca = world.writeCaPem(work.resolve("sandbox-ca.pem"));
    Path input = work.resolve("domains.txt");
    List<String> lines = new ArrayList<>();
    lines.add("# sandbox catalogue: one domain per failure mode");
    world.cases().stream().map(WorldCase::domain).forEach(lines::add);
    lines.add("# generated bulk domains");
    lines.addAll(world.addBulk("demo", bulk));
    Files.write(input, lines);
    List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--out", out.toString()));
    args.addAll(world.scanArguments(ca));
    return args;
  }
}
