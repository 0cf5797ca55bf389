package org.mtastscensus.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unwraps gzip and zip by their magic bytes, because downloads get renamed (a CZDS {@code .txt.gz} saved as
 * {@code .txt}) and an extension is only a hint.
 */
final class Decompression {
  static final int BUFFER_BYTES = 64 * 1024;

  /** The readable stream, the name of what it holds (for format detection) and how it was wrapped. */
  record Opened(BufferedInputStream stream, String innerName, String container) {}

  private Decompression() {}

  static Opened open(InputStream raw, String sourceName) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER_BYTES);
    in.mark(4);
    int b0 = in.read();
    int b1 = in.read();
    int b2 = in.read();
    int b3 = in.read();
    in.reset();
    String name = sourceName == null ? "" : sourceName;
    if (b0 == 0x1f && b1 == 0x8b) {
      // GZIPInputStream also reads concatenated members, which parallel compressors (pigz) produce.
      return new Opened(new BufferedInputStream(new GZIPInputStream(in, BUFFER_BYTES), BUFFER_BYTES),
          stripSuffix(name, ".gz"), "gzip");
    }
    if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
      ZipInputStream zip = new ZipInputStream(in);
      ZipEntry entry = firstFile(zip);
      if (entry == null) {
        zip.close();
        throw new IOException(name + ": zip archive holds no file");
      }
      // Only the first file is read: top lists ship as one CSV per archive, and reading on would mix lists.
      return new Opened(new BufferedInputStream(zip, BUFFER_BYTES), entry.getName(), "zip:" + entry.getName());
    }
    return new Opened(in, name, "none");
  }

  private static ZipEntry firstFile(ZipInputStream zip) throws IOException {
    ZipEntry entry;
    while ((entry = zip.getNextEntry()) != null) {
      // macOS Finder adds resource forks under __MACOSX/ that are not the list.
      if (!entry.isDirectory() && !entry.getName().startsWith("__MACOSX/")) {
        return entry;
      }
    }
    return null;
  }

  static String stripSuffix(String name, String suffix) {
    return name.toLowerCase(Locale.ROOT).endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
  }
}
