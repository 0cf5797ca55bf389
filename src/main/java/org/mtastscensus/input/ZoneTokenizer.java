package org.mtastscensus.input;

/**
 * Splits a master-file record into fields across the physical lines a parenthesis joins (RFC 1035 §5.1):
 * {@code ;} comments, quoted strings (which may hold {@code ;} and parentheses) and backslash escapes. Only the
 * first fields are kept; the rest of the RDATA is scanned for quotes and parentheses but never copied, since the
 * census needs owner, TTL, class, type and whether there is data at all.
 */
final class ZoneTokenizer {
  static final int KEPT_FIELDS = 6;

  private final String[] fields = new String[KEPT_FIELDS];
  private int count;
  private int depth;
  private boolean ownerOmitted;
  private InputProblem problem;

  void reset() {
    count = 0;
    depth = 0;
    ownerOmitted = false;
    problem = null;
  }

  /** Adds one physical line; true when the record is complete (no parenthesis open, or an error). */
  boolean feed(String line, boolean firstLine) {
    if (firstLine) {
      // An owner field starts in column 0; a record that starts with blank space reuses the previous owner.
      ownerOmitted = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == ';') {
        break;
      } else if (c == '(') {
        depth++;
        i++;
      } else if (c == ')') {
        if (--depth < 0) {
          problem = InputProblem.ZONE_UNBALANCED_PARENTHESES;
          return true;
        }
        i++;
      } else if (c == '"') {
        int end = closingQuote(line, i + 1);
        if (end < 0) {
          problem = InputProblem.ZONE_UNTERMINATED_QUOTE;
          return true;
        }
        add(line, i + 1, end);
        i = end + 1;
      } else {
        int end = wordEnd(line, i);
        add(line, i, end);
        i = end;
      }
    }
    return depth == 0;
  }

  /** Fields seen, including those not kept. */
  int count() {
    return count;
  }

  /** Field {@code index}, which must be below {@link #KEPT_FIELDS}. */
  String field(int index) {
    return fields[index];
  }

  boolean ownerOmitted() {
    return ownerOmitted;
  }

  /** Why the record is broken, or null. */
  InputProblem problem() {
    return problem;
  }

  private void add(String line, int from, int to) {
    if (count < KEPT_FIELDS) {
      fields[count] = line.substring(from, to);
    }
    count++;
  }

  private static int closingQuote(String line, int from) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  private static int wordEnd(String line, int from) {
    int i = from;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == ' ' || c == '\t' || c == ';' || c == '(' || c == ')' || c == '"') {
        break;
      }
      i++;
    }
    return Math.min(i, line.length());
  }
}
