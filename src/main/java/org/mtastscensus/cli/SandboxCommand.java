package org.mtastscensus.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtastscensus.sandbox.SandboxWorld;
import org.mtastscensus.sandbox.WorldCase;

/**
 * {@code mtasts sandbox}: runs the sandbox world in the foreground so that {@code mtasts check} (or any other
 * client) can be pointed at it, or, with {@code --check}, checks all of its domains at once and compares each
 * verdict with the expected one. Everything stays on 127.0.0.0/8.
 */
final class SandboxCommand {
  static final String USAGE = """
      usage: mtasts sandbox [--dir DIR] [--check [--json] [CHECK OPTIONS]] [--seconds N]
        --dir DIR      where to write the CA certificate and the domain list (default: a new temporary folder)
        --check        check every sandbox domain with the real engine and compare with the expected verdicts
        --seconds N    without --check: stop after N seconds (default: run until interrupted)
      """;

  private SandboxCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err) {
    Path dir = null;
    boolean check = false;
    long seconds = -1;
    List<String> checkArgs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--check" -> check = true;
        case "--dir", "--seconds" -> {
          if (i + 1 >= args.size()) {
            err.println("mtasts sandbox: " + arg + " needs a value");
            return 2;
          }
          String value = args.get(++i);
          if (arg.equals("--dir")) {
            dir = Path.of(value);
          } else {
            try {
              seconds = Long.parseLong(value);
            } catch (NumberFormatException e) {
              err.println("mtasts sandbox: --seconds takes a number, got " + value);
              return 2;
            }
          }
        }
        default -> checkArgs.add(arg);
      }
    }
    if (!check && !checkArgs.isEmpty()) {
      err.println("mtasts sandbox: unknown option " + checkArgs.get(0));
      return 2;
    }
    try (SandboxWorld world = SandboxWorld.start()) {
      Path folder = dir == null ? Files.createTempDirectory("mtasts-sandbox") : Files.createDirectories(dir);
      Path ca = world.writeCaPem(folder.resolve("sandbox-ca.pem"));
      Path domains = folder.resolve("domains.txt");
      Files.write(domains, world.cases().stream().map(WorldCase::domain).toList());
      List<String> pointAt = world.scanArguments(ca);
      if (check) {
        List<String> all = new ArrayList<>(pointAt);
        all.addAll(checkArgs);
        all.add("--input");
        all.add(domains.toString());
        int code = CheckCommand.run(all, out, err);
        return code == 1 ? 0 : code; // the sandbox is broken on purpose: problems are the expected result
      }
      out.println("sandbox world running: " + world.cases().size() + " domains, listed in " + domains);
      out.println("check them with:");
      out.println("  scripts/mtasts check " + String.join(" ", pointAt) + " --input " + domains);
      out.flush();
      if (seconds < 0) {
        Thread.currentThread().join();
      } else {
        Thread.sleep(seconds * 1000);
      }
      return 0;
    } catch (IOException e) {
      err.println("mtasts sandbox: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
