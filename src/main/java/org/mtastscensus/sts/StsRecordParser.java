package org.mtastscensus.sts;

import static org.mtastscensus.sts.Abnf.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mtastscensus.verdict.Finding;
import org.mtastscensus.verdict.FindingCode;

/**
 * The §3.1 ABNF of the {@code _mta-sts} TXT record, applied exactly:
 *
 * <pre>
 * sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]
 * sts-field-delim = *WSP ";" *WSP
 * sts-version     = %s"v=STSv1"
 * sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
 * sts-extension   = sts-ext-name "=" sts-ext-value
 * </pre>
 *
 * A record counts as a candidate when it begins with {@code v=STSv1}: the multi-record rule says "v=STSv1;", but
 * the ABNF allows white space before the ";" (erratum 6285) and mox and postfix-mta-sts-resolver both count
 * {@code v=STSv1 ;}. Pure and total.
 */
public final class StsRecordParser {
  static final String VERSION = "v=STSv1";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");
  /** A record that names an id field or an STSv1-like version is meant as STS even if its version is wrong. */
  private static final Pattern STS_LIKE =
      Pattern.compile("(stsv\\d|^\\s*v\\s*=\\s*sts|(^|;)\\s*id\\s*=)", Pattern.CASE_INSENSITIVE);

  private StsRecordParser() {}

  /** Judges all TXT records found at {@code _mta-sts} (an empty list for NXDOMAIN or NODATA). */
  public static StsRecordCheck check(List<String> txtRecords) {
    List<String> candidates = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    boolean stsLike = false;
    for (String txt : txtRecords) {
      if (txt == null) {
        continue;
      }
      if (txt.startsWith(VERSION)) {
        candidates.add(txt);
        stsLike = true;
      } else if (STS_LIKE.matcher(txt).find()) {
        stsLike = true;
        findings.add(new Finding(FindingCode.TXT_VERSION_INVALID, "does not begin with v=STSv1: " + quote(txt)));
      }
    }
    if (candidates.size() > 1) {
      findings.add(new Finding(FindingCode.TXT_MULTIPLE_RECORDS, candidates.size() + " records begin with v=STSv1"));
      return new StsRecordCheck(candidates, true, null, false, findings);
    }
    if (candidates.isEmpty()) {
      return new StsRecordCheck(candidates, stsLike, null, false, findings);
    }
    int before = findings.size();
    String id = parseRecord(candidates.get(0), findings);
    boolean valid = findings.subList(before, findings.size()).stream()
        .allMatch(f -> f.code() == FindingCode.TXT_DUPLICATE_FIELD);
    return new StsRecordCheck(candidates, true, valid ? id : null, valid, findings);
  }

  /** Parses one candidate; returns the first id value seen (valid or not) and appends its findings. */
  private static String parseRecord(String record, List<Finding> findings) {
    List<String> syntax = new ArrayList<>();
    if (!Abnf.isAscii(record)) {
      syntax.add("non-ASCII characters in the record");
    }
    Abnf.Fields split = Abnf.split(record);
    syntax.addAll(split.problems());
    if (!split.first().equals(VERSION)) {
      if (Abnf.isWsp(split.first().charAt(VERSION.length()))) {
        syntax.add("missing \";\" after v=STSv1: " + quote(record));
      } else {
        findings.add(new Finding(FindingCode.TXT_VERSION_INVALID, "version is not exactly STSv1: " + quote(split.first())));
      }
    }
    String id = null;
    boolean idSeen = false;
    for (String field : split.fields()) {
      int eq = field.indexOf('=');
      String name = eq < 0 ? field : field.substring(0, eq);
      String value = eq < 0 ? "" : field.substring(eq + 1);
      if (eq < 0) {
        syntax.add("field without \"=\": " + quote(field));
      } else if (name.equals("id") && idSeen) {
        findings.add(new Finding(FindingCode.TXT_DUPLICATE_FIELD, "id repeated; the first counts"));
      } else if (name.equals("id")) {
        idSeen = true;
        id = value;
        if (!ID.matcher(value).matches()) {
          findings.add(new Finding(FindingCode.TXT_ID_INVALID, "id must be 1-32 letters or digits: " + quote(value)));
        }
      } else if (name.equals("v")) {
        findings.add(new Finding(FindingCode.TXT_DUPLICATE_FIELD, "v repeated; the first counts"));
      } else if (!Abnf.EXT_NAME.matcher(name).matches() || !Abnf.EXT_VALUE.matcher(value).matches()) {
        syntax.add("malformed field: " + quote(field));
      }
    }
    for (String problem : syntax) {
      findings.add(new Finding(FindingCode.TXT_SYNTAX_INVALID, problem));
    }
    if (!idSeen) {
      findings.add(new Finding(FindingCode.TXT_ID_MISSING, syntax.isEmpty() ? "no id field" : "no well-formed id field"));
    }
    return id;
  }
}
