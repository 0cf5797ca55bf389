package org.mtastscensus.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.mtastscensus.input.DomainFeed;
import org.mtastscensus.input.DomainReader;
import org.mtastscensus.input.FormatReader;
import org.mtastscensus.input.InputFormat;
import org.mtastscensus.input.InputTally;
import org.mtastscensus.schema.ResultColumns;

/**
 * The scan as a Spark job. The driver streams the inputs into distinct, normalised names (deduplicated by an
 * external sort in bounded memory, see {@link DomainFeed}, so chunks hold names in sorted order) cut into numbered
 * chunk files; each chunk is read back with {@code spark.read().text}, spread over partitions, scanned by
 * {@link ScanPartition}, written (Parquet or JSON Lines) into its own folder, counted from its written rows and
 * marked committed. When every chunk is committed, the chunks' counts are summed (so the driver's memory does not
 * grow with the run), {@code _run.json} is added and the run is published with one rename. A run that dies half-way is resumed from its committed chunks.
 */
public final class ScanJob {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Thrown by the {@link ScanJobConfig#failAfterChunks()} test hook in place of a killed driver. */
  public static final class SimulatedKill extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedKill(int chunks) {
      super("simulated kill after " + chunks + " committed chunk(s)");
    }
  }

  /** What a finished run produced. */
  public record Published(Path dir, Map<String, Object> run) {}

  private final SparkSession spark;
  private final ScanJobConfig config;
  private final Consumer<String> log;

  public ScanJob(SparkSession spark, ScanJobConfig config, Consumer<String> log) {
    this.spark = spark;
    this.config = config;
    this.log = log;
  }

  @SuppressWarnings("unchecked")
  public Published run() throws IOException {
    // interoperable timestamps (INT96 is deprecated) and UTC text in JSON Lines, whatever the host's zone
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    StagingArea staging = new StagingArea(config.out(), config.scanId());
    Map<String, Object> state;
    boolean resumed = config.resume() && staging.hasState();
    if (resumed) {
      state = staging.loadState();
      if (!config.format().equals(state.get("format"))) {
        throw new IllegalArgumentException("cannot resume scan " + config.scanId() + " as " + config.format()
            + ": it was started as " + state.get("format"));
      }
      log.accept("resuming scan " + config.scanId() + " from " + staging.root()
          + " (its chunk files are scanned; the inputs are not read again)");
    } else {
      if (config.resume()) {
        log.accept("nothing to resume for scan " + config.scanId() + ": starting it");
      }
      state = stage(staging);
    }
    int chunks = ((Number) state.get("chunks")).intValue();
    long total = ((Number) state.get("domains")).longValue();
    // the chunk size of the run's first attempt cut the chunk files; a different --chunk-size on resume is ignored
    int chunkSize = ((Number) state.get("chunk_size")).intValue();
    long doneBefore = 0;
    List<Integer> todo = new ArrayList<>();
    for (int chunk = 0; chunk < chunks; chunk++) {
      if (staging.committed(chunk)) {
        doneBefore += Math.min(chunkSize, total - (long) chunk * chunkSize);
      } else {
        todo.add(chunk);
      }
    }
    log.accept(String.format(Locale.ROOT, "scan %s: %d domains in %d chunk(s), %d to scan",
        config.scanId(), total, chunks, todo.size()));

    long scanStart = System.nanoTime();
    long scannedNow = total - doneBefore;
    OutcomeCounters counters = new OutcomeCounters(spark.sparkContext());
    try (ProgressReporter progress = new ProgressReporter(spark.sparkContext(), counters, total, doneBefore,
        config.progressEvery(), log)) {
      int committedNow = 0;
      for (int chunk : todo) {
        scanChunk(staging, chunk, counters);
        staging.saveCounts(chunk, chunkCounts(staging, chunk));
        staging.commit(chunk);
        committedNow++;
        if (config.failAfterChunks() > 0 && committedNow >= config.failAfterChunks() && chunk < chunks - 1) {
          throw new SimulatedKill(committedNow);
        }
      }
      log.accept(progress.line());
    }
    double seconds = (System.nanoTime() - scanStart) / 1e9;

    Map<String, Object> run = summary(state, staging, chunks, resumed, scannedNow, seconds);
    Path published = staging.publish((String) state.get("scan_date"), chunks, JSON.writeValueAsBytes(run));
    log.accept("published " + published);
    return new Published(published, run);
  }

  /** First attempt: reads the inputs into chunk files and records the run state. */
  private Map<String, Object> stage(StagingArea staging) throws IOException {
    staging.reset();
    Instant started = Instant.now();
    // duplicates are dropped by an external sort whose run files live (briefly) in the staging area
    DomainFeed feed = new DomainFeed(reader(config.inputFormat()), config.engine().optOutDomains(),
        staging.root().resolve("dedupe"), DomainFeed.RUN_NAMES, DomainFeed.MERGE_FAN_IN);
    InputTally tally;
    int chunks;
    try (StagingArea.ChunkWriter writer = staging.new ChunkWriter(config.chunkSize())) {
      tally = feed.read(config.inputs(), writer::add);
      chunks = writer.chunks();
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("scan_id", config.scanId());
    state.put("scan_date", started.atZone(ZoneOffset.UTC).toLocalDate().toString());
    state.put("started_at", started.toString());
    state.put("format", config.format());
    state.put("chunk_size", config.chunkSize());
    state.put("chunks", chunks);
    state.put("domains", tally.acceptedCount());
    state.put("input", tally.toMap());
    staging.saveState(state);
    log.accept("input: " + tally.toMap());
    return state;
  }

  static DomainReader reader(String inputFormat) {
    return switch (inputFormat) {
      case "plain" -> new FormatReader(InputFormat.PLAIN);
      case "toplist" -> new FormatReader(InputFormat.TOPLIST);
      case "zone" -> new FormatReader(InputFormat.ZONE);
      case "auto" -> new FormatReader(null);
      default -> throw new IllegalArgumentException("input format " + inputFormat);
    };
  }

  private void scanChunk(StagingArea staging, int chunk, OutcomeCounters counters) {
    int partitions = config.partitions() > 0 ? config.partitions() : spark.sparkContext().defaultParallelism();
    log.accept(String.format(Locale.ROOT, "chunk %d: scanning on %d partition(s)", chunk, partitions));
    Dataset<Row> names = spark.read().text(staging.chunkFile(chunk).toString()).repartition(partitions);
    Dataset<Row> scanned = names.mapPartitions(new ScanPartition(config.engine(), counters),
        Encoders.row(SparkSchemas.scanResult()));
    // the row encoder drops field metadata; re-attach each column's doc so that it lands in the Parquet footer
    Dataset<Row> rows = scanned.select(Arrays.stream(SparkSchemas.scanResult().fields())
        .map(field -> functions.col(field.name()).as(field.name(), field.metadata()))
        .toArray(org.apache.spark.sql.Column[]::new));
    String dir = staging.partsDir(chunk).toString();
    spark.sparkContext().setJobDescription("mtasts scan " + config.scanId() + " chunk " + chunk);
    if (config.format().equals("json")) {
      rows.write().mode(SaveMode.Overwrite).option("ignoreNullFields", "false").json(dir);
    } else {
      rows.write().mode(SaveMode.Overwrite).parquet(dir);
    }
  }

  /** Rows, distinct domains, outcome and finding counts of one chunk, from its written rows. */
  private Map<String, Object> chunkCounts(StagingArea staging, int chunk) {
    String dir = staging.partsDir(chunk).toString();
    Dataset<Row> all = config.format().equals("json")
        ? spark.read().schema(SparkSchemas.scanResult()).json(dir)
        : spark.read().parquet(dir);
    // Not cached: each count reads only its own column(s) from the chunk, while a cache would hold every column of
    // the whole chunk in the driver's heap (local mode) and raise the live set that G1 sizes the heap by; measured
    // in README "Measured". A JSON chunk is parsed once per count instead, which its small rows make cheap.
    Map<String, Long> outcomes = new TreeMap<>();
    for (Row row : all.groupBy(ResultColumns.OUTCOME.name()).count().collectAsList()) {
      outcomes.put(row.getString(0), row.getLong(1));
    }
    Map<String, Long> findings = new TreeMap<>();
    for (Row row : all.select(functions.explode(functions.col(ResultColumns.FINDINGS.name()))).groupBy("col")
        .count().collectAsList()) {
      findings.put(row.getString(0), row.getLong(1));
    }
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("rows", outcomes.values().stream().mapToLong(Long::longValue).sum());
    counts.put("distinct_domains", all.select(ResultColumns.DOMAIN.name()).distinct().count());
    counts.put("outcomes", outcomes);
    counts.put("findings", findings);
    return counts;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> summary(Map<String, Object> state, StagingArea staging, int chunks, boolean resumed,
      long scannedNow, double seconds) throws IOException {
    // summed from each chunk's counts, taken when it was committed: the driver never reads the whole run at once,
    // so its memory does not grow with the number of chunks
    Map<String, Long> outcomes = new TreeMap<>();
    Map<String, Long> findings = new TreeMap<>();
    long rows = 0;
    long distinct = 0;
    for (int chunk = 0; chunk < chunks; chunk++) {
      Map<String, Object> counts = staging.loadCounts(chunk);
      if (counts == null) { // committed by a version that did not save counts
        counts = chunkCounts(staging, chunk);
      }
      rows += ((Number) counts.get("rows")).longValue();
      // chunks hold distinct names (the input is deduplicated before it is cut), so distinct counts add up
      distinct += ((Number) counts.get("distinct_domains")).longValue();
      ((Map<String, Number>) counts.get("outcomes")).forEach((k, v) -> outcomes.merge(k, v.longValue(), Long::sum));
      ((Map<String, Number>) counts.get("findings")).forEach((k, v) -> findings.merge(k, v.longValue(), Long::sum));
    }
    long expected = ((Number) state.get("domains")).longValue();
    if (rows != expected || distinct != expected) {
      throw new IllegalStateException("scan " + config.scanId() + " wrote " + rows + " rows for " + distinct
          + " distinct domains, expected " + expected + " of each: not published; rerun with --resume");
    }
    Instant finished = Instant.now();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("scan_id", config.scanId());
    run.put("scan_date", state.get("scan_date"));
    run.put("started_at", state.get("started_at"));
    run.put("finished_at", finished.toString());
    run.put("resumed", resumed);
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("project", RunSummary.projectVersion());
    versions.put("spark", spark.version());
    versions.put("java", System.getProperty("java.version"));
    versions.put("schema_version", ResultColumns.SCHEMA_VERSION);
    run.put("versions", versions);
    run.put("invocation", config.invocation());
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("inputs", config.inputs().stream().map(Path::toString).toList());
    configuration.put("input_format", config.inputFormat());
    configuration.put("list_id", config.listId());
    configuration.put("format", config.format());
    configuration.put("master", spark.sparkContext().master());
    configuration.put("partitions_per_chunk", config.partitions() > 0 ? config.partitions()
        : spark.sparkContext().defaultParallelism());
    configuration.put("chunk_size", state.get("chunk_size"));
    configuration.put("chunks", chunks);
    configuration.put("engine", RunSummary.engine(config.engine()));
    run.put("configuration", configuration);
    run.put("input", state.get("input"));
    run.put("rows", rows);
    run.put("outcomes", outcomes);
    run.put("findings", findings);
    Map<String, Object> throughput = new LinkedHashMap<>();
    throughput.put("domains_scanned_this_attempt", scannedNow);
    throughput.put("seconds", Math.round(seconds * 1000) / 1000.0);
    throughput.put("domains_per_second", seconds > 0 ? Math.round(scannedNow / seconds * 10) / 10.0 : 0);
    run.put("throughput", throughput);
    return run;
  }
}
