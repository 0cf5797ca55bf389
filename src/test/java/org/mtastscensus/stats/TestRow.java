package org.mtastscensus.stats;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mtastscensus.scan.ScanResult;
import org.mtastscensus.verdict.FactsBuilder;

/**
 * Test helper: one scan row as a column map, built fluently. The default is a domain with mail and no MTA-STS
 * (NO_RECORD); {@link #enforce(String)} is a clean enforce deployment. Rows from the real engine come from
 * {@link #judged(FactsBuilder)}.
 */
final class TestRow {
  private final Map<String, Object> values = new HashMap<>();

  private TestRow(String domain) {
    values.put("domain", domain);
    outcome("NO_RECORD");
    values.put("record_valid", false);
    values.put("findings", List.of());
    values.put("txt_status", "NXDOMAIN");
    values.put("txt_records", List.of());
    values.put("mx_status", "NOERROR");
    values.put("mx_records", List.of("10 mx." + domain));
    values.put("policy_host_addresses", List.of());
    values.put("policy_host_cname_chain", List.of());
    values.put("mx_patterns", List.of());
  }

  static TestRow noRecord(String domain) {
    return new TestRow(domain);
  }

  static TestRow nxdomain(String domain) {
    return new TestRow(domain).outcome("NO_DOMAIN").set("mx_status", "NXDOMAIN").set("mx_records", List.of())
        .findings("DOMAIN_NXDOMAIN");
  }

  static TestRow undetermined(String domain) {
    return new TestRow(domain).outcome("UNDETERMINED").set("txt_status", "SERVFAIL").findings("DNS_LOOKUP_FAILED");
  }

  /** An adopter with a valid record, fetched policy, TLS-RPT and a covered MX, in the given outcome. */
  static TestRow adopter(String domain, String outcome) {
    TestRow row = new TestRow(domain).outcome(outcome).set("txt_status", "NOERROR")
        .set("txt_records", List.of("v=STSv1; id=1")).set("record_valid", true).set("sts_id", "1")
        .set("tlsrpt", "VALID").set("tlsrpt_status", "NOERROR").set("fetch_status", "COMPLETE")
        .set("policy_host_addresses", List.of("192.0.2.1"));
    if (outcome.startsWith("VALID_")) {
      String mode = RowFacts.modeOf(org.mtastscensus.verdict.Outcome.valueOf(outcome));
      row.set("policy_max_age", 604800L).set("mx_patterns", List.of("*." + domain))
          .set("mx_coverage", mode.equals("none") ? "NOT_APPLICABLE" : "FULL")
          .set("policy_text", "version: STSv1\nmode: " + mode + "\nmx: *." + domain + "\nmax_age: 604800\n");
      if (mode.equals("enforce")) {
        row.set("delivery_risk", "NONE");
      }
    }
    return row;
  }

  static TestRow enforce(String domain) {
    return adopter(domain, "VALID_ENFORCE");
  }

  /** The result the scanner produces for facts judged by the real rules. */
  static ScanResult judged(FactsBuilder facts) {
    var built = facts.build();
    return new ScanResult(built.domain(), Instant.parse("2026-11-28T00:00:00Z"), 1, built, facts.judge(), "");
  }

  /** Sets the strict outcome and, unless set apart, the same lenient one. */
  TestRow outcome(String outcome) {
    values.put("outcome", outcome);
    values.put("outcome_lenient", outcome);
    return this;
  }

  TestRow lenient(String outcome) {
    return set("outcome_lenient", outcome);
  }

  TestRow findings(String... codes) {
    return set("findings", Arrays.asList(codes));
  }

  TestRow set(String column, Object value) {
    values.put(column, value);
    return this;
  }

  Map<String, Object> map() {
    return values;
  }
}
