package org.mtastscensus.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number formatting for readers: thousands separators, percentages whose precision follows their size (a share of
 * 0.0124 % must not print as 0.0 %, nor 99.97 % as 100 %). Always Locale.ROOT so the page reads the same wherever
 * it is generated. Percent signs are joined with a no-break space so that a line never starts with "%".
 */
final class Fmt {
  static final String NBSP = "\u00a0";

  private Fmt() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A fraction 0..1 as a percentage; null (denominator 0) reads "n/a". */
  static String percent(Double share) {
    if (share == null || share.isNaN()) {
      return "n/a";
    }
    double p = share * 100;
    if (p == 0) {
      return "0" + NBSP + "%";
    }
    if (p >= 100) {
      return "100" + NBSP + "%";
    }
    String digits;
    if (p >= 1) {
      digits = String.format(Locale.ROOT, "%.1f", p);
      if (digits.equals("100.0")) {
        return ">" + NBSP + "99.9" + NBSP + "%";
      }
    } else {
      // two significant digits below 1 %: 0.52 %, 0.012 %
      digits = new BigDecimal(p).round(new MathContext(2, RoundingMode.HALF_UP)).toPlainString();
    }
    return digits + NBSP + "%";
  }

  /** n / d as a percentage; "n/a" when d is 0. */
  static String percent(long n, long d) {
    return percent(share(n, d));
  }

  static Double share(long n, long d) {
    return d == 0 ? null : (double) n / d;
  }

  /** "364 of 3,066 (11.9 %)". */
  static String ofTotal(long n, long d) {
    return count(n) + " of " + count(d) + " (" + percent(n, d) + ")";
  }

  /** A max_age in seconds in the unit a reader thinks in, e.g. "7 days", "1 year". */
  static String duration(long seconds) {
    if (seconds >= 31_557_600L) {
      return plural(seconds / 31_557_600L, "year");
    }
    if (seconds >= 86_400L && seconds % 86_400L == 0) {
      return plural(seconds / 86_400L, "day");
    }
    if (seconds >= 3_600L && seconds % 3_600L == 0) {
      return plural(seconds / 3_600L, "hour");
    }
    if (seconds >= 86_400L) {
      return String.format(Locale.ROOT, "%.1f days", seconds / 86_400.0);
    }
    return count(seconds) + " s";
  }

  private static String plural(long n, String unit) {
    return count(n) + " " + unit + (n == 1 ? "" : "s");
  }
}
