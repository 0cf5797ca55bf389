package org.mtastscensus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report command is reachable from the mtasts entry point, with its usage. */
class MainReportTest {
  private final PrintStream savedOut = System.out;
  private final PrintStream savedErr = System.err;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void capture() {
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @Test
  void helpListsTheCommandAndItsOptions() {
    assertThat(Main.run(List.of("--help"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("report   turn the output of mtasts stats");
    out.reset();
    assertThat(Main.run(List.of("report", "--help"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("usage: mtasts report STATS_DIR [--history STATS_ROOT] [--out FILE.html]");
  }

  @Test
  void usageErrorExitsTwo() {
    assertThat(Main.run(List.of("report"))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(1);
  }
}
