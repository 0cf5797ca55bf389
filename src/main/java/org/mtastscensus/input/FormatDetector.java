package org.mtastscensus.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guesses the format from the file name, then from the first lines. The name wins only when it is specific
 * ({@code .csv}, {@code .zone}); CZDS files are called {@code <tld>.txt.gz}, so {@code .txt} says nothing.
 */
final class FormatDetector {
  static final int PEEK_BYTES = 8 * 1024;
  private static final int PEEK_LINES = 20;
  private static final Pattern CSV_RANK = Pattern.compile("\"?\\d+\"?\\s*,.*");
  private static final Pattern WHITE = Pattern.compile("\\s+");

  private FormatDetector() {}

  /** Looks at the stream without consuming it. */
  static InputFormat detect(String innerName, BufferedInputStream in) throws IOException {
    InputFormat byName = byName(innerName);
    if (byName != null) {
      return byName;
    }
    in.mark(PEEK_BYTES);
    byte[] head = in.readNBytes(PEEK_BYTES);
    in.reset();
    return byContent(new String(head, StandardCharsets.UTF_8));
  }

  static InputFormat byName(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    lower = Decompression.stripSuffix(lower, ".gz");
    if (lower.endsWith(".csv")) {
      return InputFormat.TOPLIST;
    }
    if (lower.endsWith(".zone")) {
      return InputFormat.ZONE;
    }
    return null;
  }

  static InputFormat byContent(String head) {
    String[] lines = head.split("\r\n|\r|\n", PEEK_LINES + 1);
    for (int i = 0; i < Math.min(lines.length, PEEK_LINES); i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("$ORIGIN") || upper.startsWith("$TTL")) {
        return InputFormat.ZONE;
      }
      if (CSV_RANK.matcher(line).matches()) {
        return InputFormat.TOPLIST;
      }
      String[] fields = WHITE.split(upper);
      for (int f = 1; f < Math.min(fields.length - 1, 5); f++) {
        if (fields[f].equals("SOA") || fields[f].equals("NS")) {
          return InputFormat.ZONE;
        }
      }
    }
    return InputFormat.PLAIN;
  }
}
