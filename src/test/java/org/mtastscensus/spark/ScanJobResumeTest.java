package org.mtastscensus.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtastscensus.sandbox.SandboxWorld;

/**
 * Chunked commits: a run killed after some chunks resumes without redoing them and without duplicate or missing
 * rows, and re-running a scan ID replaces its output. Bulk domains only, so each scan takes a few seconds.
 */
class ScanJobResumeTest {
  static final int BULK = 200;
  static final int CHUNK = 50;
  private static SandboxWorld world;
  private static List<String> baseArgs;
  private static Path input;

  @TempDir
  Path out;

  @BeforeAll
  static void startWorld(@TempDir Path dir) throws IOException {
    world = SandboxWorld.start();
    baseArgs = DemoCommand.sandboxScanArgs(world, dir, 0, Path.of("unused"));
    input = dir.resolve("bulk.txt");
    Files.write(input, world.addBulk("resume", BULK));
    int at = baseArgs.indexOf("--input");
    baseArgs.subList(at, at + 2).clear();
    at = baseArgs.indexOf("--out");
    baseArgs.subList(at, at + 2).clear();
  }

  @AfterAll
  static void stopWorld() {
    if (world != null) {
      world.close();
    }
  }

  private ScanJob.Published scan(Path file, String... extra) throws Exception {
    List<String> args = new ArrayList<>(baseArgs);
    args.addAll(List.of("--input", file.toString(), "--out", out.toString(), "--scan-id", "r1",
        "--chunk-size", Integer.toString(CHUNK), "--partitions", "2"));
    args.addAll(List.of(extra));
    return new ScanJob(SparkTestSession.get(), ScanCommand.parse(args).config(), line -> { }).run();
  }

  private List<String> domains(Path dir, String format) {
    var reader = SparkTestSession.get().read();
    var rows = format.equals("json") ? reader.schema(SparkSchemas.scanResult()).json(dir.toString())
        : reader.parquet(dir.toString());
    return rows.select("domain").collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  private static Set<String> dataFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      Set<String> names = new HashSet<>();
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")).forEach(names::add);
      return names;
    }
  }

  @Test
  void killedRunResumesFromCommittedChunks() throws Exception {
    assertThatThrownBy(() -> scan(input, "--fail-after-chunks", "2")).isInstanceOf(ScanJob.SimulatedKill.class);
    StagingArea staging = new StagingArea(out, "r1");
    assertThat(staging.committed(0)).isTrue();
    assertThat(staging.committed(1)).isTrue();
    assertThat(staging.committed(2)).isFalse();
    // the dedupe's temporary run files never outlive the staging of the chunks
    Path dedupe = staging.root().resolve("dedupe");
    if (Files.exists(dedupe)) {
      try (Stream<Path> left = Files.list(dedupe)) {
        assertThat(left).isEmpty();
      }
    }
    // each committed chunk's counts were saved with it; one committed by an older version (no counts) is counted
    // from its rows when the run is summed
    assertThat(staging.countsFile(0)).isRegularFile();
    assertThat(staging.countsFile(2)).doesNotExist();
    Files.delete(staging.countsFile(1));
    Set<String> before = new HashSet<>(dataFiles(staging.partsDir(0)));
    before.addAll(dataFiles(staging.partsDir(1)));
    // nothing is visible to readers until the whole run is published
    try (Stream<Path> top = Files.list(out)) {
      assertThat(top.map(p -> p.getFileName().toString())).containsExactly(StagingArea.STAGING);
    }

    ScanJob.Published resumed = scan(input, "--resume");

    List<String> rows = domains(resumed.dir(), "parquet");
    assertThat(rows).hasSize(BULK).doesNotHaveDuplicates();
    assertThat(new HashSet<>(rows)).isEqualTo(new HashSet<>(Files.readAllLines(input)));
    // the two committed chunks were published as they were, not scanned again
    Set<String> published = dataFiles(resumed.dir());
    for (String name : before) {
      assertThat(published).anyMatch(p -> p.endsWith(name));
    }
    JsonNode run = new ObjectMapper().readTree(resumed.dir().resolve("_run.json").toFile());
    assertThat(run.get("resumed").asBoolean()).isTrue();
    assertThat(run.get("rows").asLong()).isEqualTo(BULK);
    long outcomeSum = 0;
    for (JsonNode count : run.get("outcomes")) {
      outcomeSum += count.asLong();
    }
    assertThat(outcomeSum).isEqualTo(BULK);
    assertThat(run.get("configuration").get("chunks").asInt()).isEqualTo(BULK / CHUNK);
    assertThat(run.get("throughput").get("domains_scanned_this_attempt").asLong()).isEqualTo(BULK - 2 * CHUNK);
  }

  /**
   * Each task builds and closes its own engine, so a run of many chunks must end with none of the engines'
   * threads (HTTPS pool and scheduler, DNS receivers) alive; a leak here would grow the driver's RSS with every
   * chunk in local mode. Spark's own pools (block-manager-*, bounded at 100 threads each) are not ours to check.
   */
  @Test
  void chunksLeaveNoEngineThreadsBehind() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    scan(input, "--scan-id", "threads");

    List<Thread> left = new ArrayList<>();
    // stopping Jetty's scheduler does not wait for its thread: give threads time to end (one allowance for all,
    // so a real leak fails soon), not a deadline to meet
    long until = System.nanoTime() + 10_000_000_000L;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (!before.contains(thread) && (name.startsWith("policy-fetch") || name.startsWith("dns-mux"))) {
        thread.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
        if (thread.isAlive()) {
          left.add(thread);
        }
      }
    }
    assertThat(left).as("engine threads alive after %d chunks", BULK / CHUNK).isEmpty();
  }

  @Test
  void rerunningAScanIdReplacesItsOutput() throws Exception {
    ScanJob.Published first = scan(input);
    assertThat(domains(first.dir(), "parquet")).hasSize(BULK);
    Path smaller = out.resolve("smaller.txt");
    Files.write(smaller, Files.readAllLines(input).subList(0, 30));

    ScanJob.Published second = scan(smaller, "--format", "json");

    assertThat(second.dir()).isEqualTo(first.dir());
    List<String> rows = domains(second.dir(), "json");
    assertThat(rows).hasSize(30).doesNotHaveDuplicates();
    try (Stream<Path> files = Files.list(second.dir())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(n -> n.equals("_run.json") || n.endsWith(".json"));
    }
    try (Stream<Path> top = Files.list(out)) {
      assertThat(top.map(p -> p.getFileName().toString())).doesNotContain(StagingArea.STAGING);
    }
  }

  @Test
  void jsonLinesCarryEveryColumnEvenWhenNull() throws Exception {
    Path one = out.resolve("one.txt");
    Files.write(one, Files.readAllLines(input).subList(1, 2));
    ScanJob.Published published = scan(one, "--format", "json", "--scan-id", "json1");
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(published.dir())) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json") && !p.endsWith("_run.json")).toList()) {
        Files.readAllLines(file).stream().filter(l -> !l.isBlank()).forEach(lines::add);
      }
    }
    assertThat(lines).hasSize(1);
    JsonNode row = new ObjectMapper().readTree(lines.get(0));
    List<String> fields = new ArrayList<>();
    row.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyElementsOf(
        org.mtastscensus.schema.ResultColumns.all().stream().map(c -> c.name()).toList());
    assertThat(row.get("outcome").asText()).isEqualTo("NO_RECORD");
  }
}
