package org.mtastscensus.report;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mtastscensus.FileTrees;

/** The stats fixtures of src/test/resources, and copies of them altered for one test. */
final class Fixtures {
  static final String HOSTILE_PROVIDER = "<script>alert(1)</script>";
  static final String HOSTILE_DOMAIN = "x\"><img src=x onerror=alert(2)>&amp;.com";
  static final String HOSTILE_LIST = "list \"A\" & <b>B</b>";

  private Fixtures() {}

  static Path statsDir() {
    return resource("stats-fixture");
  }

  static Path historyRoot() {
    return resource("stats-fixture-history");
  }

  private static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of the fixture into {@code dir}; returns {@code dir}. */
  static Path copy(Path dir) throws IOException {
    Path from = statsDir();
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path to = dir.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return dir;
  }

  /**
   * The fixture with attacker-chosen names: a provider, a change domain, a TLD and the list label (in every
   * table and in summary.json) carry markup, quotes and ampersands, RFC 4180-quoted where needed.
   */
  static Path hostileCopy(Path dir) throws IOException {
    copy(dir);
    String list = csvQuote(HOSTILE_LIST);
    try (Stream<Path> files = Files.list(dir.resolve("csv"))) {
      for (Path csv : files.toList()) {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        text = text.replace(",demo,domains.txt,", ",demo," + list + ",");
        text = text.replace("sts-hosting.example", HOSTILE_PROVIDER);
        text = text.replace("d2763.com", csvQuote(HOSTILE_DOMAIN));
        text = text.replace(",TLD,se,", ",TLD," + csvQuote("se\"<i>") + ",");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
      }
    }
    Path summary = dir.resolve("summary.json");
    String json = Files.readString(summary, StandardCharsets.UTF_8)
        .replace("\"list\": \"domains.txt\"", "\"list\": \"list \\\"A\\\" & <b>B</b>\"");
    Files.writeString(summary, json, StandardCharsets.UTF_8);
    return dir;
  }

  static String csvQuote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  static void rewrite(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalStateException(file + " does not contain " + from);
    }
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }


  static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
