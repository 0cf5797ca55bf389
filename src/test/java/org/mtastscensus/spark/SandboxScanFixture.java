package org.mtastscensus.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.mtastscensus.cli.UsageException;
import org.mtastscensus.sandbox.SandboxWorld;
import org.mtastscensus.sandbox.WorldCase;
import scala.jdk.javaapi.CollectionConverters;
import org.mtastscensus.FileTrees;

/**
 * Real scan output for the tests that read it (dashboard SQL, statistics): two scans of the sandbox world,
 * written by {@link ScanJob} in the shared Spark session into one output root, made once per test JVM. Scanning
 * costs tens of seconds on two cores, so readers share this instead of scanning again.
 *
 * <p>Scan {@value #SCAN_A}: every catalogue domain (one per failure mode) plus {@value #BULK_A} generated ones.
 * Scan {@value #SCAN_B}: one catalogue domain per distinct outcome plus {@value #BULK_B} other generated ones, under
 * another list label, so that per-scan grouping is exercised. Both carry today's scan date. Both also scan
 * {@value #LATER} names that exist only from scan B on, so that B compared with A has new adopters.
 */
public final class SandboxScanFixture {
  public static final String SCAN_A = "fixture-a";
  public static final String SCAN_B = "fixture-b";
  public static final String LIST_A = "sandbox-all";
  public static final String LIST_B = "sandbox-sample";
  static final int BULK_A = 200;
  static final int BULK_B = 60;
  /** Names scanned in both: absent from DNS during A, published before B (two become enforce adopters). */
  public static final int LATER = 20;
  static final String LATER_PREFIX = "later";

  /** One domain row, with the columns the readers' checks need; scan_date and scan_id come from the folders. */
  public record ScanRow(String scanDate, String scanId, String domain, String outcome, String outcomeLenient,
      boolean recordValid, String deliveryRisk, List<String> findings, List<String> policyHostCnameChain) {}

  /**
   * dirs maps each scan ID to its published folder ({@code .../scan_date=D/scan_id=ID}); readers copy or point at
   * those folders, not at a common root, so the scans may come from different outputs.
   */
  public record Scans(Map<String, Path> dirs, List<ScanRow> rows) {}

  private static Scans scans;

  private SandboxScanFixture() {}

  /** The tests' shared Spark session, for readers of the fixture in other packages; never stop it. */
  public static org.apache.spark.sql.SparkSession spark() {
    return SparkTestSession.get();
  }

  public static synchronized Scans get() {
    if (scans == null) {
      try {
        scans = scan();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return scans;
  }

  private static Scans scan() throws IOException {
    Path base = Path.of(System.getProperty("mtasts.projectDir", "."), "target", "sandbox-scan-fixture");
    FileTrees.deleteTree(base);
    Path work = Files.createDirectories(base.resolve("work"));
    Path root = base.resolve("scans");
    Map<String, Path> dirs = new LinkedHashMap<>();
    try (SandboxWorld world = SandboxWorld.start()) {
      List<String> argsA = DemoCommand.sandboxScanArgs(world, Files.createDirectories(work.resolve("a")), BULK_A, root);
      // names that do not exist yet (NO_DOMAIN in A) and are published before B: B's changes against A
      Path later = work.resolve("a").resolve("later.txt");
      Files.write(later, laterNames());
      argsA.add(argsA.indexOf("--out"), later.toString());
      argsA.addAll(List.of("--scan-id", SCAN_A, "--list-id", LIST_A, "--partitions", "2"));
      dirs.put(SCAN_A, run(argsA));

      Path inputB = Files.createDirectories(work.resolve("b")).resolve("sample.txt");
      List<String> namesB = new ArrayList<>();
      Map<String, String> onePerOutcome = new LinkedHashMap<>();
      for (WorldCase c : world.cases()) {
        onePerOutcome.putIfAbsent(c.outcome().name(), c.domain());
      }
      namesB.addAll(onePerOutcome.values());
      namesB.addAll(world.addBulk("sample", BULK_B));
      // every tenth becomes a correct enforce deployment, the others get an MX only
      List<String> published = world.addBulk(LATER_PREFIX, LATER);
      if (!published.equals(laterNames())) {
        throw new IllegalStateException("addBulk named the later domains differently: " + published);
      }
      namesB.addAll(published);
      Files.write(inputB, namesB);
      List<String> argsB = new ArrayList<>(List.of("--input", inputB.toString(), "--out", root.toString()));
      argsB.addAll(world.scanArguments(world.writeCaPem(work.resolve("b").resolve("ca.pem"))));
      argsB.addAll(List.of("--scan-id", SCAN_B, "--list-id", LIST_B, "--partitions", "2"));
      dirs.put(SCAN_B, run(argsB));
    } catch (UsageException e) {
      throw new IllegalStateException("fixture scan arguments rejected: " + e.getMessage(), e);
    }
    List<ScanRow> rows = new ArrayList<>();
    for (Path dir : dirs.values()) {
      // basePath keeps scan_date and scan_id as columns when one scan folder is read on its own
      for (Row row : SparkTestSession.get().read().option("basePath", dir.getParent().getParent().toString())
          .parquet(dir.toString())
          .selectExpr("CAST(scan_date AS STRING)", "CAST(scan_id AS STRING)", "domain", "outcome", "outcome_lenient",
              "record_valid", "delivery_risk", "findings", "policy_host_cname_chain")
          .collectAsList()) {
        rows.add(new ScanRow(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
            row.getString(4), row.getBoolean(5), row.getString(6),
            List.copyOf(CollectionConverters.asJava(row.<String>getSeq(7))),
            List.copyOf(CollectionConverters.asJava(row.<String>getSeq(8)))));
      }
    }
    return new Scans(Map.copyOf(dirs), List.copyOf(rows));
  }

  private static List<String> laterNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < LATER; i++) {
      names.add(LATER_PREFIX + i + ".bulk.test");
    }
    return names;
  }

  private static Path run(List<String> args) throws UsageException, IOException {
    ScanCommand.ParsedScan parsed = ScanCommand.parse(args);
    return new ScanJob(SparkTestSession.get(), parsed.config(), line -> { }).run().dir();
  }

}
