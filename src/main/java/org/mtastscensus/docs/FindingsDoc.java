package org.mtastscensus.docs;

import java.util.function.Function;
import org.mtastscensus.dns.DnsStatus;
import org.mtastscensus.fetch.FetchStatus;
import org.mtastscensus.sts.MxCoverage;
import org.mtastscensus.tlsrpt.TlsRptStatus;
import org.mtastscensus.verdict.DeliveryRisk;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Outcome;
import org.mtastscensus.verdict.Severity;

/**
 * Renders {@code docs/findings.md} from the enums themselves, so that the published list of codes and values
 * cannot drift from the code; a test regenerates it and fails when the committed copy differs.
 */
public final class FindingsDoc {

  private FindingsDoc() {}

  public static String render() {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from the enums in src/main/java by FindingsDoc; do not edit by hand.\n")
        .append("     Regenerate with scripts/generate-docs. -->\n")
        .append("# Finding codes and verdict values (contract version ")
        .append(FindingCode.CONTRACT_VERSION)
        .append(")\n\n")
        .append("Every result row carries `findings`, a list of the codes below, in this spelling. Codes are a public\n")
        .append("interface: a code is never renamed or reused; new codes may be added.\n\n");

    out.append("## Finding codes\n\n| code | severity | RFC clause | trigger |\n|---|---|---|---|\n");
    for (FindingCode code : FindingCode.values()) {
      out.append("| `").append(code.name()).append("` | ").append(code.severity().name()).append(" | ")
          .append(code.rfcClause()).append(" | ").append(escape(code.doc())).append(" |\n");
    }
    section(out, "Severity classes", Severity.values(), Severity::meaning);
    section(out, "`outcome` and `outcome_lenient`", Outcome.values(), Outcome::meaning);
    section(out, "`mx_coverage`", MxCoverage.values(), MxCoverage::meaning);
    section(out, "`delivery_risk` (VALID_ENFORCE only)", DeliveryRisk.values(), DeliveryRisk::meaning);
    section(out, "`tlsrpt`", TlsRptStatus.values(), TlsRptStatus::meaning);
    section(out, "DNS query status (evidence)", DnsStatus.values(), DnsStatus::meaning);
    section(out, "Policy fetch status (evidence)", FetchStatus.values(), FetchStatus::meaning);
    return out.toString();
  }

  private static <E extends Enum<E>> void section(StringBuilder out, String title, E[] values, Function<E, String> meaning) {
    out.append("\n## ").append(title).append("\n\n| value | meaning |\n|---|---|\n");
    for (E value : values) {
      out.append("| `").append(value.name()).append("` | ").append(escape(meaning.apply(value))).append(" |\n");
    }
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
