package org.mtastscensus.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.fetch.PolicyFetch;
import org.mtastscensus.scan.ScanResult;
import org.mtastscensus.verdict.Finding;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Severity;
import org.mtastscensus.verdict.Verdict;

/**
 * The human report of {@code mtasts check}: one line per check a sender makes, in the order it makes them, then
 * every finding with its severity, RFC clause and fix.
 */
final class CheckReport {
  private CheckReport() {}

  /** The checks, each owning the finding codes that make it fail. */
  private enum Check {
    DNS("domain lookups", c -> c == FindingCode.DOMAIN_NXDOMAIN),
    RECORD("_mta-sts TXT record", c -> c.name().startsWith("TXT_")),
    POLICY_HOST("policy host", c -> c.name().startsWith("POLICY_HOST_") && c != FindingCode.POLICY_HOST_BLOCKED),
    FETCH("policy fetch (HTTPS)", c -> c == FindingCode.POLICY_HOST_BLOCKED || c == FindingCode.POLICY_CONNECT_FAILED
        || c == FindingCode.POLICY_TLS_HANDSHAKE_FAILED || c.name().startsWith("POLICY_CERT_")
        || c.name().startsWith("POLICY_HTTP_") || c == FindingCode.POLICY_TIMEOUT || c == FindingCode.POLICY_SLOW
        || c == FindingCode.POLICY_TOO_LARGE || c == FindingCode.POLICY_CONTENT_TYPE
        || c == FindingCode.POLICY_HTML_PAGE),
    POLICY("policy file", c -> c.name().startsWith("POLICY_") && !c.name().startsWith("POLICY_HOST_")
        && !c.name().startsWith("POLICY_CERT_") && !c.name().startsWith("POLICY_HTTP_")
        && c != FindingCode.POLICY_CONNECT_FAILED && c != FindingCode.POLICY_TLS_HANDSHAKE_FAILED
        && c != FindingCode.POLICY_TIMEOUT && c != FindingCode.POLICY_SLOW && c != FindingCode.POLICY_TOO_LARGE
        && c != FindingCode.POLICY_CONTENT_TYPE && c != FindingCode.POLICY_HTML_PAGE),
    MX("MX coverage", c -> c.name().startsWith("MX_")),
    TLSRPT("TLS-RPT record", c -> c.name().startsWith("TLSRPT_"));

    final String label;
    final Predicate<FindingCode> owns;

    Check(String label, Predicate<FindingCode> owns) {
      this.label = label;
      this.owns = owns;
    }

    /** The check a finding belongs to; a failed lookup belongs to the check that needed the query. */
    static Check of(Finding finding) {
      if (finding.code() == FindingCode.DNS_LOOKUP_FAILED) {
        String query = finding.detail();
        if (query.startsWith("TXT _mta-sts.")) {
          return RECORD;
        }
        if (query.startsWith("TXT _smtp._tls.")) {
          return TLSRPT;
        }
        if (query.startsWith("A mta-sts.") || query.startsWith("AAAA mta-sts.")) {
          return POLICY_HOST;
        }
        return DNS;
      }
      FindingCode code = finding.code();
      for (Check check : values()) {
        if (check.owns.test(code)) {
          return check;
        }
      }
      throw new IllegalStateException("no check owns " + code);
    }
  }

  /** The label of the check a finding is listed under. */
  static String checkOf(Finding finding) {
    return Check.of(finding).label;
  }

  static void print(ScanResult result, PrintStream out) {
    Verdict v = result.verdict();
    String lenient = v.outcomeLenient() == v.outcome() ? "" : " (lenient reading: " + v.outcomeLenient() + ")";
    out.println(result.domain() + ": " + v.outcome() + lenient + " - " + v.outcome().meaning());
    for (Check check : Check.values()) {
      List<Finding> mine = v.findings().stream().filter(f -> Check.of(f) == check).toList();
      String evidence = evidence(check, result);
      if (evidence == null && mine.isEmpty()) {
        continue;
      }
      out.printf("  [%s] %-22s %s%n", mark(mine), check.label, evidence == null ? "" : evidence);
    }
    if (!result.error().isEmpty()) {
      out.println("  scanner error: " + result.error());
    }
    for (Finding f : v.findings()) {
      out.printf("  %s %s (%s, %s)%s%n", f.code().severity() == Severity.INFO ? "-" : "!", f.code(),
          f.code().severity(), f.code().rfcClause(), f.detail().isEmpty() ? "" : ": " + f.detail());
      String fix = Remedies.of(f.code());
      if (f.code().severity() != Severity.INFO && !fix.isEmpty()) {
        out.println("      fix: " + fix.replace("<domain>", result.domain()));
      }
    }
  }

  private static String mark(List<Finding> findings) {
    Severity worst = findings.stream().map(f -> f.code().severity())
        .min(Enum::compareTo).orElse(Severity.INFO);
    return switch (worst) {
      case BREAKS_DELIVERY, POLICY_IGNORED -> "FAIL";
      case WEAKENED -> "WARN";
      case COSMETIC -> "note";
      case UNDETERMINED -> " ?? ";
      case INFO -> "pass";
    };
  }

  /** What was seen at this step; null when the step was not reached and has nothing to say. */
  private static String evidence(Check check, ScanResult r) {
    Verdict v = r.verdict();
    PolicyFetch fetch = r.facts().fetch();
    return switch (check) {
      case DNS -> "MX " + answer(r.facts().mx());
      case RECORD -> answer(r.facts().stsTxt());
      case POLICY_HOST -> r.facts().policyHostA() == null ? null
          : "mta-sts." + r.domain() + " " + answer(r.facts().policyHostA())
              + (r.facts().policyHostAaaa() == null ? "" : ", AAAA " + answer(r.facts().policyHostAaaa()));
      case FETCH -> fetch == null ? null : fetchLine(fetch);
      case POLICY -> v.policyValid() == null ? null
          : (v.policyMode() == null ? "no valid mode" : "mode " + v.policyMode().wire())
              + (v.policyMaxAge() == null ? "" : ", max_age " + v.policyMaxAge())
              + (v.mxPatterns().isEmpty() ? "" : ", mx " + String.join(" ", v.mxPatterns()));
      case MX -> v.mxCoverage() == null || v.policyValid() == null ? null
          : v.mxCoverage() + (v.mxUncovered().isEmpty() ? "" : ", not covered: " + String.join(", ", v.mxUncovered()))
              + (v.deliveryRisk() == null ? "" : ", delivery risk " + v.deliveryRisk());
      case TLSRPT -> v.tlsrpt() == null ? null
          : v.tlsrpt() + (v.tlsrptRua().isEmpty() ? "" : " " + String.join(", ", v.tlsrptRua()));
    };
  }

  private static String answer(DnsAnswer answer) {
    String values = answer.values().isEmpty() ? "" : " " + String.join(" | ", answer.values());
    String chain = answer.cnameChain().isEmpty() ? "" : " (via CNAME " + String.join(" -> ", answer.cnameChain()) + ")";
    return answer.status() + values + chain;
  }

  private static String fetchLine(PolicyFetch fetch) {
    StringBuilder line = new StringBuilder(fetch.status().name().toLowerCase(Locale.ROOT));
    if (fetch.httpStatus() != null) {
      line.append(", HTTP ").append(fetch.httpStatus());
    }
    if (fetch.contentType() != null) {
      line.append(", ").append(fetch.contentType());
    }
    if (fetch.body() != null) {
      line.append(", ").append(fetch.body().length).append(" bytes");
    }
    line.append(", ").append(fetch.elapsedMillis()).append(" ms");
    if (fetch.tls() != null && fetch.tls().protocol() != null) {
      line.append(", ").append(fetch.tls().protocol());
    }
    return line.toString();
  }
}
