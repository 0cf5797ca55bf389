package org.mtastscensus.spark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.mtastscensus.scan.EngineOptions;

/**
 * Everything one scan run needs on the driver. Not sent to executors: only {@link #engine()} is.
 *
 * @param inputs domain lists, read in order
 * @param inputFormat plain, toplist, zone or auto (detected per file)
 * @param listId the published identifier of the input list (e.g. a Tranco list ID), for reproducibility; null if none
 * @param out the dataset root; the run lands in {@code out/scan_date=YYYY-MM-DD/scan_id=ID/}
 * @param format parquet or json (JSON Lines)
 * @param scanId names the run; re-running an ID replaces its output
 * @param resume continue an interrupted run of the same ID from its committed chunks
 * @param partitions Spark partitions per chunk; 0 means the session's default parallelism
 * @param chunkSize domains per chunk, the unit of commit and resume
 * @param engine options every executor builds its scan engine from
 * @param progressEvery how often progress is reported
 * @param failAfterChunks test hook simulating a killed driver: stop after committing this many chunks (0 = never)
 * @param invocation the command line, recorded in {@code _run.json}
 */
public record ScanJobConfig(
    List<Path> inputs,
    String inputFormat,
    String listId,
    Path out,
    String format,
    String scanId,
    boolean resume,
    int partitions,
    int chunkSize,
    EngineOptions engine,
    Duration progressEvery,
    int failAfterChunks,
    List<String> invocation) {

  public static final String FORMAT_DEFAULT = "parquet";
  public static final String INPUT_FORMAT_DEFAULT = "plain";
  public static final List<String> INPUT_FORMATS = List.of("plain", "toplist", "zone", "auto");
  public static final int CHUNK_SIZE_DEFAULT = 100_000;
  public static final Duration PROGRESS_EVERY_DEFAULT = Duration.ofSeconds(5);
  private static final Pattern SCAN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern LIST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  public ScanJobConfig {
    inputs = List.copyOf(inputs);
    invocation = List.copyOf(invocation);
    Objects.requireNonNull(out, "out");
    if (listId != null && !LIST_ID.matcher(listId).matches()) {
      throw new IllegalArgumentException("list ID must be letters, digits and . _ : - (at most 100), got " + listId);
    }
    Objects.requireNonNull(engine, "engine");
    if (!INPUT_FORMATS.contains(inputFormat)) {
      throw new IllegalArgumentException("input format must be one of " + INPUT_FORMATS + ", got " + inputFormat);
    }
    if (!format.equals("parquet") && !format.equals("json")) {
      throw new IllegalArgumentException("format must be parquet or json, got " + format);
    }
    if (!SCAN_ID.matcher(scanId).matches()) {
      throw new IllegalArgumentException("scan id must be 1-100 of letters, digits, '.', '_' and '-' (starting with a"
          + " letter or digit), got \"" + scanId + "\"");
    }
    if (partitions < 0 || chunkSize < 1) {
      throw new IllegalArgumentException("partitions must be >= 0 and chunk size >= 1, got " + partitions + " and "
          + chunkSize);
    }
  }
}
