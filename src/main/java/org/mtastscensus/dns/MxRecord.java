package org.mtastscensus.dns;

import java.util.Locale;
import java.util.Optional;

/** One MX record: preference and exchange host (lower case, no trailing dot; "" for the null MX target "."). */
public record MxRecord(int preference, String exchange) {

  public MxRecord {
    exchange = normalizeHost(exchange == null ? "" : exchange);
  }

  /** Parses the presentation form "10 mx.example.com." kept in {@link DnsAnswer#values()}. */
  public static Optional<MxRecord> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.trim().split("\\s+");
    if (parts.length != 2) {
      return Optional.empty();
    }
    int preference;
    try {
      preference = Integer.parseInt(parts[0]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (preference < 0 || preference > 0xFFFF) {
      return Optional.empty();
    }
    return Optional.of(new MxRecord(preference, parts[1]));
  }

  /** RFC 7505: a single MX with preference 0 and the root as exchange. */
  public boolean isNullMx() {
    return preference == 0 && exchange.isEmpty();
  }

  public String presentation() {
    return preference + " " + (exchange.isEmpty() ? "." : exchange);
  }

  static String normalizeHost(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
