package org.mtastscensus.stats;

/** Shares are fractions 0..1, rounded to 6 decimals so CSV, Parquet and summary.json hold the same number. */
final class Shares {
  private Shares() {}

  /** @return null when the denominator is 0 (no population, no share) */
  static Double of(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return Math.round(part * 1_000_000d / whole) / 1_000_000d;
  }
}
