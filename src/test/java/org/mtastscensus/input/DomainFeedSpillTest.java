package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The feed's external-sort dedupe against the obvious in-memory reference (a HashSet in first-seen order, as the
 * feed used to be), with run sizes forced tiny so that duplicates meet across files, across spilled runs and across
 * merge passes.
 */
class DomainFeedSpillTest {
  @TempDir
  Path dir;

  private Path spill() {
    return dir.resolve("spill");
  }

  /** What the feed must produce: exact counts, each allowed distinct name once. */
  private record Expected(Set<String> accepted, long duplicates, long optedOut) {}

  private static Expected reference(List<List<String>> files, Set<String> optOut) {
    Set<String> seen = new HashSet<>();
    Set<String> accepted = new TreeSet<>();
    long duplicates = 0;
    long optedOut = 0;
    for (List<String> file : files) {
      for (String name : file) {
        if (!seen.add(name)) {
          duplicates++;
        } else if (optOut.stream().anyMatch(o -> name.equals(o) || name.endsWith("." + o))) {
          optedOut++;
        } else {
          accepted.add(name);
        }
      }
    }
    return new Expected(accepted, duplicates, optedOut);
  }

  private List<Path> write(List<List<String>> files) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      paths.add(Files.write(dir.resolve("in-" + i + ".txt"), files.get(i)));
    }
    return paths;
  }

  private void assertNoSpillLeft() throws IOException {
    if (Files.exists(spill())) {
      try (Stream<Path> left = Files.list(spill())) {
        assertThat(left).isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "seed {0}, run size {1}, fan-in {2}")
  @CsvSource({"1, 1, 2", "2, 7, 2", "3, 50, 3", "4, 333, 4", "5, 100000, 64", "6, 64, 64"})
  void matchesAHashSetOnRandomInputsWithManyDuplicates(long seed, int runNames, int fanIn) throws Exception {
    Random random = new Random(seed);
    List<List<String>> files = new ArrayList<>();
    int fileCount = 2 + random.nextInt(4);
    for (int f = 0; f < fileCount; f++) {
      List<String> lines = new ArrayList<>();
      int n = random.nextInt(3000);
      for (int i = 0; i < n; i++) {
        // a small name space (about 1500 names) so that most names repeat, within and across files
        int label = random.nextInt(1500);
        String tld = label % 7 == 0 ? "optout.example" : (label % 2 == 0 ? "com" : "net");
        lines.add((label % 11 == 0 ? "sub.d" : "d") + label + "." + tld);
      }
      files.add(lines);
    }
    Set<String> optOut = Set.of("optout.example", "d3.net");
    Expected expected = reference(files, optOut);
    List<String> names = new ArrayList<>();

    InputTally tally = new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of("OPTOUT.example", "d3.net"), spill(), runNames,
        fanIn).read(write(files), names::add);

    assertThat(names).containsExactlyElementsOf(expected.accepted()); // each once, in sorted order
    assertThat(tally.acceptedCount()).isEqualTo(expected.accepted().size());
    assertThat(tally.duplicates()).isEqualTo(expected.duplicates());
    assertThat(tally.optedOutCount()).isEqualTo(expected.optedOut());
    assertThat(tally.linesRead()).isEqualTo(files.stream().mapToLong(List::size).sum());
    assertNoSpillLeft();
  }

  @Test
  void emptyInputsGiveNothingAndTouchNoDisk() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    List<String> names = new ArrayList<>();

    InputTally tally = new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of(), spill(), 1, 2).read(List.of(empty, empty),
        names::add);

    assertThat(names).isEmpty();
    assertThat(tally.acceptedCount()).isZero();
    assertThat(tally.duplicates()).isZero();
    assertThat(spill()).doesNotExist();
  }

  @Test
  void oneNameRepeatedAcrossManyRunsAndFilesIsAcceptedOnce() throws Exception {
    List<String> same = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      same.add(i % 2 == 0 ? "Same.Example." : "same.example");
    }
    List<String> names = new ArrayList<>();

    // 3 files x 5000 lines in runs of 10: 1500 runs, merged 4 at a time over several passes
    InputTally tally = new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of(), spill(), 10, 4)
        .read(write(List.of(same, same, same)), names::add);

    assertThat(names).containsExactly("same.example");
    assertThat(tally.acceptedCount()).isEqualTo(1);
    assertThat(tally.duplicates()).isEqualTo(14_999);
    assertNoSpillLeft();
  }

  @Test
  void anOptedOutNameRepeatedIsOptedOutOnceAndDuplicateOtherwise() throws Exception {
    List<String> names = new ArrayList<>();

    InputTally tally = new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of("gone.example"), spill(), 2, 2)
        .read(write(List.of(List.of("a.gone.example", "keep.example", "a.gone.example"),
            List.of("a.gone.example", "keep.example", "gone.example"))), names::add);

    assertThat(names).containsExactly("keep.example");
    assertThat(tally.optedOutCount()).isEqualTo(2);
    assertThat(tally.duplicates()).isEqualTo(3);
    assertThat(tally.acceptedCount()).isEqualTo(1);
    assertNoSpillLeft();
  }

  @Test
  void spillFilesAreRemovedWhenTheConsumerFails() throws Exception {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add("n" + i + ".example");
    }
    DomainFeed feed = new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of(), spill(), 50, 3);

    assertThatThrownBy(() -> feed.read(write(List.of(many)), name -> {
      if (name.startsWith("n5")) {
        throw new UncheckedIOException(new IOException("disk full"));
      }
    })).isInstanceOf(IOException.class).hasMessage("disk full");
    assertNoSpillLeft();
  }

  @Test
  void spillFilesAreRemovedWhenAnInputIsMissing() throws Exception {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add("n" + i + ".example");
    }
    List<Path> inputs = new ArrayList<>(write(List.of(many)));
    inputs.add(dir.resolve("missing.txt"));

    assertThatThrownBy(() -> new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of(), spill(), 50, 3).read(inputs, n -> { }))
        .isInstanceOf(IOException.class);
    assertNoSpillLeft();
  }

  @Test
  void anUnwritableSpillFolderSaysWhatTheBoundIs() throws Exception {
    Path notADir = Files.writeString(dir.resolve("file"), "");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add("n" + i + ".example");
    }

    assertThatThrownBy(() -> new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of(), notADir, 10, 2)
        .read(write(List.of(many)), n -> { }))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("up to 10 names")
        .hasMessageContaining("RUN_NAMES is " + DomainFeed.RUN_NAMES);
  }

  @Test
  void rejectsNonsenseBounds() {
    assertThatThrownBy(() -> new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of(), spill(), 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DomainFeed(new FormatReader(InputFormat.PLAIN), List.of(), spill(), 10, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
