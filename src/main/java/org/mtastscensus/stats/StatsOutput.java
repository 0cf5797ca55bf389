package org.mtastscensus.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mtastscensus.FileTrees;

/**
 * Writes a stats run: {@code csv/<table>.csv}, {@code parquet/<table>/} and {@code summary.json}. Everything is
 * written into a hidden sibling first and swapped in at the end, so a failed run leaves the previous output whole.
 */
public final class StatsOutput {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes one table as Parquet into a directory (Spark in production; tests may skip it). */
  public interface ParquetSink {
    void write(StatsTable table, List<List<Object>> rows, Path dir) throws IOException;
  }

  private StatsOutput() {}

  /** What an earlier run (and {@code mtasts report}, which writes beside it by default) leaves in a stats dir. */
  private static final Set<String> OWN_ENTRIES = Set.of("summary.json", "csv", "parquet", "report.html");

  /**
   * An existing output is replaced only when it is empty or holds nothing but an earlier stats output: a mistyped
   * {@code --out} must never delete someone's files.
   *
   * @throws StatsException when {@code out} exists and is something else
   */
  public static void checkReplaceable(Path out) throws StatsException {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new StatsException("--out " + out + " is a file");
    }
    List<String> names;
    try (Stream<Path> entries = Files.list(out)) {
      names = entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new StatsException("cannot list " + out + ": " + e.getMessage());
    }
    if (names.isEmpty()) {
      return;
    }
    if (!names.contains("summary.json")) {
      throw new StatsException("refusing to replace " + out + ": it is not empty and holds no summary.json");
    }
    for (String name : names) {
      if (!OWN_ENTRIES.contains(name)) {
        throw new StatsException("refusing to replace " + out + ": it holds " + name + ", which stats did not write");
      }
    }
  }

  public static void write(Path out, StatsData data, Map<String, Object> summary, ParquetSink parquet)
      throws IOException, StatsException {
    checkReplaceable(out);
    Path absolute = out.toAbsolutePath().normalize();
    Files.createDirectories(absolute.getParent());
    Path staging = absolute.resolveSibling("." + absolute.getFileName() + ".writing");
    FileTrees.deleteTree(staging);
    Files.createDirectories(staging.resolve("csv"));
    for (StatsTable table : data.tables()) {
      CsvWriter.write(staging.resolve("csv").resolve(table.name() + ".csv"), table, data.rows(table));
      if (parquet != null) {
        parquet.write(table, data.rows(table), staging.resolve("parquet").resolve(table.name()));
      }
    }
    JSON.writeValue(staging.resolve("summary.json").toFile(), summary);
    FileTrees.deleteTree(absolute);
    Files.move(staging, absolute);
  }

}
