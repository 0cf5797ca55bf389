package org.mtastscensus.stats;

import java.io.IOException;
import java.nio.file.Path;

/** Test helper: file housekeeping shared by test packages. */
public final class TestFiles {
  private TestFiles() {}

  public static void deleteTree(Path dir) throws IOException {
    StatsOutput.deleteTree(dir);
  }
}
