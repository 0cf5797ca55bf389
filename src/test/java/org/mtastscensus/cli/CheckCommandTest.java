package org.mtastscensus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argument handling of mtasts check, and the loud stop on a dead resolver. */
class CheckCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int check(List<String> args) {
    return CheckCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no domain                     | --json                                   | no domain given",
      "unknown option                | --frobnicate example.com                 | unknown option --frobnicate",
      "bad domain                    | exa_mple.com                             | invalid domain \"exa_mple.com\"",
      "IP literal                    | 192.0.2.1                                | an IP address",
      "resolver name, not address    | --resolver dns.google:53 example.com     | give an IP address, not a name",
      "resolver port out of range    | --resolver 127.0.0.1:70000 example.com   | port must be 1-65535",
      "missing value                 | example.com --https-port                 | --https-port needs a value",
      "port not a number             | --https-port abc example.com             | --https-port takes a number",
      "unreadable input              | --input /nonexistent/list.txt            | cannot read --input file",
      "unreadable CA                 | --trust-ca /nonexistent/ca.pem x.test    | cannot read --trust-ca file",
  })
  void badArgumentsGetOneClearLineAndExitCode2(String name, String args, String message) {
    assertThat(check(List.of(args.trim().split("\\s+")))).isEqualTo(2);
    assertThat(errText().lines().findFirst().orElse("")).startsWith("mtasts check: ").contains(message);
  }

  @Test
  void malformedInputLinesAreSkippedAndReportedWithASample() throws Exception {
    Path input = Files.writeString(dir.resolve("list.txt"), "# my domains\nexample.com\nbad_name.com\nEXAMPLE.org.\n");
    List<String> names = CheckCommand.readInput(input.toString(), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(names).containsExactly("example.com", "example.org");
    assertThat(errText()).contains("skipped 1 malformed line(s)").contains("NOT_LDH=1").contains("line 3");
  }

  @Test
  void aFileThatIsNotACertificateIsRejected() throws IOException {
    Path notPem = Files.writeString(dir.resolve("ca.pem"), "hello\n");
    assertThat(check(List.of("--trust-ca", notPem.toString(), "example.test"))).isEqualTo(2);
    assertThat(errText()).contains("--trust-ca file");
  }

  @Test
  void aDeadResolverStopsTheRunWithAnErrorNamingIt() throws IOException {
    int port;
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort(); // closed again: queries there get ICMP port unreachable
    }
    Path input = dir.resolve("domains.txt");
    Files.write(input, IntStream.range(0, 400).mapToObj(i -> "d" + i + ".test").toList());
    int code = check(List.of("--json", "--input", input.toString(), "--resolver", "127.0.0.1:" + port,
        "--dns-timeout-ms", "200", "--dns-attempts", "1", "--concurrency", "20"));
    assertThat(code).isEqualTo(3);
    assertThat(errText()).contains("127.0.0.1:" + port).contains("stopped");
    // whatever was written before the stop is never a "no MTA-STS" verdict
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\"NO_RECORD\"").doesNotContain("\"NO_DOMAIN\"");
  }
}
