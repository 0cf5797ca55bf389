package org.mtastscensus.verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's verdict field names (rulebook §3.1) and their values for one verdict, in contract order. Enum
 * values are stored by name (policy_mode by its policy spelling), never by ordinal.
 */
public final class VerdictFields {
  public static final List<String> NAMES = List.of(
      "domain", "outcome", "outcome_lenient", "record_valid", "policy_fetched", "policy_valid", "policy_mode",
      "mx_coverage", "delivery_risk", "tlsrpt", "findings");

  private VerdictFields() {}

  public static Map<String, Object> of(String domain, Verdict verdict) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("domain", domain);
    fields.put("outcome", verdict.outcome().name());
    fields.put("outcome_lenient", verdict.outcomeLenient().name());
    fields.put("record_valid", verdict.recordValid());
    fields.put("policy_fetched", verdict.policyFetched());
    fields.put("policy_valid", verdict.policyValid());
    fields.put("policy_mode", verdict.policyMode() == null ? null : verdict.policyMode().wire());
    fields.put("mx_coverage", verdict.mxCoverage() == null ? null : verdict.mxCoverage().name());
    fields.put("delivery_risk", verdict.deliveryRisk() == null ? null : verdict.deliveryRisk().name());
    fields.put("tlsrpt", verdict.tlsrpt() == null ? null : verdict.tlsrpt().name());
    fields.put("findings", verdict.codes().stream().map(Enum::name).toList());
    return fields;
  }
}
