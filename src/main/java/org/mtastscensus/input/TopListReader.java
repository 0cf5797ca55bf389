package org.mtastscensus.input;

import java.io.IOException;
import org.mtastscensus.names.DomainName;

/**
 * {@code rank,domain} lines (RFC 4180 quoting, no header, extra fields ignored). The rank is checked but not
 * returned: the census reports per list, not per rank.
 */
final class TopListReader implements EntryReader {
  /** Ranks beyond this are not ranks but garbage; it also keeps {@link Long#parseLong} from overflowing. */
  private static final int MAX_RANK_DIGITS = 18;

  private final LineReader lines;
  private final InputStats stats;
  private final String[] fields = new String[2];

  TopListReader(LineReader lines, InputStats stats) {
    this.lines = lines;
    this.stats = stats;
  }

  @Override
  public Candidate next() throws IOException {
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isBlank() && !lines.truncated()) {
        continue;
      }
      stats.countRead();
      long number = lines.lineNumber();
      InputProblem problem = lines.truncated() ? InputProblem.LINE_TOO_LONG : split(line);
      if (problem == null && fields[1].isBlank()) {
        problem = InputProblem.CSV_NO_DOMAIN_COLUMN;
      }
      if (problem == null && !isRank(fields[0].strip())) {
        problem = InputProblem.CSV_RANK_NOT_NUMBER;
      }
      if (problem != null) {
        stats.addMalformed(problem.name(), number, line);
        continue;
      }
      return new Candidate(DomainName.normalize(fields[1]), number, line);
    }
    return null;
  }

  /** Fills {@link #fields} with the first two fields, or says why it cannot. */
  private InputProblem split(String line) {
    int pos = 0;
    for (int f = 0; f < 2; f++) {
      if (pos > line.length()) {
        return InputProblem.CSV_NO_DOMAIN_COLUMN;
      }
      if (pos < line.length() && line.charAt(pos) == '"') {
        StringBuilder value = new StringBuilder();
        int i = pos + 1;
        while (true) {
          if (i >= line.length()) {
            return InputProblem.CSV_UNTERMINATED_QUOTE;
          }
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
              value.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          value.append(c);
          i++;
        }
        fields[f] = value.toString();
        int comma = line.indexOf(',', i);
        pos = comma < 0 ? line.length() + 1 : comma + 1;
      } else {
        int comma = line.indexOf(',', pos);
        fields[f] = comma < 0 ? line.substring(pos) : line.substring(pos, comma);
        pos = comma < 0 ? line.length() + 1 : comma + 1;
      }
    }
    return null;
  }

  private static boolean isRank(String s) {
    if (s.isEmpty() || s.length() > MAX_RANK_DIGITS) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(s) > 0;
  }
}
