package org.mtastscensus.input;

/**
 * The file uses a feature the reader refuses to half-support (such as {@code $INCLUDE}); unlike a malformed line
 * this stops the read, because carrying on would silently give a wrong census.
 */
public final class InputRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long line;

  public InputRejectedException(String source, long line, String message) {
    super(source + ":" + line + ": " + message);
    this.line = line;
  }

  public long line() {
    return line;
  }
}
