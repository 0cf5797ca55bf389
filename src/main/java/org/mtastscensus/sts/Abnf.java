package org.mtastscensus.sts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lexical pieces shared by the DNS TXT grammars of RFC 8461 §3.1 and RFC 8460 §3: a version, then fields
 * separated by {@code *WSP ";" *WSP}, with one optional trailing delimiter.
 */
public final class Abnf {
  /** {@code ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")}. */
  public static final Pattern EXT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
  /** {@code ext-value = 1*(%x21-3A / %x3C / %x3E-7E)}: no "=", ";", SP or CTLs. */
  public static final Pattern EXT_VALUE = Pattern.compile("[\\x21-\\x3A\\x3C\\x3E-\\x7E]+");
  /** Details quote at most this much of hostile input. */
  private static final int QUOTE_CHARS = 80;

  /**
   * A record split at its delimiters.
   *
   * @param first the first field (the version), white space stripped
   * @param fields the following non-empty fields, white space stripped
   * @param problems delimiter-level grammar violations (empty field, white space after the last field)
   */
  public record Fields(String first, List<String> fields, List<String> problems) {}

  private Abnf() {}

  public static Fields split(String record) {
    String[] raw = record.split(";", -1);
    List<String> fields = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 1; i < raw.length; i++) {
      String field = stripWsp(raw[i]);
      boolean last = i == raw.length - 1;
      if (last && field.isEmpty()) {
        break; // one trailing field-delim, white space included, is allowed
      }
      if (field.isEmpty()) {
        problems.add("empty field");
        continue;
      }
      if (last && !raw[i].endsWith(field)) {
        problems.add("white space after the last field");
      }
      fields.add(field);
    }
    return new Fields(stripWsp(raw[0]), fields, problems);
  }

  /** WSP is SP and HTAB only (RFC 5234 B.1). */
  public static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  public static String stripWsp(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isWsp(s.charAt(start))) {
      start++;
    }
    while (end > start && isWsp(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  public static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** A bounded, single-line quotation of untrusted text for finding details. */
  public static String quote(String s) {
    String shown = s.length() > QUOTE_CHARS ? s.substring(0, QUOTE_CHARS) + "..." : s;
    return "\"" + shown.replace("\n", "\\n").replace("\r", "\\r") + "\"";
  }
}
