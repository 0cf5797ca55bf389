package org.mtastscensus.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mtastscensus.sandbox.SandboxWorld;
import org.mtastscensus.FileTrees;

/**
 * The sandbox world scanned once per test JVM by the real Spark job (catalogue plus {@link #BULK} generated
 * domains, with duplicates and malformed lines in a second input file). A scan costs tens of seconds on a shared
 * machine, so the tests that need a real scan (the scan job's own checks, stats) read this one. Lives under
 * {@code target/} and the world stops when the JVM exits.
 */
final class SandboxScan {
  // generated domains beside the catalogue: plain ones and, every tenth, correct enforce deployments
  static final int BULK = 300;

  /**
   * @param root the working directory: inputs and the dataset root {@code root/out}
   * @param published the scan directory {@code out/scan_date=.../scan_id=e2e}
   */
  record Scanned(SandboxWorld world, Path root, Path published) {}

  private static Scanned scanned;

  private SandboxScan() {}

  static synchronized Scanned get() throws Exception {
    if (scanned == null) {
      Path root = Path.of(System.getProperty("mtasts.projectDir", "."), "target", "sandbox-scan");
      FileTrees.deleteTree(root);
      Files.createDirectories(root);
      SandboxWorld world = SandboxWorld.start();
      Runtime.getRuntime().addShutdownHook(new Thread(world::close, "sandbox-scan-world-stop"));
      List<String> args = DemoCommand.sandboxScanArgs(world, root, BULK, root.resolve("out"));
      // a second input file: duplicates of the first, malformed lines and a comment
      Path extra = root.resolve("extra.txt");
      Files.write(extra, List.of("# duplicates and junk", world.cases().get(0).domain().toUpperCase(Locale.ROOT),
          world.cases().get(1).domain() + ".", "192.0.2.1", "bad..name", "under_score.example", "-lead.example"));
      args.add(args.indexOf("--out"), extra.toString());
      args.addAll(List.of("--scan-id", "e2e", "--partitions", "2", "--list-id", "sandbox-e2e"));
      ScanCommand.ParsedScan parsed = ScanCommand.parse(args);
      Path published = new ScanJob(SparkTestSession.get(), parsed.config(), line -> { }).run().dir();
      scanned = new Scanned(world, root, published);
    }
    return scanned;
  }
}
