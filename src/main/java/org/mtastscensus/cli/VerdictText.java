package org.mtastscensus.cli;

import java.io.PrintStream;
import java.util.List;
import org.mtastscensus.verdict.Finding;
import org.mtastscensus.verdict.Verdict;

/** Renders a verdict for a person: the headline, the key facts, then each finding with its severity and clause. */
final class VerdictText {
  private VerdictText() {}

  static void print(String domain, Verdict v, PrintStream out) {
    String lenient = v.outcomeLenient() == v.outcome() ? "" : "   (lenient reading: " + v.outcomeLenient() + ")";
    out.println(domain + ": " + v.outcome() + lenient);
    out.println("  " + v.outcome().meaning());
    row(out, "record", v.recordValid() ? "valid, id " + v.stsId() : "not valid");
    row(out, "policy", v.policyFetched() == null ? "not fetched"
        : !v.policyFetched() ? "not available"
        : (Boolean.TRUE.equals(v.policyValid()) ? "valid" : "invalid")
            + (v.policyMode() == null ? "" : ", mode " + v.policyMode().wire())
            + (v.policyMaxAge() == null ? "" : ", max_age " + v.policyMaxAge())
            + (v.mxPatterns().isEmpty() ? "" : ", mx " + String.join(" ", v.mxPatterns())));
    row(out, "mx coverage", String.valueOf(v.mxCoverage())
        + (v.mxUncovered().isEmpty() ? "" : " (uncovered: " + String.join(", ", v.mxUncovered()) + ")")
        + (v.deliveryRisk() == null ? "" : ", delivery risk " + v.deliveryRisk()));
    row(out, "tls-rpt", v.tlsrpt() == null ? "not looked up"
        : v.tlsrpt() + (v.tlsrptRua().isEmpty() ? "" : " " + String.join(", ", v.tlsrptRua())));
    List<Finding> findings = v.findings();
    if (findings.isEmpty()) {
      out.println("  no findings");
      return;
    }
    out.println("  findings:");
    for (Finding f : findings) {
      out.printf("    %-15s %-26s %s  [%s]%n", f.code().severity(), f.code(),
          f.detail().isEmpty() ? f.code().doc() : f.detail(), f.code().rfcClause());
    }
  }

  private static void row(PrintStream out, String label, String value) {
    out.printf("  %-12s %s%n", label, value);
  }
}
