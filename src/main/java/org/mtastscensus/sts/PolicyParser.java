package org.mtastscensus.sts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mtastscensus.verdict.Finding;
import org.mtastscensus.verdict.FindingCode;

/**
 * The §3.2 policy grammar. Lines end in LF or CRLF, mixed allowed, the last terminator optional (erratum 6253).
 * Keys and enumerated values are case-sensitive. A line that is not {@code key: value} (a BOM, a blank line,
 * leading white space, no colon, a key outside the ext-name alphabet) is reported and ignored, so the field it
 * carried counts as missing. Pure and total: never throws, linear in the input.
 */
public final class PolicyParser {
  public static final long MAX_AGE_LIMIT = 31_557_600L;
  public static final long ONE_DAY_SECONDS = 86_400L;

  static final String VERSION = "version";
  static final String MODE = "mode";
  static final String MAX_AGE = "max_age";
  static final String MX = "mx";
  private static final List<String> REGISTERED = List.of(VERSION, MODE, MAX_AGE, MX);

  private static final Pattern MAX_AGE_VALUE = Pattern.compile("[0-9]{1,10}");
  /** Details list at most this many offending lines of one kind; the rest are counted. */
  private static final int MAX_DETAILS = 5;

  private PolicyParser() {}

  public static ParsedPolicy parse(String body) {
    return new Run().parse(body == null ? "" : body);
  }

  /** Mutable state of one parse; kept apart so the parser itself stays stateless. */
  private static final class Run {
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final List<MxPattern> patterns = new ArrayList<>();
    private final List<String> mxValues = new ArrayList<>();
    private final List<String> unknownKeys = new ArrayList<>();
    private String version;
    private String modeValue;
    private String maxAgeValue;
    private int syntaxProblems;

    ParsedPolicy parse(String body) {
      List<String> lines = splitLines(body);
      for (int i = 0; i < lines.size(); i++) {
        line(i + 1, lines.get(i));
      }
      if (syntaxProblems > MAX_DETAILS) {
        add(FindingCode.POLICY_SYNTAX_INVALID, (syntaxProblems - MAX_DETAILS) + " more malformed lines");
      }
      PolicyMode mode = judgeFields();
      Long maxAge = judgeMaxAge();
      return new ParsedPolicy(version, mode, maxAge, patterns, mxValues, unknownKeys, findings);
    }

    private void line(int number, String line) {
      String problem = lineProblem(line);
      if (problem != null) {
        syntax("line " + number + ": " + problem);
        return;
      }
      int colon = line.indexOf(':');
      String key = line.substring(0, colon);
      String value = Abnf.stripWsp(line.substring(colon + 1));
      if (key.equals(MX)) {
        mxValues.add(value);
        MxPattern.problem(value).ifPresentOrElse(
            why -> add(FindingCode.POLICY_MX_INVALID, Abnf.quote(value) + ": " + why),
            () -> patterns.add(MxPattern.parse(value).orElseThrow()));
        return;
      }
      if (!REGISTERED.contains(key)) {
        unknownKey(key);
        return;
      }
      if (!seen.add(key)) {
        add(FindingCode.POLICY_DUPLICATE_KEY, key + " repeated on line " + number + "; the first value counts");
        return;
      }
      switch (key) {
        case VERSION -> version = value;
        case MODE -> modeValue = value;
        case MAX_AGE -> maxAgeValue = value;
        default -> throw new IllegalStateException("unhandled registered key " + key);
      }
    }

    /** Null when the line has the shape key ":" *WSP value; otherwise why not. */
    private static String lineProblem(String line) {
      if (line.isEmpty()) {
        return "blank line";
      }
      if (line.charAt(0) == '\uFEFF') {
        return "byte order mark";
      }
      if (Abnf.isWsp(line.charAt(0))) {
        return "leading white space";
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        return "no colon: " + Abnf.quote(line);
      }
      if (!Abnf.EXT_NAME.matcher(line.substring(0, colon)).matches()) {
        return "malformed key: " + Abnf.quote(line.substring(0, colon));
      }
      return null;
    }

    private void unknownKey(String key) {
      unknownKeys.add(key);
      add(FindingCode.POLICY_UNKNOWN_KEY, key);
      typoOf(key).ifPresent(intended -> add(FindingCode.POLICY_KEY_TYPO, key + " (meant " + intended + "?)"));
    }

    private PolicyMode judgeFields() {
      if (version == null) {
        add(FindingCode.POLICY_VERSION_MISSING, "");
      } else if (!version.equals("STSv1")) {
        add(FindingCode.POLICY_VERSION_INVALID, Abnf.quote(version));
      }
      PolicyMode mode = null;
      if (modeValue == null) {
        add(FindingCode.POLICY_MODE_MISSING, "");
      } else {
        mode = PolicyMode.parse(modeValue).orElse(null);
        if (mode == null) {
          add(FindingCode.POLICY_MODE_INVALID, Abnf.quote(modeValue));
        }
      }
      if ((mode == PolicyMode.ENFORCE || mode == PolicyMode.TESTING) && mxValues.isEmpty()) {
        add(FindingCode.POLICY_MX_MISSING, "mode " + mode.wire() + " needs at least one mx");
      }
      return mode;
    }

    private Long judgeMaxAge() {
      if (maxAgeValue == null) {
        add(FindingCode.POLICY_MAX_AGE_MISSING, "");
        return null;
      }
      if (!MAX_AGE_VALUE.matcher(maxAgeValue).matches()) {
        add(FindingCode.POLICY_MAX_AGE_INVALID, Abnf.quote(maxAgeValue) + " is not 1 to 10 digits");
        return null;
      }
      long maxAge = Long.parseLong(maxAgeValue);
      if (maxAge > MAX_AGE_LIMIT) {
        add(FindingCode.POLICY_MAX_AGE_INVALID, maxAge + " is above " + MAX_AGE_LIMIT);
        return null;
      }
      if (maxAge < ONE_DAY_SECONDS) {
        add(FindingCode.POLICY_MAX_AGE_SHORT, maxAge + " s is below one day");
      }
      return maxAge;
    }

    private void syntax(String detail) {
      syntaxProblems++;
      if (syntaxProblems <= MAX_DETAILS) {
        add(FindingCode.POLICY_SYNTAX_INVALID, detail);
      }
    }

    private void add(FindingCode code, String detail) {
      findings.add(new Finding(code, detail));
    }
  }

  /** Splits on LF, dropping one CR before each LF and the empty piece after a final terminator. */
  static List<String> splitLines(String body) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < body.length()) {
      int lf = body.indexOf('\n', start);
      int end = lf < 0 ? body.length() : lf;
      int contentEnd = lf > start && body.charAt(lf - 1) == '\r' ? lf - 1 : end;
      lines.add(body.substring(start, contentEnd));
      if (lf < 0) {
        break;
      }
      start = lf + 1;
    }
    return lines;
  }

  /** The registered key that {@code key} most likely meant: another case, or one edit (OSA distance) away. */
  static Optional<String> typoOf(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String registered : REGISTERED) {
      if (lower.equals(registered) || editDistanceAtMostOne(lower, registered)) {
        return Optional.of(registered);
      }
    }
    return Optional.empty();
  }

  /** Optimal-string-alignment distance ≤ 1: one insertion, deletion, substitution or adjacent swap. */
  static boolean editDistanceAtMostOne(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == a.length() && i == b.length()) {
      return true;
    }
    if (a.length() == b.length()) {
      if (a.substring(i + 1).equals(b.substring(i + 1))) {
        return true; // substitution
      }
      return i + 1 < a.length()
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.substring(i + 2).equals(b.substring(i + 2)); // adjacent swap
    }
    return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
  }
}
