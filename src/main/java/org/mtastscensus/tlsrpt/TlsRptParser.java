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
  private static final Pattern WSP_COMMA_WSP = Pattern.compile("[ \\t]*,[ \\t]*");

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
        for (String uri : WSP_COMMA_WSP.split(value, -1)) {
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

  private static String uriProblem(String uri) {
    if (uri.isEmpty()) {
      return "empty rua URI";
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
