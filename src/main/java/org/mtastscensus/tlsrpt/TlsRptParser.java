package org.mtastscensus.tlsrpt;

import static org.mtastscensus.sts.Abnf.quote;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mtastscensus.sts.Abnf;
import org.mtastscensus.verdict.Finding;
import org.mtastscensus.verdict.FindingCode;

/**
 * RFC 8460 §3:
 *
 * <pre>
 * tlsrpt-record  = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
 * field-delim    = *WSP ";" *WSP
 * tlsrpt-version = %s"v=TLSRPTv1"
 * tlsrpt-rua     = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
 * </pre>
 *
 * Records not beginning with {@code v=TLSRPTv1} are discarded; exactly one must remain. Only {@code mailto:} and
 * {@code https:} URIs are supported. Unknown fields are ignored; several rua fields are allowed. Pure and total.
 */
public final class TlsRptParser {
  static final String VERSION = "v=TLSRPTv1";
  private static final Pattern TLSRPT_LIKE =
      Pattern.compile("(tlsrpt|^\\s*v\\s*=\\s*tls|(^|;)\\s*rua\\s*=)", Pattern.CASE_INSENSITIVE);

  private TlsRptParser() {}

  /** Judges all TXT records found at {@code _smtp._tls} (an empty list for NXDOMAIN or NODATA). */
  public static TlsRptCheck check(List<String> txtRecords) {
    List<String> candidates = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    boolean meant = false;
    for (String txt : txtRecords) {
      if (txt == null) {
        continue;
      }
      if (txt.startsWith(VERSION)) {
        candidates.add(txt);
      } else if (TLSRPT_LIKE.matcher(txt).find()) {
        meant = true;
        findings.add(new Finding(FindingCode.TLSRPT_INVALID, "does not begin with v=TLSRPTv1: " + quote(txt)));
      }
    }
    if (candidates.size() > 1) {
      findings.add(new Finding(FindingCode.TLSRPT_MULTIPLE, candidates.size() + " records begin with v=TLSRPTv1"));
      return new TlsRptCheck(TlsRptStatus.INVALID, List.of(), findings);
    }
    if (candidates.isEmpty()) {
      return new TlsRptCheck(meant ? TlsRptStatus.INVALID : TlsRptStatus.ABSENT, List.of(), findings);
    }
    List<String> rua = new ArrayList<>();
    List<String> problems = parseRecord(candidates.get(0), rua);
    for (String problem : problems) {
      findings.add(new Finding(FindingCode.TLSRPT_INVALID, problem));
    }
    if (problems.isEmpty()) {
      return new TlsRptCheck(TlsRptStatus.VALID, rua, findings);
    }
    return new TlsRptCheck(TlsRptStatus.INVALID, List.of(), findings);
  }

  /** Returns the problems of one candidate record; fills {@code rua} with its URIs. */
  private static List<String> parseRecord(String record, List<String> rua) {
    List<String> problems = new ArrayList<>();
    if (!Abnf.isAscii(record)) {
      problems.add("non-ASCII characters in the record");
    }
    Abnf.Fields split = Abnf.split(record);
    problems.addAll(split.problems());
    if (!split.first().equals(VERSION)) {
      problems.add("version is not exactly TLSRPTv1 or \";\" is missing: " + quote(split.first()));
    }
    boolean ruaSeen = false;
    for (String field : split.fields()) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        problems.add("field without \"=\": " + quote(field));
        continue;
      }
      String name = field.substring(0, eq);
      String value = field.substring(eq + 1);
      if (name.equals("rua")) {
        ruaSeen = true;
        for (String uri : splitUris(value)) {
          String problem = uriProblem(uri);
          if (problem == null) {
            rua.add(uri);
          } else {
            problems.add(problem);
          }
        }
      } else if (!Abnf.EXT_NAME.matcher(name).matches() || !Abnf.EXT_VALUE.matcher(value).matches()) {
        problems.add("malformed field: " + quote(field));
      }
    }
    if (!ruaSeen) {
      problems.add("no rua field");
    }
    return problems;
  }

  /**
   * Splits a rua value at {@code *WSP "," *WSP}, like {@code value.split("[ \\t]*,[ \\t]*", -1)} but linear: that
   * regex retries its leading {@code [ \\t]*} at every position of a long run of white space without a comma, which
   * is quadratic (100 000 spaces in one hostile record took about 35 s).
   */
  static List<String> splitUris(String value) {
    String[] pieces = value.split(",", -1);
    List<String> uris = new ArrayList<>(pieces.length);
    for (int i = 0; i < pieces.length; i++) {
      String piece = pieces[i];
      int start = 0;
      int end = piece.length();
      if (i > 0) {
        while (start < end && Abnf.isWsp(piece.charAt(start))) {
          start++;
        }
      }
      if (i < pieces.length - 1) {
        while (end > start && Abnf.isWsp(piece.charAt(end - 1))) {
          end--;
        }
      }
      uris.add(piece.substring(start, end));
    }
    return uris;
  }

  private static String uriProblem(String uri) {
    if (uri.isEmpty()) {
      return "empty rua URI";
    }
    if (uri.indexOf('!') >= 0) {
      // RFC 8460 §3: in a tlsrpt-uri, ",", ";" and "!" MUST be percent-encoded (a DMARC-style "!10m" is invalid).
      return "\"!\" in a rua URI must be percent-encoded: " + quote(uri);
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return "rua URI does not parse: " + quote(uri);
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("mailto") && !scheme.equals("https")) {
      return "rua scheme is not mailto: or https: " + quote(uri);
    }
    if (parsed.getSchemeSpecificPart() == null || parsed.getSchemeSpecificPart().isEmpty()
        || scheme.equals("https") && (parsed.getHost() == null || parsed.getHost().isEmpty())) {
      return "rua URI has no target: " + quote(uri);
    }
    return null;
  }
}
