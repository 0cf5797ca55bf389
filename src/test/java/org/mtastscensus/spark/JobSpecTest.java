package org.mtastscensus.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtastscensus.cli.UsageException;

/** Job files: the committed ones load, every key is documented, and bad files fail with the key named. */
class JobSpecTest {
  @TempDir
  Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo", "nightly-zone", "nightly-sandbox", "weekly-toplist"})
  void committedJobsLoad(String name) throws Exception {
    Path file = Path.of(System.getProperty("mtasts.projectDir", "."), "jobs", name + ".yaml");
    JobSpec spec = JobSpec.load(file);
    assertThat(spec.name()).isEqualTo(name);
    assertThat(spec.scanArgs()).contains("--out");
  }

  @Test
  void everyKeyHasADocAndADefault() {
    assertThat(JobSpec.KEYS).allSatisfy(key -> {
      assertThat(key.doc()).isNotBlank();
      assertThat(key.defaultValue()).isNotBlank();
    });
    assertThat(JobSpec.KEYS.stream().map(JobKey::name)).doesNotHaveDuplicates();
  }

  @Test
  void keysBecomeScanOptionsThatTheScanCommandAccepts() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "example.com\n");
    JobSpec spec = JobSpec.load(write("""
        name: weekly
        inputs: [%s]
        resolvers: [127.0.0.1:5353, 127.0.0.2]
        tlsrpt-all: true
        dns-timeout-ms: 700
        format: json
        """.formatted(input)));
    List<String> args = spec.scanArgs();
    assertThat(String.join(" ", args)).contains("--input " + input, "--resolver 127.0.0.1:5353 --resolver 127.0.0.2",
        "--tlsrpt-all", "--dns-timeout-ms 700", "--format json", "--scan-id weekly-2");
    ScanJobConfig config = ScanCommand.parse(args).config();
    assertThat(config.engine().resolvers()).containsExactly("127.0.0.1:5353", "127.0.0.2");
    assertThat(config.engine().dnsTimeoutMillis()).isEqualTo(700);
    assertThat(config.format()).isEqualTo("json");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown key         | name: x\\ninputs: [a]\\ndns-timeout: 5          | unknown key "dns-timeout"
      missing name        | inputs: [a]                                   | key "name" is required
      missing inputs      | name: x                                       | key "inputs" is required
      text for a number   | name: x\\ninputs: [a]\\ndns-attempts: three   | key "dns-attempts": expected integer
      number for a flag   | name: x\\ninputs: [a]\\ntlsrpt-all: 1         | key "tlsrpt-all": expected true or false
      bad choice          | name: x\\ninputs: [a]\\nformat: csv           | key "format": expected one of parquet, json
      duplicate key       | name: x\\nname: y\\ninputs: [a]               | Duplicate field 'name'
      not a mapping       | - a\\n- b                                     | a YAML mapping
      sandbox and resolver| name: x\\nsandbox: true\\nresolvers: [1.1.1.1] | cannot be combined with sandbox
      """)
  void badFilesAreRejectedWithTheKeyNamed(String name, String yaml, String message) throws Exception {
    Path file = write(yaml.replace("\\n", "\n"));
    assertThatThrownBy(() -> JobSpec.load(file)).isInstanceOf(UsageException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining(message);
  }

  @Test
  void outOfRangeValuesAreRejectedByTheScanOptions() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "example.com\n");
    JobSpec spec = JobSpec.load(write("name: x\ninputs: [" + input + "]\ndns-attempts: 0\n"));
    assertThatThrownBy(() -> ScanCommand.parse(spec.scanArgs())).isInstanceOf(UsageException.class)
        .hasMessageContaining("--dns-attempts takes a number from 1 to 10, got 0");
  }

  @Test
  void chainKeysAreReadAndNotPassedToTheScan() throws Exception {
    JobSpec spec = JobSpec.load(write("""
        name: nightly
        sandbox: true
        stats: true
        stats-out: out/stats
        previous: none
        report: true
        retention-days: 7
        """));
    assertThat(spec.stats()).isTrue();
    assertThat(spec.report()).isTrue();
    assertThat(spec.statsOut()).isEqualTo("out/stats");
    assertThat(spec.previous()).isEqualTo("none");
    assertThat(spec.retentionDays()).isEqualTo(7);
    assertThat(String.join(" ", spec.scanArgs())).doesNotContain("stats", "report", "retention", "previous");
  }

  @Test
  void chainDefaultsKeepEverythingAndCompareAutomatically() throws Exception {
    JobSpec spec = JobSpec.load(write("name: plain\nsandbox: true\n"));
    assertThat(spec.stats()).isFalse();
    assertThat(spec.report()).isFalse();
    assertThat(spec.previous()).isEqualTo("auto");
    assertThat(spec.retentionDays()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "report without stats|name: x\\nsandbox: true\\nreport: true|needs stats: true",
      "retention of one day|name: x\\nsandbox: true\\nretention-days: 1|at least 2",
      "negative retention|name: x\\nsandbox: true\\nretention-days: -3|at least 2"})
  void badChainsAreRefused(String name, String yaml, String message) throws Exception {
    Path file = write(yaml.replace("\\n", "\n"));
    assertThatThrownBy(() -> JobSpec.load(file)).isInstanceOf(UsageException.class).hasMessageContaining(message);
  }
}
