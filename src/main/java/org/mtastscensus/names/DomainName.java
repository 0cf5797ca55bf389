package org.mtastscensus.names;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises and validates host names the way the scanner stores them: A-label, lower case ({@link Locale#ROOT}),
 * no trailing dot, LDH labels (RFC 5321 §4.1.2 "Domain", RFC 1035 §2.3.4 lengths). Pure and total: every input
 * gets either a name or a reason.
 */
public final class DomainName {
  public static final int MAX_NAME_LENGTH = 253;
  public static final int MAX_LABEL_LENGTH = 63;
  /** Inputs longer than this are rejected before any processing, so that hostile lines cost nothing. */
  public static final int MAX_INPUT_LENGTH = 1024;

  private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern ALL_DIGITS = Pattern.compile("\\d+");

  /** Why a name was rejected. Stable names: they are counted per reason in run metadata. */
  public enum Problem {
    EMPTY("empty name"),
    TOO_LONG("name longer than 253 octets"),
    LABEL_EMPTY("empty label (leading dot or two dots in a row)"),
    LABEL_TOO_LONG("label longer than 63 octets"),
    NOT_LDH("label with characters other than letters, digits and inner hyphens"),
    IP_LITERAL("an IP address, not a domain name"),
    NUMERIC_TLD("top-level label is all digits"),
    IDN_INVALID("internationalised name that cannot be converted to an A-label"),
    WILDCARD("wildcard label");

    private final String meaning;

    Problem(String meaning) {
      this.meaning = meaning;
    }

    public String meaning() {
      return meaning;
    }
  }

  /** A normalised name, or the reason there is none. Exactly one of the two is non-null. */
  public record Result(String name, Problem problem, String input) {
    public boolean valid() {
      return name != null;
    }
  }

  private DomainName() {}

  /** Normalises {@code input}: trims, drops one trailing dot, converts U-labels to A-labels, lower-cases. */
  public static Result normalize(String input) {
    if (input == null) {
      return reject(Problem.EMPTY, "");
    }
    if (input.length() > MAX_INPUT_LENGTH) {
      return reject(Problem.TOO_LONG, input.substring(0, 64) + "...");
    }
    String name = input.strip();
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty()) {
      return reject(Problem.EMPTY, input);
    }
    if (name.startsWith("[") || name.indexOf(':') >= 0 || IPV4.matcher(name).matches()) {
      return reject(Problem.IP_LITERAL, input);
    }
    if (!isAscii(name)) {
      try {
        name = IDN.toASCII(name, 0);
      } catch (RuntimeException e) {
        // IllegalArgumentException on JDK 17; JDK 25's Punycode throws a bare RuntimeException for long labels
        return reject(Problem.IDN_INVALID, input);
      }
    }
    name = name.toLowerCase(Locale.ROOT);
    Problem problem = checkLdh(name, false);
    return problem == null ? new Result(name, null, input) : reject(problem, input);
  }

  /**
   * Checks an already ASCII, lower-case name without trailing dot. With {@code allowWildcard}, a left-most label of
   * exactly "*" is accepted (policy mx patterns). Returns null when the name is valid.
   */
  public static Problem checkLdh(String name, boolean allowWildcard) {
    if (name.isEmpty()) {
      return Problem.EMPTY;
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return Problem.TOO_LONG;
    }
    if (IPV4.matcher(name).matches()) {
      return Problem.IP_LITERAL;
    }
    String[] labels = name.split("\\.", -1);
    for (int i = 0; i < labels.length; i++) {
      String label = labels[i];
      if (label.isEmpty()) {
        return Problem.LABEL_EMPTY;
      }
      if (label.length() > MAX_LABEL_LENGTH) {
        return Problem.LABEL_TOO_LONG;
      }
      if (label.equals("*")) {
        if (allowWildcard && i == 0 && labels.length > 1) {
          continue;
        }
        return Problem.WILDCARD;
      }
      if (!LDH_LABEL.matcher(label).matches()) {
        return Problem.NOT_LDH;
      }
    }
    if (labels.length > 1 && ALL_DIGITS.matcher(labels[labels.length - 1]).matches()) {
      return Problem.NUMERIC_TLD;
    }
    return null;
  }

  /** Lower case with {@link Locale#ROOT} and no trailing dot: the comparison form of a DNS name. */
  public static String comparable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static Result reject(Problem problem, String input) {
    return new Result(null, problem, input);
  }
}
