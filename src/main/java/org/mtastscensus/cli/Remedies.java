package org.mtastscensus.cli;

import java.util.EnumMap;
import java.util.Map;
import org.mtastscensus.verdict.FindingCode;

/** How a mail administrator fixes each finding; one line each, a test checks that every code has one. */
final class Remedies {
  private static final Map<FindingCode, String> FIX = new EnumMap<>(FindingCode.class);

  static {
    fix(FindingCode.DOMAIN_NXDOMAIN, "check the spelling: the domain is not in the DNS");
    fix(FindingCode.DNS_LOOKUP_FAILED, "retry later; if it persists, check the domain's name servers (they fail to answer)");
    fix(FindingCode.TXT_CNAME, "nothing to fix: delegation by CNAME is allowed (RFC 8461 §8.2)");
    fix(FindingCode.TXT_MULTIPLE_RECORDS, "keep exactly one TXT record starting with v=STSv1 at _mta-sts");
    fix(FindingCode.TXT_VERSION_INVALID, "start the record with exactly \"v=STSv1;\" (case-sensitive, no leading space)");
    fix(FindingCode.TXT_ID_MISSING, "add an id of letters and digits, e.g. \"v=STSv1; id=20240101000000\"");
    fix(FindingCode.TXT_ID_INVALID, "use 1 to 32 letters and digits only for id, e.g. a timestamp like 20240101120000");
    fix(FindingCode.TXT_SYNTAX_INVALID, "write the record as \"v=STSv1; id=VALUE\" with no spaces around = and no empty fields");
    fix(FindingCode.TXT_DUPLICATE_FIELD, "remove the repeated field; only the first is used");
    fix(FindingCode.POLICY_HOST_NXDOMAIN, "publish an A/AAAA (or CNAME) record for mta-sts.<domain>, or remove the TXT record");
    fix(FindingCode.POLICY_HOST_NO_ADDRESS, "give mta-sts.<domain> an A or AAAA record pointing at the policy web server");
    fix(FindingCode.POLICY_HOST_BLOCKED, "point mta-sts.<domain> at a public address (the scanner refuses private ones)");
    fix(FindingCode.POLICY_CONNECT_FAILED, "make the policy host accept HTTPS connections on port 443");
    fix(FindingCode.POLICY_TLS_HANDSHAKE_FAILED, "serve HTTPS (TLS 1.2 or newer) on port 443 of the policy host");
    fix(FindingCode.POLICY_CERT_EXPIRED, "renew the certificate of mta-sts.<domain>");
    fix(FindingCode.POLICY_CERT_NOT_YET_VALID, "check the certificate's start date and the server's clock");
    fix(FindingCode.POLICY_CERT_NAME_MISMATCH, "use a certificate whose subjectAltName includes mta-sts.<domain>");
    fix(FindingCode.POLICY_CERT_UNTRUSTED, "use a certificate from a public CA and send the full chain (leaf + intermediates)");
    fix(FindingCode.POLICY_CERT_CN_ONLY, "reissue the certificate with mta-sts.<domain> as a subjectAltName DNS name");
    fix(FindingCode.POLICY_HTTP_REDIRECT, "serve the policy directly with 200 at /.well-known/mta-sts.txt; senders never follow redirects");
    fix(FindingCode.POLICY_HTTP_STATUS, "serve the policy with status 200 at https://mta-sts.<domain>/.well-known/mta-sts.txt");
    fix(FindingCode.POLICY_HTTP_TRUNCATED, "fix the web server: it closes the connection before the whole policy is sent");
    fix(FindingCode.POLICY_TIMEOUT, "make the policy host answer quickly (a static file is enough)");
    fix(FindingCode.POLICY_SLOW, "make the policy host answer within a few seconds; some senders give up sooner");
    fix(FindingCode.POLICY_TOO_LARGE, "serve only the policy (a few hundred bytes), never a page over 64 KiB");
    fix(FindingCode.POLICY_CONTENT_TYPE, "serve the policy as Content-Type: text/plain");
    fix(FindingCode.POLICY_HTML_PAGE, "replace the HTML page with the plain-text policy file");
    fix(FindingCode.POLICY_SYNTAX_INVALID, "write one \"key: value\" per line: no blank lines, no leading spaces, no BOM");
    fix(FindingCode.POLICY_VERSION_MISSING, "add the line \"version: STSv1\"");
    fix(FindingCode.POLICY_VERSION_INVALID, "write exactly \"version: STSv1\"");
    fix(FindingCode.POLICY_MODE_MISSING, "add \"mode: testing\" (or enforce, or none)");
    fix(FindingCode.POLICY_MODE_INVALID, "write the mode in lower case: enforce, testing or none");
    fix(FindingCode.POLICY_MAX_AGE_MISSING, "add \"max_age: 604800\" (one week; up to 31557600)");
    fix(FindingCode.POLICY_MAX_AGE_INVALID, "use a max_age of 0 to 31557600 seconds, digits only");
    fix(FindingCode.POLICY_MAX_AGE_SHORT, "raise max_age to at least 86400 (weeks are usual) so cached policies protect mail");
    fix(FindingCode.POLICY_MX_MISSING, "add one \"mx:\" line per MX host (or a *. wildcard covering them)");
    fix(FindingCode.POLICY_MX_INVALID, "write each mx as a host name or \"*.\" plus a domain; no IPs, URLs or inner wildcards");
    fix(FindingCode.POLICY_DUPLICATE_KEY, "remove the repeated key; only its first value is used");
    fix(FindingCode.POLICY_UNKNOWN_KEY, "nothing to fix if intended: unknown keys are ignored");
    fix(FindingCode.POLICY_KEY_TYPO, "spell the key exactly: version, mode, max_age or mx (lower case, underscore)");
    fix(FindingCode.MX_NOT_COVERED, "add the uncovered MX hosts to the policy, publish it, then change the TXT id");
    fix(FindingCode.MX_NONE_COVERED, "list the current MX hosts in the policy, publish it, then change the TXT id");
    fix(FindingCode.MX_PATTERN_UNUSED, "remove mx lines for hosts that are no longer MX (then change the TXT id)");
    fix(FindingCode.MX_NULL, "a domain that accepts no mail needs no MTA-STS: remove the record and policy");
    fix(FindingCode.MX_NONE, "publish MX records; mail now goes to the domain's own address (implicit MX)");
    fix(FindingCode.TLSRPT_MISSING, "publish \"v=TLSRPTv1; rua=mailto:tlsrpt@<domain>\" at _smtp._tls.<domain>");
    fix(FindingCode.TLSRPT_INVALID, "write \"v=TLSRPTv1; rua=mailto:...\" or https: URIs only, comma-separated");
    fix(FindingCode.TLSRPT_MULTIPLE, "keep exactly one TXT record starting with v=TLSRPTv1 at _smtp._tls");
  }

  private Remedies() {}

  private static void fix(FindingCode code, String text) {
    FIX.put(code, text);
  }

  static String of(FindingCode code) {
    return FIX.getOrDefault(code, "");
  }
}
