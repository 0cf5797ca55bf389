package org.mtastscensus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.sandbox.SandboxWorld;
import org.mtastscensus.sandbox.WorldCase;
import org.mtastscensus.verdict.FindingCode;

/**
 * End to end: {@code mtasts check --json} with the real engine (multiplexed DNS, Jetty fetcher) against the
 * sandbox world, one row per domain, compared with the verdict a correct scanner reaches.
 */
class SandboxCheckTest {
  private static SandboxWorld world;
  private static final Map<String, JsonNode> rows = new HashMap<>();
  private static int exitCode;
  private static long elapsedMillis;

  @BeforeAll
  static void checkTheWholeWorld(@TempDir Path dir) throws IOException {
    world = SandboxWorld.start();
    Path ca = world.writeCaPem(dir.resolve("ca.pem"));
    Path input = dir.resolve("domains.txt");
    Files.write(input, world.cases().stream().map(WorldCase::domain).toList());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    List<String> args = new ArrayList<>(List.of("--json", "--input", input.toString()));
    args.addAll(world.scanArguments(ca));
    exitCode = CheckCommand.run(args,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    ObjectMapper mapper = new ObjectMapper();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        JsonNode row = mapper.readTree(line);
        rows.put(row.get("domain").asText(), row);
      }
    }
  }

  @AfterAll
  static void stopWorld() {
    if (world != null) {
      world.close();
    }
  }

  static Stream<WorldCase> cases() {
    try (SandboxWorld w = SandboxWorld.start()) {
      return w.cases().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdictMatches(WorldCase expected) {
    JsonNode row = rows.get(expected.domain());
    assertThat(row).as("a row for " + expected.domain()).isNotNull();
    Set<String> findings = new TreeSet<>();
    row.get("findings").forEach(code -> findings.add(code.asText()));
    Set<String> expectedFindings = new TreeSet<>();
    expected.findings().forEach(code -> expectedFindings.add(code.name()));
    String context = expected.domain() + " (" + expected.what() + "): " + row.get("finding_details");
    assertThat(row.get("outcome").asText()).as(context).isEqualTo(expected.outcome().name());
    assertThat(row.get("outcome_lenient").asText()).as(context).isEqualTo(expected.outcomeLenient().name());
    assertThat(findings).as(context).isEqualTo(expectedFindings);
    String risk = row.get("delivery_risk").isNull() ? null : row.get("delivery_risk").asText();
    assertThat(risk).as(context).isEqualTo(expected.risk() == null ? null : expected.risk().name());
  }

  @Test
  void everyFindingCodeIsProducedEndToEnd() {
    Set<FindingCode> produced = EnumSet.noneOf(FindingCode.class);
    rows.values().forEach(row -> row.get("findings").forEach(code -> produced.add(FindingCode.valueOf(code.asText()))));
    assertThat(EnumSet.complementOf(EnumSet.copyOf(produced))).as("codes no sandbox domain produced").isEmpty();
  }

  @Test
  void oneRowPerDomainAndProblemsGiveExitCode1() {
    assertThat(rows).hasSize(world.cases().size());
    assertThat(exitCode).isEqualTo(1);
  }

  @Test
  void everyFaultFinishesWithinItsBudget() {
    // the slowest cases are bounded by the 7 s fetch budget and the DNS retries (2 x 400 ms); all run concurrently
    assertThat(elapsedMillis).as("whole sandbox check").isLessThan(30_000);
    List<String> slowRows = new ArrayList<>();
    rows.forEach((domain, row) -> {
      if (row.get("duration_ms").asLong() > 10_000) {
        slowRows.add(domain + " " + row.get("duration_ms"));
      }
    });
    assertThat(slowRows).isEmpty();
  }
}
