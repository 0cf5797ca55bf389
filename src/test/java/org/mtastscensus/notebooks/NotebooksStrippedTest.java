package org.mtastscensus.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Committed notebooks hold code only: outputs are numbers of somebody's last run, not results (those come from
 * the stats output), and they make diffs unreadable. {@code scripts/strip-notebooks} fixes a failure here.
 */
class NotebooksStrippedTest {
  static final Path NOTEBOOKS = Path.of(System.getProperty("mtasts.projectDir", "."), "notebooks");

  static Stream<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.walk(NOTEBOOKS)) {
      return files.filter(p -> p.toString().endsWith(".ipynb"))
          .filter(p -> !p.toString().contains(".ipynb_checkpoints"))
          .sorted().toList().stream();
    }
  }

  static List<JsonNode> codeCells(Path notebook) throws IOException {
    List<JsonNode> cells = new ArrayList<>();
    for (JsonNode cell : new ObjectMapper().readTree(notebook.toFile()).path("cells")) {
      if (cell.path("cell_type").asText().equals("code")) {
        cells.add(cell);
      }
    }
    return cells;
  }

  static String source(JsonNode cell) {
    JsonNode source = cell.path("source");
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder text = new StringBuilder();
    source.forEach(line -> text.append(line.asText()));
    return text.toString();
  }

  @Test
  void theReportNotebooksAreThere() throws IOException {
    assertThat(notebooks().map(p -> p.getFileName().toString()))
        .contains("01-adoption-report.ipynb", "02-going-further.ipynb");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void noOutputsAndNoExecutionCounts(Path notebook) throws IOException {
    List<String> dirty = new ArrayList<>();
    List<JsonNode> cells = codeCells(notebook);
    for (int i = 0; i < cells.size(); i++) {
      JsonNode cell = cells.get(i);
      if (cell.path("outputs").size() > 0) {
        dirty.add("code cell " + i + " has outputs");
      }
      if (cell.hasNonNull("execution_count")) {
        dirty.add("code cell " + i + " has execution_count " + cell.get("execution_count"));
      }
    }
    assertThat(dirty).as(notebook + ": run scripts/strip-notebooks").isEmpty();
  }

  /** The first code cell states the inputs: the stats folder, its scans and the PSL version. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void firstCodeCellStatesTheInputs(Path notebook) throws IOException {
    String first = source(codeCells(notebook).get(0));
    assertThat(first).contains("STATS_DIR", "scan_id", "psl");
  }
}
