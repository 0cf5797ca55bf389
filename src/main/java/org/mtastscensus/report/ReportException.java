package org.mtastscensus.report;

/** The stats input cannot be read: missing or malformed file. The message names the file; exit code 1. */
public final class ReportException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
