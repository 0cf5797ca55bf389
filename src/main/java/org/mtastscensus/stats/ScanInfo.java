package org.mtastscensus.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scan directory as {@code mtasts scan} publishes it: {@code _run.json} plus Parquet or JSON Lines part files.
 *
 * @param dir the directory as given on the command line (resolved against the caller's directory)
 * @param format {@code parquet} or {@code json}, from the part files found
 * @param list the list label: configuration.list_id if set, else the input file names joined with {@code +}
 */
public record ScanInfo(Path dir, String scanDate, String scanId, String list, String inputFormat,
    List<String> resolvers, String startedAt, String format) {

  /** The first three columns of every table. */
  public List<Object> key() {
    return List.of(scanDate, scanId, list);
  }

  /** @throws StatsException naming the path when the directory is not a published scan */
  public static ScanInfo read(Path dir) throws StatsException {
    if (!Files.isDirectory(dir)) {
      throw new StatsException("scan directory " + dir + " does not exist");
    }
    Path runFile = dir.resolve("_run.json");
    if (!Files.isRegularFile(runFile)) {
      throw new StatsException(dir + " is not a published scan: " + runFile + " is missing"
          + (hasScanDates(dir) ? " (give a scan_date=.../scan_id=... folder inside it)" : ""));
    }
    JsonNode run;
    try {
      run = new ObjectMapper().readTree(runFile.toFile());
    } catch (IOException e) {
      throw new StatsException("cannot read " + runFile + ": " + e.getMessage());
    }
    String format = partFormat(dir);
    String scanDate = text(run, runFile, "scan_date");
    String scanId = text(run, runFile, "scan_id");
    JsonNode configuration = run.path("configuration");
    String listId = configuration.path("list_id").isTextual() ? configuration.path("list_id").asText() : null;
    List<String> names = new ArrayList<>();
    configuration.path("inputs").forEach(input -> {
      Path name = Path.of(input.asText()).getFileName();
      names.add(name == null ? input.asText() : name.toString());
    });
    List<String> resolvers = new ArrayList<>();
    configuration.path("engine").path("resolvers").forEach(r -> resolvers.add(r.asText()));
    return new ScanInfo(dir, scanDate, scanId, listId != null && !listId.isBlank() ? listId : String.join("+", names),
        configuration.path("input_format").asText(null), List.copyOf(resolvers), run.path("started_at").asText(null),
        format);
  }

  private static boolean hasScanDates(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.anyMatch(p -> p.getFileName().toString().startsWith("scan_date="));
    } catch (IOException e) {
      return false;
    }
  }

  private static String text(JsonNode run, Path file, String field) throws StatsException {
    JsonNode value = run.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new StatsException(file + " has no " + field);
    }
    return value.asText();
  }

  /** Spark skips names starting with _ or . (as _run.json); a scan without any other part file holds no rows. */
  private static String partFormat(Path dir) throws StatsException {
    boolean parquet = false;
    boolean json = false;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        parquet |= name.endsWith(".parquet");
        json |= name.endsWith(".json") || name.endsWith(".jsonl");
      }
    } catch (IOException e) {
      throw new StatsException("cannot list " + dir + ": " + e.getMessage());
    }
    if (parquet && json) {
      throw new StatsException(dir + " holds both Parquet and JSON part files");
    }
    if (!parquet && !json) {
      throw new StatsException(dir + " holds no part files (*.parquet, *.json, *.jsonl)");
    }
    return parquet ? "parquet" : "json";
  }
}
