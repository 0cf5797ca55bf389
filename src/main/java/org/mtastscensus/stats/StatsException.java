package org.mtastscensus.stats;

/** A failure of the stats run with a message meant for the user (one line, naming the path or value at fault). */
public final class StatsException extends Exception {
  private static final long serialVersionUID = 1L;

  public StatsException(String message) {
    super(message);
  }
}
