package org.mtastscensus.input;

import java.util.Locale;
import org.mtastscensus.names.DomainName;

/**
 * Master-file names (RFC 1035 §5.1): relative names, {@code @} and backslash escapes. Absolute names keep their
 * trailing dot here and lose it in {@link DomainName#normalize}.
 */
final class ZoneNames {
  private ZoneNames() {}

  /** {@code token} made absolute against {@code origin} (absolute, with trailing dot); null if that is impossible. */
  static String absolute(String token, String origin) {
    if (token.equals("@")) {
      return origin;
    }
    if (endsWithUnescapedDot(token)) {
      return token;
    }
    if (origin == null) {
      return null;
    }
    return origin.equals(".") ? token + "." : token + "." + origin;
  }

  /**
   * Normalises an absolute name. An escape that stands for anything other than a letter, digit or hyphen (an
   * escaped dot inside a label, {@code \032}) cannot be an LDH name, and must not reach
   * {@link DomainName#normalize}, which would read {@code a\.b} as two labels or trim an escaped space.
   */
  static DomainName.Result normalize(String absolute) {
    if (absolute.indexOf('\\') < 0) {
      return DomainName.normalize(absolute);
    }
    StringBuilder plain = new StringBuilder(absolute.length());
    for (int i = 0; i < absolute.length(); i++) {
      char c = absolute.charAt(i);
      if (c != '\\') {
        plain.append(c);
        continue;
      }
      int decoded = -1;
      if (isDigits(absolute, i + 1, 3)) {
        decoded = Integer.parseInt(absolute.substring(i + 1, i + 4));
        i += 3;
      } else if (i + 1 < absolute.length() && !Character.isDigit(absolute.charAt(i + 1))) {
        decoded = absolute.charAt(i + 1);
        i += 1;
      }
      if (decoded < 0 || !isLdhChar(decoded)) {
        return new DomainName.Result(null, DomainName.Problem.NOT_LDH, absolute);
      }
      plain.append((char) decoded);
    }
    return DomainName.normalize(plain.toString());
  }

  /**
   * The zone a file name suggests, for BIND-style files that rely on the zone name as the initial origin:
   * {@code com.txt}, {@code com.zone}, {@code db.example}. Null when the name does not look like a zone.
   */
  static String zoneNameGuess(String fileName) {
    if (fileName == null) {
      return null;
    }
    String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
        .toLowerCase(Locale.ROOT);
    name = Decompression.stripSuffix(name, ".gz");
    String guess = null;
    for (String suffix : new String[] {".txt", ".zone", ".db"}) {
      if (name.endsWith(suffix)) {
        guess = name.substring(0, name.length() - suffix.length());
        break;
      }
    }
    if (guess == null && name.startsWith("db.")) {
      guess = name.substring(3);
    }
    if (guess == null) {
      return null;
    }
    DomainName.Result result = DomainName.normalize(guess);
    return result.valid() ? result.name() : null;
  }

  private static boolean endsWithUnescapedDot(String token) {
    if (!token.endsWith(".")) {
      return false;
    }
    int backslashes = 0;
    for (int i = token.length() - 2; i >= 0 && token.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 0;
  }

  private static boolean isDigits(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLdhChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  }
}
