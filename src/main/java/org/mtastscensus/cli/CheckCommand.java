package org.mtastscensus.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mtastscensus.input.DomainInput;
import org.mtastscensus.input.DomainInputs;
import org.mtastscensus.input.InputRejectedException;
import org.mtastscensus.input.InputStats;
import org.mtastscensus.names.DomainName;
import org.mtastscensus.scan.EngineOptions;
import org.mtastscensus.scan.ResolverUnavailableException;
import org.mtastscensus.scan.ScanEngine;
import org.mtastscensus.scan.ScanResult;
import org.mtastscensus.schema.JsonRows;
import org.mtastscensus.verdict.Outcome;
import org.mtastscensus.verdict.Severity;

/**
 * {@code mtasts check DOMAIN...}: scans a few domains with the real engine, without Spark, and explains each
 * verdict. Exit codes: 0 all checked and nothing wrong, 1 at least one domain has a problem or could not be
 * decided, 2 bad arguments or unreadable input, 3 the resolver stopped answering.
 */
final class CheckCommand {
  static final String USAGE = """
      usage: mtasts check [OPTIONS] DOMAIN... | --input FILE
        --input FILE              domains to check: a plain list (# comments), a top list (rank,domain CSV)
                                  or a zone file (NS owners), plain, gzip or zip; malformed lines are skipped
        --json                    JSON Lines: one object per domain, the result schema of docs/schema.md
      """ + EngineArgs.USAGE;

  private CheckCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err) {
    try {
      return check(args, out, err);
    } catch (UsageException e) {
      err.println("mtasts check: " + e.getMessage());
      err.println("Run \"mtasts check --help\" for the options.");
      return 2;
    }
  }

  private static int check(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    EngineArgs engineArgs = new EngineArgs();
    List<String> names = new ArrayList<>();
    boolean json = false;
    for (int i = 0; i < args.size(); ) {
      String arg = args.get(i);
      int used = engineArgs.accept(args, i);
      if (used > 0) {
        i += used;
      } else if (arg.equals("--json")) {
        json = true;
        i++;
      } else if (arg.equals("--input")) {
        if (i + 1 >= args.size()) {
          throw new UsageException("--input needs a file");
        }
        names.addAll(readInput(args.get(i + 1), err));
        i += 2;
      } else if (arg.startsWith("-")) {
        throw new UsageException("unknown option " + arg);
      } else {
        names.add(arg);
        i++;
      }
    }
    if (names.isEmpty()) {
      throw new UsageException("no domain given");
    }
    Set<String> domains = new LinkedHashSet<>();
    for (String name : names) {
      DomainName.Result normalized = DomainName.normalize(name);
      if (!normalized.valid()) {
        throw new UsageException("invalid domain \"" + name + "\": " + normalized.problem().meaning());
      }
      domains.add(normalized.name());
    }
    EngineOptions options = engineArgs.build();
    return scan(options, domains, json, out, err);
  }

  private static int scan(EngineOptions options, Set<String> domains, boolean json, PrintStream out, PrintStream err) {
    int problems = 0;
    try (ScanEngine engine = new ScanEngine(options)) {
      // results arrive in completion order; print them in input order, each as soon as its turn comes
      List<String> order = new ArrayList<>(domains);
      Map<String, ScanResult> waiting = new HashMap<>();
      int next = 0;
      Iterator<ScanResult> results = engine.scan(domains.iterator());
      while (results.hasNext()) {
        ScanResult result = results.next();
        waiting.put(result.domain(), result);
        while (next < order.size() && waiting.containsKey(order.get(next))) {
          ScanResult ready = waiting.remove(order.get(next++));
          print(ready, json, out);
          if (hasProblem(ready)) {
            problems++;
          }
        }
      }
    } catch (ResolverUnavailableException e) {
      out.flush();
      err.println("mtasts check: stopped: " + e.getMessage());
      return 3;
    }
    return problems == 0 ? 0 : 1;
  }

  private static void print(ScanResult result, boolean json, PrintStream out) {
    if (json) {
      out.println(JsonRows.toJson(result));
    } else {
      CheckReport.print(result, out);
      out.println();
    }
  }

  private static boolean hasProblem(ScanResult result) {
    Outcome outcome = result.verdict().outcome();
    boolean badOutcome = switch (outcome) {
      case VALID_ENFORCE, VALID_TESTING, VALID_NONE, NO_RECORD, NO_DOMAIN -> false;
      case RECORD_INVALID, POLICY_UNAVAILABLE, POLICY_INVALID, UNDETERMINED -> true;
    };
    return badOutcome || result.verdict().findings().stream().anyMatch(f -> {
      Severity severity = f.code().severity();
      return severity == Severity.BREAKS_DELIVERY || severity == Severity.WEAKENED
          || severity == Severity.POLICY_IGNORED;
    });
  }

  /**
   * Reads domains from a plain list, a top list (rank,domain CSV) or a zone file, gzip or zip or not. Malformed
   * lines are skipped and summarised on stderr with samples: one bad line must not cost a whole check.
   */
  static List<String> readInput(String file, PrintStream err) throws UsageException {
    List<String> names = new ArrayList<>();
    try (DomainInput input = DomainInputs.open(Path.of(file), null, null)) {
      input.forEachRemaining(names::add);
      InputStats stats = input.stats();
      if (stats.malformedTotal() > 0) {
        StringBuilder line = new StringBuilder("mtasts check: " + file + ": skipped " + stats.malformedTotal()
            + " malformed line(s):");
        stats.malformed().forEach((reason, count) -> {
          line.append(' ').append(reason).append('=').append(count);
          stats.samples(reason).stream().findFirst()
              .ifPresent(sample -> line.append(" (line ").append(sample.line()).append(": \"")
                  .append(sample.text()).append("\")"));
        });
        err.println(line);
      }
    } catch (IOException | InputRejectedException e) {
      throw new UsageException("cannot read --input file " + file + ": " + e.getMessage());
    }
    return names;
  }
}
