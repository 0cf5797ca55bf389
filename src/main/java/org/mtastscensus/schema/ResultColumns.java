package org.mtastscensus.schema;

import static org.mtastscensus.schema.ColumnType.BOOLEAN;
import static org.mtastscensus.schema.ColumnType.INT;
import static org.mtastscensus.schema.ColumnType.LONG;
import static org.mtastscensus.schema.ColumnType.STRING;
import static org.mtastscensus.schema.ColumnType.STRING_LIST;
import static org.mtastscensus.schema.ColumnType.TIMESTAMP;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.dns.DnsStatus;
import org.mtastscensus.fetch.FetchStatus;
import org.mtastscensus.fetch.PolicyFetch;
import org.mtastscensus.fetch.TlsFacts;
import org.mtastscensus.scan.ScanResult;
import org.mtastscensus.sts.MxCoverage;
import org.mtastscensus.sts.PolicyMode;
import org.mtastscensus.tlsrpt.TlsRptStatus;
import org.mtastscensus.verdict.DeliveryRisk;
import org.mtastscensus.verdict.Finding;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Outcome;

/**
 * The result schema, declared once. JSON Lines, the Spark schema, Parquet and {@code docs/schema.md} are all
 * derived from this list; tests check that nothing else defines a column. Columns are only ever appended: a new
 * column gets {@code since = SCHEMA_VERSION} after the version is bumped, and renaming or removing one is a
 * breaking change that the contract forbids for the verdict fields.
 */
public final class ResultColumns {
  /** Version of the row layout, written in every row as {@code schema_version}. */
  public static final int SCHEMA_VERSION = 1;

  /** Policy text kept in a row: the fetch cap (64 KiB, RFC 8461 §3.3) bounds it already. */
  public static final int POLICY_TEXT_MAX_BYTES = 64 * 1024;

  private static final List<Column> COLUMNS = new ArrayList<>();

  // -- identity -------------------------------------------------------------------------------------------------
  public static final Column SCHEMA_VERSION_COLUMN = add("schema_version", INT, false,
      "Version of this row layout.", r -> SCHEMA_VERSION);
  public static final Column DOMAIN = add("domain", STRING, false,
      "The scanned policy domain: A-label, lower case, no trailing dot.", ScanResult::domain);
  public static final Column SCANNED_AT = add("scanned_at", TIMESTAMP, false,
      "When the scan of this domain started (UTC).", ScanResult::scannedAt);

  // -- verdict (contract version 1, rulebook §3.1) ----------------------------------------------------------------
  public static final Column OUTCOME = add("outcome", STRING, false,
      "Outcome under the strict reading (a Content-Type other than text/plain invalidates the policy).",
      Outcome.class, r -> r.verdict().outcome().name());
  public static final Column OUTCOME_LENIENT = add("outcome_lenient", STRING, false,
      "Outcome with the Content-Type ignored, as mox reads it.",
      Outcome.class, r -> r.verdict().outcomeLenient().name());
  public static final Column RECORD_VALID = add("record_valid", BOOLEAN, false,
      "Exactly one STS record at _mta-sts and it is valid.", r -> r.verdict().recordValid());
  public static final Column POLICY_FETCHED = add("policy_fetched", BOOLEAN, true,
      "A 200 response of at most 64 KiB was read completely over valid TLS; null when no fetch was tried.",
      r -> r.verdict().policyFetched());
  public static final Column POLICY_VALID = add("policy_valid", BOOLEAN, true,
      "The fetched body is a valid policy under the strict reading; null when nothing was fetched.",
      r -> r.verdict().policyValid());
  public static final Column POLICY_MODE = add("policy_mode", STRING, true,
      "enforce, testing or none when the policy's mode field is valid; null otherwise.",
      Arrays.stream(PolicyMode.values()).map(PolicyMode::wire).toList(),
      r -> r.verdict().policyMode() == null ? null : r.verdict().policyMode().wire());
  public static final Column MX_COVERAGE = add("mx_coverage", STRING, true,
      "Share of MX hosts matched by the policy; null when the MX lookup failed.",
      MxCoverage.class, r -> name(r.verdict().mxCoverage()));
  public static final Column DELIVERY_RISK = add("delivery_risk", STRING, true,
      "For VALID_ENFORCE: what a conforming sender refuses; null otherwise.",
      DeliveryRisk.class, r -> name(r.verdict().deliveryRisk()));
  public static final Column TLSRPT = add("tlsrpt", STRING, true,
      "TLS-RPT record state; null when not looked up or the lookup failed.",
      TlsRptStatus.class, r -> name(r.verdict().tlsrpt()));
  public static final Column FINDINGS = add("findings", STRING_LIST, false,
      "Finding codes (docs/findings.md), each once, in the order found.",
      FindingCode.class, r -> r.verdict().codes().stream().map(Enum::name).toList());

  // -- derived evidence ----------------------------------------------------------------------------------------------
  public static final Column FINDING_DETAILS = add("finding_details", STRING_LIST, false,
      "Every finding as \"CODE: detail\", with the evidence that triggered it.",
      r -> r.verdict().findings().stream().map(Finding::toString).toList());
  public static final Column STS_ID = add("sts_id", STRING, true,
      "The id of the valid STS record; null otherwise.", r -> r.verdict().stsId());
  public static final Column POLICY_MAX_AGE = add("policy_max_age", LONG, true,
      "max_age of a valid policy, in seconds; null otherwise.", r -> r.verdict().policyMaxAge());
  public static final Column MX_PATTERNS = add("mx_patterns", STRING_LIST, false,
      "The valid mx patterns of the fetched policy, lower case.", r -> r.verdict().mxPatterns());
  public static final Column MX_UNCOVERED = add("mx_uncovered", STRING_LIST, false,
      "MX hosts no policy pattern matches (when coverage was computed).", r -> r.verdict().mxUncovered());
  public static final Column PRIMARY_MX_COVERED = add("primary_mx_covered", BOOLEAN, true,
      "Every lowest-preference MX host is covered; null when coverage was not computed.",
      r -> r.verdict().primaryMxCovered());
  public static final Column TLSRPT_RUA = add("tlsrpt_rua", STRING_LIST, false,
      "Reporting URIs of a valid TLS-RPT record.", r -> r.verdict().tlsrptRua());

  // -- raw DNS evidence ----------------------------------------------------------------------------------------------
  public static final Column TXT_STATUS = add("txt_status", STRING, false,
      "Status of TXT _mta-sts.<domain>.", DnsStatus.class, r -> r.facts().stsTxt().status().name());
  public static final Column TXT_RECORDS = add("txt_records", STRING_LIST, false,
      "TXT records at _mta-sts.<domain>, character-strings joined without separator.",
      r -> r.facts().stsTxt().values());
  public static final Column TXT_CNAME_CHAIN = add("txt_cname_chain", STRING_LIST, false,
      "CNAME targets followed from _mta-sts.<domain>, in order.", r -> r.facts().stsTxt().cnameChain());
  public static final Column MX_STATUS = add("mx_status", STRING, false,
      "Status of MX <domain>.", DnsStatus.class, r -> r.facts().mx().status().name());
  public static final Column MX_RECORDS = add("mx_records", STRING_LIST, false,
      "MX records of <domain> as \"preference host\" (\"0 .\" is a null MX).", r -> r.facts().mx().values());
  public static final Column TLSRPT_STATUS = add("tlsrpt_status", STRING, true,
      "Status of TXT _smtp._tls.<domain>; null when not queried.", DnsStatus.class,
      r -> status(r.facts().tlsRptTxt()));
  public static final Column TLSRPT_RECORDS = add("tlsrpt_records", STRING_LIST, false,
      "TXT records at _smtp._tls.<domain>.", r -> values(r.facts().tlsRptTxt()));
  public static final Column POLICY_HOST_A_STATUS = add("policy_host_a_status", STRING, true,
      "Status of A mta-sts.<domain>; null when not queried.", DnsStatus.class,
      r -> status(r.facts().policyHostA()));
  public static final Column POLICY_HOST_AAAA_STATUS = add("policy_host_aaaa_status", STRING, true,
      "Status of AAAA mta-sts.<domain>; null when not queried.", DnsStatus.class,
      r -> status(r.facts().policyHostAaaa()));
  public static final Column POLICY_HOST_ADDRESSES = add("policy_host_addresses", STRING_LIST, false,
      "A and AAAA addresses of mta-sts.<domain>.", ResultColumns::policyHostAddresses);
  public static final Column POLICY_HOST_CNAME_CHAIN = add("policy_host_cname_chain", STRING_LIST, false,
      "CNAME targets followed from mta-sts.<domain> (policy hosting delegation).",
      r -> r.facts().policyHostA() == null ? List.of() : r.facts().policyHostA().cnameChain());
  public static final Column DNS_ERRORS = add("dns_errors", STRING_LIST, false,
      "Every failed query, as \"TYPE name: STATUS (detail)\".", ResultColumns::dnsErrors);

  // -- raw HTTPS evidence --------------------------------------------------------------------------------------------
  public static final Column FETCH_STATUS = add("fetch_status", STRING, true,
      "How the policy fetch ended; null when no fetch was tried.", FetchStatus.class,
      r -> fetch(r) == null ? null : fetch(r).status().name());
  public static final Column FETCH_DETAIL = add("fetch_detail", STRING, true,
      "Why the fetch failed (exception, certificate problem); null when it did not.",
      r -> fetch(r) == null || fetch(r).detail().isEmpty() ? null : fetch(r).detail());
  public static final Column HTTP_STATUS = add("http_status", INT, true,
      "HTTP status of the policy response; null when none was received.",
      r -> fetch(r) == null ? null : fetch(r).httpStatus());
  public static final Column CONTENT_TYPE = add("content_type", STRING, true,
      "Content-Type header of the policy response, as sent.", r -> fetch(r) == null ? null : fetch(r).contentType());
  public static final Column LOCATION = add("location", STRING, true,
      "Location header of a redirect, as sent; never followed.", r -> fetch(r) == null ? null : fetch(r).location());
  public static final Column POLICY_BYTES = add("policy_bytes", INT, true,
      "Number of body bytes read (at most 65536).",
      r -> fetch(r) == null || fetch(r).body() == null ? null : fetch(r).body().length);
  public static final Column POLICY_TEXT = add("policy_text", STRING, true,
      "The body read, decoded as UTF-8 (invalid bytes replaced), at most 64 KiB.", ResultColumns::policyText);
  public static final Column FETCH_MILLIS = add("fetch_ms", LONG, true,
      "Duration of the fetch in milliseconds.", r -> fetch(r) == null ? null : fetch(r).elapsedMillis());
  public static final Column TLS_PROTOCOL = add("tls_protocol", STRING, true,
      "Negotiated TLS protocol.", r -> tls(r) == null ? null : tls(r).protocol());
  public static final Column CERT_SUBJECT = add("cert_subject", STRING, true,
      "Subject of the policy host's leaf certificate.", r -> tls(r) == null ? null : tls(r).subject());
  public static final Column CERT_ISSUER = add("cert_issuer", STRING, true,
      "Issuer of the policy host's leaf certificate.", r -> tls(r) == null ? null : tls(r).issuer());
  public static final Column CERT_NOT_AFTER = add("cert_not_after", STRING, true,
      "Expiry of the leaf certificate, ISO-8601.", r -> tls(r) == null ? null : tls(r).notAfter());
  public static final Column CERT_DNS_NAMES = add("cert_dns_names", STRING_LIST, false,
      "subjectAltName DNS names of the leaf certificate.", r -> tls(r) == null ? List.of() : tls(r).dnsNames());

  // -- run bookkeeping -----------------------------------------------------------------------------------------------
  public static final Column DURATION_MILLIS = add("duration_ms", LONG, false,
      "Wall time spent on this domain, in milliseconds.", ScanResult::durationMillis);
  public static final Column SCAN_ERROR = add("scan_error", STRING, true,
      "An internal failure of the scanner on this domain (the outcome is then UNDETERMINED); null otherwise.",
      r -> r.error().isEmpty() ? null : r.error());

  private ResultColumns() {}

  /** Every column, in row order. */
  public static List<Column> all() {
    return List.copyOf(COLUMNS);
  }

  private static Column add(String name, ColumnType type, boolean nullable, String doc, Function<ScanResult, Object> reader) {
    return add(name, type, nullable, doc, List.of(), reader);
  }

  private static Column add(
      String name, ColumnType type, boolean nullable, String doc, Class<? extends Enum<?>> values,
      Function<ScanResult, Object> reader) {
    return add(name, type, nullable, doc, Arrays.stream(values.getEnumConstants()).map(Enum::name).toList(), reader);
  }

  private static Column add(
      String name, ColumnType type, boolean nullable, String doc, List<String> values,
      Function<ScanResult, Object> reader) {
    Column column = new Column(name, type, nullable, doc, 1, values, reader);
    COLUMNS.add(column);
    return column;
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static String status(DnsAnswer answer) {
    return answer == null ? null : answer.status().name();
  }

  private static List<String> values(DnsAnswer answer) {
    return answer == null ? List.of() : answer.values();
  }

  private static PolicyFetch fetch(ScanResult r) {
    return r.facts() == null ? null : r.facts().fetch();
  }

  private static TlsFacts tls(ScanResult r) {
    return fetch(r) == null ? null : fetch(r).tls();
  }

  private static List<String> policyHostAddresses(ScanResult r) {
    List<String> addresses = new ArrayList<>(values(r.facts().policyHostA()));
    addresses.addAll(values(r.facts().policyHostAaaa()));
    return addresses;
  }

  private static List<String> dnsErrors(ScanResult r) {
    List<String> errors = new ArrayList<>();
    for (DnsAnswer answer : Arrays.asList(r.facts().stsTxt(), r.facts().mx(), r.facts().tlsRptTxt(),
        r.facts().policyHostA(), r.facts().policyHostAaaa())) {
      if (answer != null && answer.status().failed()) {
        errors.add(answer.describe());
      }
    }
    return errors;
  }

  private static String policyText(ScanResult r) {
    PolicyFetch fetch = fetch(r);
    if (fetch == null || fetch.body() == null) {
      return null;
    }
    int length = Math.min(fetch.body().length, POLICY_TEXT_MAX_BYTES);
    return new String(fetch.body(), 0, length, StandardCharsets.UTF_8);
  }
}
