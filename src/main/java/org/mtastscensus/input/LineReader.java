package org.mtastscensus.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ending in LF, CRLF or CR with a cap on the line length: {@link java.io.BufferedReader#readLine()}
 * would buffer a newline-free multi-gigabyte file whole, which breaks the constant-memory promise.
 */
final class LineReader implements Closeable {
  static final int DEFAULT_MAX_LINE_CHARS = 64 * 1024;

  private final Reader in;
  private final InputStats stats;
  private final int maxLineChars;
  private final char[] buffer = new char[16 * 1024];
  private final StringBuilder line = new StringBuilder(256);
  private int pos;
  private int limit;
  private boolean eof;
  private boolean skipLf;
  private boolean truncated;
  private long lineNumber;

  LineReader(Reader in, InputStats stats) {
    this(in, stats, DEFAULT_MAX_LINE_CHARS);
  }

  LineReader(Reader in, InputStats stats, int maxLineChars) {
    this.in = in;
    this.stats = stats;
    this.maxLineChars = maxLineChars;
  }

  /** The next line without its terminator, or null at the end. */
  String readLine() throws IOException {
    line.setLength(0);
    truncated = false;
    boolean any = false;
    while (true) {
      if (pos >= limit) {
        if (eof || !fill()) {
          if (!any) {
            return null;
          }
          break;
        }
      }
      char c = buffer[pos++];
      if (skipLf) {
        skipLf = false;
        if (c == '\n') {
          continue;
        }
      }
      any = true;
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        skipLf = true;
        break;
      }
      if (line.length() < maxLineChars) {
        line.append(c);
      } else {
        truncated = true;
      }
    }
    lineNumber++;
    stats.countLine();
    if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
      // Editors on Windows start UTF-8 files with a byte order mark; it is not part of the first name.
      line.deleteCharAt(0);
    }
    return line.toString();
  }

  /** Whether the last line returned was cut at the cap. */
  boolean truncated() {
    return truncated;
  }

  /** 1-based number of the last line returned. */
  long lineNumber() {
    return lineNumber;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
