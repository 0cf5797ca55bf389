package org.mtastscensus.cli;

import java.util.Arrays;
import java.util.List;

/** The {@code mtasts} command line: one subcommand per job. Bad arguments get one clear line and exit code 2. */
public final class Main {
  private static final String USAGE = """
      usage: mtasts COMMAND [OPTIONS]
      commands:
        check    scan a few domains with the real engine (no Spark) and explain each verdict
        lint     judge a TXT record, a policy file and MX records given by hand (no network)
        sandbox  run the sandbox world (local DNS and HTTPS servers, one domain per failure mode)
        scan     scan domain lists as a Spark job into Parquet or JSON Lines with _run.json
        run      run a job definition (jobs/NAME.yaml) as a Spark job
        demo     scan the sandbox world plus a few thousand generated domains with Spark and summarise
        stats    adoption statistics of published scans (CSV, Parquet, summary.json), with changes vs --previous
        report   turn the output of mtasts stats into one self-contained HTML page (charts, tables, trends)
      Run "mtasts COMMAND --help" for the options of a command.
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args)));
  }

  /** Runs one command as typed after {@code mtasts}; also how a job chains its steps. */
  public static int run(List<String> args) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      System.out.print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    List<String> rest = args.subList(1, args.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      System.out.print(switch (args.get(0)) {
        case "lint" -> LintCommand.USAGE;
        case "check" -> CheckCommand.USAGE;
        case "sandbox" -> SandboxCommand.USAGE;
        case "report" -> org.mtastscensus.report.ReportCommand.USAGE;
        case "scan" -> org.mtastscensus.spark.ScanCommand.USAGE;
        case "demo" -> org.mtastscensus.spark.DemoCommand.USAGE;
        case "run" -> org.mtastscensus.spark.RunCommand.USAGE;
        case "stats" -> org.mtastscensus.stats.spark.StatsCommand.USAGE;
        default -> USAGE;
      });
      return 0;
    }
    return switch (args.get(0)) {
      case "check" -> CheckCommand.run(rest, System.out, System.err);
      case "lint" -> LintCommand.run(rest, System.out, System.err);
      case "sandbox" -> SandboxCommand.run(rest, System.out, System.err);
      // report reads the CSV/JSON output of stats and never loads a Spark class either
      case "report" -> org.mtastscensus.report.ReportCommand.run(rest, System.out, System.err);
      // Spark commands live in the spark package; check, lint and sandbox never load a Spark class
      case "scan" -> org.mtastscensus.spark.ScanCommand.run(rest, System.out, System.err);
      case "demo" -> org.mtastscensus.spark.DemoCommand.run(rest, System.out, System.err);
      case "run" -> org.mtastscensus.spark.RunCommand.run(rest, System.out, System.err);
      case "stats" -> org.mtastscensus.stats.spark.StatsCommand.run(rest, System.out, System.err);
      default -> {
        System.err.println("mtasts: unknown command " + args.get(0));
        System.err.print(USAGE);
        yield 2;
      }
    };
  }
}
