package org.mtastscensus.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mtastscensus.cli.UsageException;

/** The scan command line: engine options shared with check, scan options validated before Spark starts. */
class ScanCommandTest {
  @TempDir
  static Path dir;

  private static List<String> args(String line) throws Exception {
    Path input = dir.resolve("in.txt");
    if (!Files.exists(input)) {
      Files.writeString(input, "example.com\n");
    }
    List<String> out = new ArrayList<>();
    for (String arg : line.split(" ")) {
      out.add(arg.replace("IN", input.toString()).replace("OUT", dir.resolve("out").toString()));
    }
    return out;
  }

  @Test
  void engineOptionsAndScanOptionsTogether() throws Exception {
    ScanCommand.ParsedScan parsed = ScanCommand.parse(args("--input IN IN --out OUT --format json --scan-id s1"
        + " --partitions 3 --chunk-size 7 --resolver 127.0.0.1:5353 --dns-attempts 2 --master local[2] --resume"
        + " --input-format toplist --list-id 7NZ4X"));
    ScanJobConfig config = parsed.config();
    assertThat(config.inputs()).hasSize(2);
    assertThat(config.format()).isEqualTo("json");
    assertThat(config.scanId()).isEqualTo("s1");
    assertThat(config.partitions()).isEqualTo(3);
    assertThat(config.chunkSize()).isEqualTo(7);
    assertThat(config.resume()).isTrue();
    assertThat(config.engine().resolvers()).containsExactly("127.0.0.1:5353");
    assertThat(config.engine().dnsAttempts()).isEqualTo(2);
    assertThat(parsed.master()).isEqualTo("local[2]");
    assertThat(config.inputFormat()).isEqualTo("toplist");
    assertThat(config.listId()).isEqualTo("7NZ4X");
  }

  @Test
  void scanIdDefaultsToTheStartTime() throws Exception {
    assertThat(ScanCommand.parse(args("--input IN --out OUT")).config().scanId()).matches("scan-\\d{8}T\\d{6}Z");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no input              | --out OUT                              | --input is required
      no output             | --input IN                             | --out is required
      unreadable input      | --input /nonexistent --out OUT         | cannot read --input file /nonexistent
      bad format            | --input IN --out OUT --format csv      | --format takes parquet or json
      resume without id     | --input IN --out OUT --resume          | --resume needs the --scan-id
      bad scan id           | --input IN --out OUT --scan-id ../x    | scan id must be
      zero partitions       | --input IN --out OUT --partitions 0    | --partitions takes a number from 1
      unknown option        | --input IN --out OUT --colour red      | unknown option --colour
      engine option checked | --input IN --out OUT --dns-attempts 99 | --dns-attempts takes a number from 1 to 10
      bad list id           | --input IN --out OUT --list-id a/b     | list ID must be
      """)
  void badCommandLinesAreRefusedBeforeSparkStarts(String name, String line, String message) {
    assertThatThrownBy(() -> ScanCommand.parse(args(line))).isInstanceOf(UsageException.class)
        .hasMessageContaining(message);
  }

  @Test
  void usageListsEveryScanOption() {
    for (String option : Arrays.asList("--input", "--out", "--format", "--scan-id", "--resume", "--master",
        "--partitions", "--chunk-size", "--resolver", "--trust-ca", "--input-format", "--list-id")) {
      assertThat(ScanCommand.USAGE).contains(option);
    }
  }
}
