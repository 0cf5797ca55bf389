package org.mtastscensus.sts;

import java.util.Optional;
import org.mtastscensus.names.DomainName;

/**
 * One {@code mx} value of a policy: {@code ["*."] Domain} (RFC 8461 §3.2, Domain per RFC 5321 §4.1.2). Matching
 * follows §4.1: case-insensitive, trailing-dot-insensitive, and {@code *} matches exactly one whole left-most
 * label, never zero or several. No regular expressions: {@code *.example.com} must not match
 * {@code a.b.example.com} or {@code example.com}.
 *
 * @param value the pattern in comparison form (lower case, no trailing dot)
 */
public record MxPattern(String value) {

  /** Why an mx value is not a pattern, or empty when it is one. */
  public static Optional<String> problem(String raw) {
    if (raw.isEmpty()) {
      return Optional.of("empty value");
    }
    if (raw.contains("://") || raw.contains("/")) {
      return Optional.of("a URL, not a host name");
    }
    if (!Abnf.isAscii(raw)) {
      return Optional.of("not ASCII: IDNs must be A-labels (punycode)");
    }
    String name = DomainName.comparable(raw);
    DomainName.Problem problem = DomainName.checkLdh(name, true);
    if (problem == DomainName.Problem.WILDCARD) {
      return Optional.of("a wildcard must be the whole left-most label (\"*.\" prefix)");
    }
    return problem == null ? Optional.empty() : Optional.of(problem.meaning());
  }

  /** Parses a valid pattern; empty when {@link #problem} reports one. */
  public static Optional<MxPattern> parse(String raw) {
    return problem(raw).isPresent() ? Optional.empty() : Optional.of(new MxPattern(DomainName.comparable(raw)));
  }

  public boolean isWildcard() {
    return value.startsWith("*.");
  }

  /** True when {@code host} (any case, with or without trailing dot) matches this pattern. */
  public boolean matches(String host) {
    String name = DomainName.comparable(host);
    if (!isWildcard()) {
      return name.equals(value);
    }
    int firstDot = name.indexOf('.');
    return firstDot > 0 && name.substring(firstDot + 1).equals(value.substring(2));
  }
}
