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

/** {@code mtasts run jobs/NAME.yaml}: loads a {@link JobSpec} and runs it as a scan. */
public final class RunCommand {
  public static final String USAGE = "usage: mtasts run JOB.yaml\njob file keys:\n" + JobSpec.describeKeys();

  private RunCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.size() != 1) {
      err.println("mtasts run: give exactly one job file, e.g. mtasts run jobs/demo.yaml");
      return 2;
    }
    try {
      JobSpec spec = JobSpec.load(Path.of(args.get(0)));
      List<String> scanArgs = new ArrayList<>(spec.scanArgs());
      if (!spec.sandbox()) {
        return execute(spec, ScanCommand.parse(scanArgs), out, err);
      }
      try (SandboxWorld world = SandboxWorld.start()) {
        Path out0 = Path.of(scanArgs.get(scanArgs.indexOf("--out") + 1));
        Path work = Files.createDirectories(out0.resolve("_" + spec.name() + "-input"));
        List<String> all = DemoCommand.sandboxScanArgs(world, work, spec.sandboxBulk(), out0);
        all.addAll(scanArgs);
        out.println("run " + spec.file() + ": sandbox world with " + world.cases().size() + " catalogue + "
            + spec.sandboxBulk() + " bulk domains");
        return execute(spec, ScanCommand.parse(all), out, err);
      }
    } catch (UsageException e) {
      err.println("mtasts run: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("mtasts run: " + e.getMessage());
      return 2;
    }
  }

  private static int execute(JobSpec spec, ScanCommand.ParsedScan parsed, PrintStream out, PrintStream err)
      throws IOException {
    SparkSession spark = SparkSessions.create(parsed.master(), "mtasts run " + parsed.config().scanId());
    ScanJob.Published published;
    try {
      published = new ScanJob(spark, parsed.config(), err::println).run();
      out.println("output: " + published.dir());
      out.print(SummaryTable.render(published.run()));
    } finally {
      // the chained steps start sessions of their own
      spark.stop();
    }
    return JobChain.afterScan(spec, parsed.config().scanId(), published.dir(), out, err);
  }
}
