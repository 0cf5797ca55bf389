package org.mtastscensus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole folder trees on the local file system (staging, outputs being replaced, expired scans, test scratch). */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes {@code dir} and everything below it, children first; a missing {@code dir} is not an error. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
