package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain lists through the feed: normalisation, comments, duplicates across files, opt-outs, malformed samples. */
class DomainFeedTest {
  @TempDir
  Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void countsEveryLineOnceByWhatHappenedToIt() throws Exception {
    Path first = Files.writeString(dir.resolve("a.txt"), """
        # header comment
        Example.COM.
        bücher.example   # IDN, trailing comment

        example.com
        mail.optout.example
        """);
    Path second = Files.write(dir.resolve("b.txt"), List.of("example.com", "1.2.3.4", "a..b", "x_y.example",
        "ok.example"), StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>();

    InputTally tally = new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of("OptOut.example")).read(List.of(first, second),
        names::add);

    assertThat(names).containsExactly("example.com", "ok.example", "xn--bcher-kva.example");
    assertThat(tally.linesRead()).isEqualTo(9);
    assertThat(tally.duplicates()).isEqualTo(2);
    assertThat(tally.optedOutCount()).isEqualTo(1);
    assertThat(tally.malformedTotal()).isEqualTo(3);
    assertThat(tally.acceptedCount()).isEqualTo(3);
    Map<String, Object> byReason = (Map<String, Object>) tally.toMap().get("malformed_by_reason");
    assertThat(byReason).containsOnlyKeys("IP_LITERAL", "LABEL_EMPTY", "NOT_LDH");
  }

  @Test
  @SuppressWarnings("unchecked")
  void keepsAtMostFiveSamplesPerReasonAndNeverStops() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add("10.0.0." + i);
    }
    lines.add("last.example");
    Path file = Files.write(dir.resolve("ips.txt"), lines);
    List<String> names = new ArrayList<>();

    InputTally tally = new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of()).read(List.of(file), names::add);

    assertThat(names).containsExactly("last.example");
    Map<String, Object> ip = (Map<String, Object>) ((Map<String, Object>) tally.toMap().get("malformed_by_reason"))
        .get("IP_LITERAL");
    assertThat(ip.get("count")).isEqualTo(20L);
    assertThat((List<String>) ip.get("samples")).hasSize(InputTally.SAMPLES_PER_REASON).first().isEqualTo("10.0.0.0");
  }

  @Test
  void invalidUtf8IsMalformedNotFatal() throws Exception {
    Path file = dir.resolve("bytes.txt");
    Files.write(file, new byte[] {'a', (byte) 0xff, '.', 'e', 'x', '\n', 'o', 'k', '.', 'e', 'x', '\n'});
    List<String> names = new ArrayList<>();

    InputTally tally = new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of()).read(List.of(file), names::add);

    assertThat(names).containsExactly("ok.ex");
    assertThat(tally.malformedTotal()).isEqualTo(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void zoneAndTopListFilesGoThroughTheSameFeed() throws Exception {
    Path zone = dir.resolve("com.txt.gz");
    try (var in = DomainFeedTest.class.getResourceAsStream("/input/com-excerpt.txt");
        var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(zone))) {
      in.transferTo(out);
    }
    Path toplist = Files.write(dir.resolve("top.csv"), List.of("1,google.com", "2,fresh.example", "3,a..com"));
    List<String> names = new ArrayList<>();

    InputTally tally = new DomainFeed(new FormatReader(null), List.of("parked-42.com"))
        .read(List.of(zone, toplist), names::add);

    assertThat(names).containsExactly("example.com", "fresh.example", "google.com", "mta-sts-demo.com",
        "xn--bcher-kva.com");
    assertThat(tally.optedOutCount()).isEqualTo(1);
    // 7 repeated NS lines inside the zone, plus google.com again in the top list
    assertThat(tally.duplicates()).isEqualTo(8);
    assertThat(tally.malformedTotal()).isEqualTo(1);
    assertThat(tally.linesRead()).isEqualTo(tally.acceptedCount() + tally.duplicates() + tally.optedOutCount()
        + tally.malformedTotal() + tally.skippedTotal());
    assertThat((Map<String, Long>) tally.toMap().get("skipped_records")).containsEntry("DS", 3L);
  }
}
