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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint command end to end: arguments in, verdict text or JSON out, exit codes for bad input. */
class LintCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int lint(String... args) {
    return LintCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path policy(String text) throws IOException {
    Path file = dir.resolve("mta-sts.txt");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void validEnforcePolicyWithUncoveredBackupIsLatentRisk() throws IOException {
    Path file = policy("version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 604800\n");
    int code = lint("--domain", "Example.COM.", "--txt", "v=STSv1; id=20240101", "--policy", file.toString(),
        "--mx", "10 mx1.example.com", "--mx", "20 backup.mailhost.net",
        "--tlsrpt", "v=TLSRPTv1; rua=mailto:tls@example.com");
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(text).startsWith("example.com: VALID_ENFORCE\n")
        .contains("PARTIAL (uncovered: backup.mailhost.net), delivery risk LATENT")
        .contains("MX_NOT_COVERED")
        .doesNotContain("TLSRPT_MISSING");
  }

  @Test
  void jsonCarriesTheContractFieldsInOrder() throws IOException {
    Path file = policy("version: STSv1\r\nmode: testing\r\nmx: mail.example.org\r\nmax_age: 3600\r\n");
    int code = lint("--domain", "example.org", "--txt", "v=STSv1;id=1", "--policy", file.toString(),
        "--content-type", "TEXT/PLAIN; charset=utf-8", "--mx", "5 mail.example.org", "--json");
    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names).startsWith("domain", "outcome", "outcome_lenient", "record_valid", "policy_fetched",
        "policy_valid", "policy_mode", "mx_coverage", "delivery_risk", "tlsrpt", "findings");
    assertThat(json.get("outcome").asText()).isEqualTo("VALID_TESTING");
    assertThat(json.get("policy_mode").asText()).isEqualTo("testing");
    assertThat(json.get("delivery_risk").isNull()).isTrue();
    assertThat(json.get("findings").toString()).contains("POLICY_MAX_AGE_SHORT", "TLSRPT_MISSING");
  }

  @Test
  void recordWithoutPolicyFileMeansNoPolicyHost() {
    int code = lint("--domain", "example.net", "--txt", "v=STSv1; id=abc");
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("example.net: POLICY_UNAVAILABLE")
        .contains("POLICY_HOST_NO_ADDRESS");
  }

  @Test
  void badArgumentsGetOneClearLineAndExitCode2() {
    assertThat(lint("--txt", "v=STSv1; id=1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mtasts lint: --domain is required\n");
    err.reset();
    assertThat(lint("--domain", "1.2.3.4")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mtasts lint: invalid domain 1.2.3.4: an IP address");
    err.reset();
    assertThat(lint("--domain", "example.com", "--mx", "mx.example.com")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mtasts lint: --mx takes");
    err.reset();
    assertThat(lint("--domain", "example.com", "--policy", dir.resolve("missing.txt").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mtasts lint: cannot read policy file");
    err.reset();
    assertThat(lint("--domain", "example.com", "--bogus", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mtasts lint: unknown option --bogus");
  }
}
