package org.mtastscensus.verdict;

import static org.mtastscensus.verdict.Severity.BREAKS_DELIVERY;
import static org.mtastscensus.verdict.Severity.COSMETIC;
import static org.mtastscensus.verdict.Severity.INFO;
import static org.mtastscensus.verdict.Severity.POLICY_IGNORED;
import static org.mtastscensus.verdict.Severity.UNDETERMINED;
import static org.mtastscensus.verdict.Severity.WEAKENED;

/**
 * The finding codes of contract version 1 (rulebook §3). The constant name is the wire name: codes are a public
 * interface for researchers and dashboards, so a constant is never renamed, reordered in meaning or reused. New
 * codes are appended with the contract version that introduced them.
 */
public enum FindingCode {
  DOMAIN_NXDOMAIN(INFO, "RFC 1035 §4.3.1", "The domain itself does not exist (MX query answered NXDOMAIN)."),
  DNS_LOOKUP_FAILED(UNDETERMINED, "RFC 8461 §3.1",
      "A query needed for the verdict ended in SERVFAIL, REFUSED, a timeout or a malformed answer after retries; the detail names the query."),
  TXT_CNAME(INFO, "RFC 8461 §8.2", "_mta-sts is reached through a CNAME (policy delegation); the final owner is recorded."),
  TXT_MULTIPLE_RECORDS(POLICY_IGNORED, "RFC 8461 §3.1", "More than one TXT record at _mta-sts begins with v=STSv1."),
  TXT_VERSION_INVALID(POLICY_IGNORED, "RFC 8461 §3.1",
      "A TXT record at _mta-sts is meant as STS (STSv1-like version or an id= field) but does not begin with exactly v=STSv1."),
  TXT_ID_MISSING(POLICY_IGNORED, "RFC 8461 §3.1", "The STS record has no id field."),
  TXT_ID_INVALID(POLICY_IGNORED, "RFC 8461 §3.1", "The id is empty, longer than 32 characters, or not ALPHA/DIGIT only."),
  TXT_SYNTAX_INVALID(POLICY_IGNORED, "RFC 8461 §3.1",
      "Another ABNF violation of the STS record (space around =, empty field, bad extension name or value, non-ASCII)."),
  TXT_DUPLICATE_FIELD(COSMETIC, "RFC 8461 §3.2", "v or id is repeated in the STS record; the first occurrence counts."),
  POLICY_HOST_NXDOMAIN(POLICY_IGNORED, "RFC 8461 §3.3",
      "mta-sts.<domain> does not exist (also a dangling CNAME; the chain is recorded)."),
  POLICY_HOST_NO_ADDRESS(POLICY_IGNORED, "RFC 8461 §3.3", "mta-sts.<domain> exists but has no A or AAAA record."),
  POLICY_HOST_BLOCKED(UNDETERMINED, "RFC 6890",
      "Every address of the policy host is one the scanner refuses to contact (special-purpose range or opt-out list)."),
  POLICY_CONNECT_FAILED(POLICY_IGNORED, "RFC 8461 §3.3", "The TCP connection to the policy host was refused, unreachable or timed out."),
  POLICY_TLS_HANDSHAKE_FAILED(POLICY_IGNORED, "RFC 8461 §3.3",
      "TLS failed for a reason other than certificate validation (plain HTTP on the port, protocol version, alert, closed)."),
  POLICY_CERT_EXPIRED(POLICY_IGNORED, "RFC 8461 §3.3", "The policy host certificate has expired."),
  POLICY_CERT_NOT_YET_VALID(POLICY_IGNORED, "RFC 8461 §3.3", "The policy host certificate is not yet valid."),
  POLICY_CERT_NAME_MISMATCH(POLICY_IGNORED, "RFC 8461 §3.3 / RFC 6125", "No certificate name matches mta-sts.<domain>."),
  POLICY_CERT_UNTRUSTED(POLICY_IGNORED, "RFC 8461 §3.3",
      "The certificate chain is self-signed, from an unknown CA or incomplete (the detail says which)."),
  POLICY_CERT_CN_ONLY(COSMETIC, "RFC 6125 §6.4.4",
      "The name matches only through the subject CN, with no subjectAltName (RFC 6125 wants a DNS-ID)."),
  POLICY_HTTP_REDIRECT(POLICY_IGNORED, "RFC 8461 §3.3", "The policy URL answered 3xx; the Location is recorded and never followed."),
  POLICY_HTTP_STATUS(POLICY_IGNORED, "RFC 8461 §3.3", "The policy URL answered a status other than 200 (recorded)."),
  POLICY_HTTP_TRUNCATED(POLICY_IGNORED, "RFC 8461 §3.3", "The connection closed before the promised body was complete."),
  POLICY_TIMEOUT(POLICY_IGNORED, "RFC 8461 §3.3", "No complete response within the fetch budget (recorded in the run metadata)."),
  POLICY_SLOW(INFO, "RFC 8461 §3.3", "Complete, but slower than the slow threshold; senders with short timeouts give up."),
  POLICY_TOO_LARGE(POLICY_IGNORED, "RFC 8461 §3.3", "The body is larger than 64 KiB (only the first 64 KiB are read)."),
  POLICY_CONTENT_TYPE(POLICY_IGNORED, "RFC 8461 §3.2",
      "The media type is missing or not text/plain (POLICY_IGNORED under the strict reading, nothing under the lenient one)."),
  POLICY_HTML_PAGE(INFO, "RFC 8461 §3.2", "The body is an HTML document (parking page, login wall, error page); its title is recorded."),
  POLICY_SYNTAX_INVALID(COSMETIC, "RFC 8461 §3.2",
      "A policy line that is not key: value (BOM, blank line, leading white space, no colon); the line is ignored."),
  POLICY_VERSION_MISSING(POLICY_IGNORED, "RFC 8461 §3.2", "The policy has no version field."),
  POLICY_VERSION_INVALID(POLICY_IGNORED, "RFC 8461 §3.2", "The policy version is not exactly STSv1."),
  POLICY_MODE_MISSING(POLICY_IGNORED, "RFC 8461 §3.2", "The policy has no mode field."),
  POLICY_MODE_INVALID(POLICY_IGNORED, "RFC 8461 §3.2", "The policy mode is not exactly enforce, testing or none."),
  POLICY_MAX_AGE_MISSING(POLICY_IGNORED, "RFC 8461 §3.2", "The policy has no max_age field."),
  POLICY_MAX_AGE_INVALID(POLICY_IGNORED, "RFC 8461 §3.2", "max_age is not 1 to 10 digits, or is above 31557600."),
  POLICY_MAX_AGE_SHORT(WEAKENED, "RFC 8461 §3.2", "max_age is valid but below one day (86400 s)."),
  POLICY_MX_MISSING(POLICY_IGNORED, "RFC 8461 §3.2", "Mode enforce or testing with no mx field."),
  POLICY_MX_INVALID(POLICY_IGNORED, "RFC 8461 §3.2",
      "An mx value that is not [\"*.\"] Domain (wildcard not the whole left-most label, IP literal, URL, U-label, empty)."),
  POLICY_DUPLICATE_KEY(COSMETIC, "RFC 8461 §3.2", "A non-mx key is repeated; the first value counts."),
  POLICY_UNKNOWN_KEY(INFO, "RFC 8461 §3.2", "A key that is not one of the four registered ones (extensions are ignored)."),
  POLICY_KEY_TYPO(WEAKENED, "RFC 8461 §3.2",
      "An unknown key that is a registered key in another case or one edit away (Mode, MX, max-age, nmx)."),
  MX_NOT_COVERED(BREAKS_DELIVERY, "RFC 8461 §4.1",
      "Some, not all, MX hosts match no policy pattern (latent when only backups are uncovered)."),
  MX_NONE_COVERED(BREAKS_DELIVERY, "RFC 8461 §4.1", "No MX host matches any policy pattern."),
  MX_PATTERN_UNUSED(INFO, "RFC 8461 §4.1", "A policy pattern matches no current MX host."),
  MX_NULL(COSMETIC, "RFC 7505", "The domain publishes a null MX (accepts no mail) and an STS record."),
  MX_NONE(INFO, "RFC 5321 §5.1", "No MX RRset: coverage is computed against the implicit MX, the domain itself."),
  TLSRPT_MISSING(WEAKENED, "RFC 8461 §6 / RFC 8460 §3", "Effective mode testing or enforce but no TLS-RPT record."),
  TLSRPT_INVALID(WEAKENED, "RFC 8460 §3",
      "A record at _smtp._tls meant as TLS-RPT is invalid (wrong version, no rua, scheme other than mailto:/https:)."),
  TLSRPT_MULTIPLE(WEAKENED, "RFC 8460 §3", "More than one record at _smtp._tls begins with v=TLSRPTv1.");

  /** Contract version that introduced every constant above. */
  public static final int CONTRACT_VERSION = 1;

  private final Severity severity;
  private final String rfcClause;
  private final String doc;

  FindingCode(Severity severity, String rfcClause, String doc) {
    this.severity = severity;
    this.rfcClause = rfcClause;
    this.doc = doc;
  }

  public Severity severity() {
    return severity;
  }

  public String rfcClause() {
    return rfcClause;
  }

  public String doc() {
    return doc;
  }
}
