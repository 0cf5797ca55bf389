package org.mtastscensus.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mtastscensus.FileTrees;

/**
 * The private work area of one scan ID, {@code out/_staging/scan_id=ID/} (readers skip names starting with
 * {@code _}): the domain list cut into numbered chunk files, each chunk's rows in its own folder with a commit
 * marker, and the run state. Resume skips committed chunks; publishing moves every chunk's files into one folder
 * and renames it into place, so readers see either the old run or the complete new one.
 */
final class StagingArea {
  static final String STAGING = "_staging";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path out;
  private final String scanId;
  private final Path root;

  StagingArea(Path out, String scanId) {
    this.out = out;
    this.scanId = scanId;
    this.root = out.resolve(STAGING).resolve("scan_id=" + scanId);
  }

  Path root() {
    return root;
  }

  boolean hasState() {
    return Files.isRegularFile(root.resolve("state.json"));
  }

  /** Deletes any earlier staging of this ID and starts empty. */
  void reset() throws IOException {
    FileTrees.deleteTree(root);
    Files.createDirectories(root.resolve("chunks"));
    Files.createDirectories(root.resolve("parts"));
  }

  Path chunkFile(int chunk) {
    return root.resolve("chunks").resolve(String.format(Locale.ROOT, "chunk-%05d.txt", chunk));
  }

  Path partsDir(int chunk) {
    return root.resolve("parts").resolve(String.format(Locale.ROOT, "chunk-%05d", chunk));
  }

  private Path marker(int chunk) {
    return root.resolve("parts").resolve(String.format(Locale.ROOT, "chunk-%05d.committed", chunk));
  }

  /** The counts taken from a chunk's written rows, saved before its commit marker. */
  Path countsFile(int chunk) {
    return root.resolve("parts").resolve(String.format(Locale.ROOT, "chunk-%05d.counts.json", chunk));
  }

  void saveCounts(int chunk, Map<String, Object> counts) throws IOException {
    Path tmp = root.resolve("parts").resolve(String.format(Locale.ROOT, "chunk-%05d.counts.json.tmp", chunk));
    JSON.writeValue(tmp.toFile(), counts);
    Files.move(tmp, countsFile(chunk), StandardCopyOption.ATOMIC_MOVE);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> loadCounts(int chunk) throws IOException {
    return Files.isRegularFile(countsFile(chunk)) ? JSON.readValue(countsFile(chunk).toFile(), Map.class) : null;
  }

  boolean committed(int chunk) {
    return Files.exists(marker(chunk));
  }

  /** Marks a chunk done; written after Spark's job commit, so a marker always means complete rows. */
  void commit(int chunk) throws IOException {
    Files.writeString(marker(chunk), "");
  }

  void saveState(Map<String, Object> state) throws IOException {
    Path tmp = root.resolve("state.json.tmp");
    JSON.writeValue(tmp.toFile(), state);
    Files.move(tmp, root.resolve("state.json"), StandardCopyOption.ATOMIC_MOVE);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> loadState() throws IOException {
    return JSON.readValue(root.resolve("state.json").toFile(), Map.class);
  }

  /** Writes names into chunk files of {@code chunkSize} lines each, streaming. */
  final class ChunkWriter implements AutoCloseable {
    private final int chunkSize;
    private BufferedWriter writer;
    private int chunks;
    private int inChunk;

    ChunkWriter(int chunkSize) {
      this.chunkSize = chunkSize;
    }

    void add(String name) {
      try {
        if (writer == null || inChunk == chunkSize) {
          if (writer != null) {
            writer.close();
          }
          writer = Files.newBufferedWriter(chunkFile(chunks++), StandardCharsets.UTF_8);
          inChunk = 0;
        }
        writer.write(name);
        writer.write('\n');
        inChunk++;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write a chunk under " + root, e);
      }
    }

    int chunks() {
      return chunks;
    }

    @Override
    public void close() throws IOException {
      if (writer != null) {
        writer.close();
      }
    }
  }

  /**
   * Links every chunk's data files into one folder with {@code runJson} beside them, then renames that folder to
   * {@code out/scan_date=DATE/scan_id=ID}. An earlier output of the same ID (any date) is moved aside first and
   * deleted after, and the staging area is removed. The chunk folders stay intact until the very end, so a driver
   * killed anywhere in here leaves a run that {@code --resume} publishes again.
   */
  Path publish(String scanDate, int chunks, byte[] runJson) throws IOException {
    Path publish = root.resolve("publish");
    FileTrees.deleteTree(publish);
    Files.createDirectories(publish);
    for (int chunk = 0; chunk < chunks; chunk++) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(partsDir(chunk))) {
        for (Path file : files) {
          String name = file.getFileName().toString();
          if (!name.startsWith(".") && !name.startsWith("_")) {
            linkOrCopy(file, publish.resolve(String.format(Locale.ROOT, "chunk-%05d-%s", chunk, name)));
          }
        }
      }
    }
    Files.write(publish.resolve("_run.json"), runJson);
    Path target = out.resolve("scan_date=" + scanDate).resolve("scan_id=" + scanId);
    Files.createDirectories(target.getParent());
    List<Path> earlier = earlierOutputs();
    Path replaced = root.resolve("replaced");
    Files.createDirectories(replaced);
    for (int i = 0; i < earlier.size(); i++) {
      Files.move(earlier.get(i), replaced.resolve(Integer.toString(i)), StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(publish, target, StandardCopyOption.ATOMIC_MOVE);
    FileTrees.deleteTree(root);
    try (Stream<Path> left = Files.list(root.getParent())) {
      if (left.findAny().isEmpty()) {
        Files.delete(root.getParent());
      }
    }
    return target;
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | IOException e) {
      // file systems without hard links (some network mounts): a copy costs space, not correctness
      Files.copy(from, to);
    }
  }

  private List<Path> earlierOutputs() throws IOException {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(out)) {
      return found;
    }
    try (DirectoryStream<Path> dates = Files.newDirectoryStream(out, "scan_date=*")) {
      for (Path date : dates) {
        Path run = date.resolve("scan_id=" + scanId);
        if (Files.isDirectory(run)) {
          found.add(run);
        }
      }
    }
    return found;
  }

}
