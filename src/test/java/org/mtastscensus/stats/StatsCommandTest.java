package org.mtastscensus.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.mtastscensus.stats.spark.StatsCommand;

/** Command-line errors of {@code mtasts stats}: all caught before a Spark session starts. */
class StatsCommandTest {
  @TempDir
  static Path dir;

  private static Path scan() throws Exception {
    Path scan = dir.resolve("scans/scan_date=2026-11-28/scan_id=s1");
    if (!Files.exists(scan)) {
      Files.createDirectories(scan);
      Files.writeString(scan.resolve("_run.json"), """
          {"scan_id": "s1", "scan_date": "2026-11-28", "started_at": "2026-11-28T00:00:00Z",
           "configuration": {"inputs": ["/x/top-1m.csv", "/y/extra.txt"], "input_format": "toplist",
                             "list_id": null, "engine": {"resolvers": ["127.0.0.1:53"]}}}
          """);
      Files.writeString(scan.resolve("chunk-00000-part-00000.parquet"), "not read by these tests");
    }
    return scan;
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("no scan", List.of(), 2, "at least one SCAN_DIR"),
        Arguments.of("unknown option", List.of("SCAN", "--bogus", "1"), 2, "unknown option --bogus"),
        Arguments.of("missing value", List.of("SCAN", "--out"), 2, "--out needs a value"),
        Arguments.of("top zero", List.of("SCAN", "--top", "0"), 2, "--top"),
        Arguments.of("no such scan", List.of("NOWHERE"), 1, "does not exist"),
        Arguments.of("dataset root instead of scan", List.of("ROOT"), 1, "give a scan_date=.../scan_id=... folder"),
        Arguments.of("scan without part files", List.of("EMPTY"), 1, "holds no part files"),
        Arguments.of("no such previous", List.of("SCAN", "--previous", "NOWHERE"), 1, "does not exist"),
        Arguments.of("out holds something else", List.of("SCAN", "--out", "OTHER"), 1, "refusing to replace"),
        Arguments.of("out holds a summary and more", List.of("SCAN", "--out", "MIXED"), 1, "holds notes.txt"),
        Arguments.of("unreadable psl", List.of("SCAN", "--psl", "NOWHERE"), 1, "Public Suffix List"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void badInputIsOneLineAndTheRightExitCode(String name, List<String> args, int exit, String message)
      throws Exception {
    Path empty = dir.resolve("empty/scan_date=2026-11-28/scan_id=e");
    Files.createDirectories(empty);
    Files.copy(scan().resolve("_run.json"), empty.resolve("_run.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("notes.txt"), "mine");
    Path mixed = dir.resolve("mixed");
    Files.createDirectories(mixed.resolve("csv"));
    Files.writeString(mixed.resolve("summary.json"), "{}");
    Files.writeString(mixed.resolve("notes.txt"), "mine");
    List<String> resolved = new ArrayList<>();
    for (String arg : args) {
      resolved.add(switch (arg) {
        case "SCAN" -> scan().toString();
        case "NOWHERE" -> dir.resolve("nowhere").toString();
        case "ROOT" -> scan().getParent().getParent().toString();
        case "EMPTY" -> empty.toString();
        case "OTHER" -> other.toString();
        case "MIXED" -> mixed.toString();
        default -> arg;
      });
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = StatsCommand.run(resolved, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isEqualTo(exit);
    assertThat(text).startsWith("mtasts stats: ").contains(message);
    assertThat(text.lines().filter(l -> !l.startsWith("Run \"mtasts stats --help\"")).count()).isEqualTo(1);
    assertThat(other.resolve("notes.txt")).exists();
    assertThat(mixed.resolve("notes.txt")).exists();
  }

  @Test
  void defaultsAndTheListLabel() throws Exception {
    StatsCommand.Parsed parsed = StatsCommand.parse(List.of(scan().toString()));
    assertThat(parsed.options().out()).isEqualTo(Path.of("data/stats/scan_date=2026-11-28/scan_id=s1"));
    assertThat(parsed.options().top()).isEqualTo(100);
    assertThat(parsed.options().pslSource()).isEqualTo("data/reference/public_suffix_list.dat");
    assertThat(parsed.options().psl()).exists();
    ScanInfo info = ScanInfo.read(scan());
    assertThat(info.list()).isEqualTo("top-1m.csv+extra.txt");
    assertThat(info.format()).isEqualTo("parquet");
    assertThat(info.inputFormat()).isEqualTo("toplist");
  }
}
