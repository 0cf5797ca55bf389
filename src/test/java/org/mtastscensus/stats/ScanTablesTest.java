package org.mtastscensus.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtastscensus.stats.StatsFixture.row;
import static org.mtastscensus.stats.StatsFixture.rows;
import static org.mtastscensus.stats.StatsFixture.table;
import static org.mtastscensus.stats.TestRow.adopter;
import static org.mtastscensus.stats.TestRow.enforce;
import static org.mtastscensus.stats.TestRow.noRecord;
import static org.mtastscensus.stats.TestRow.nxdomain;
import static org.mtastscensus.stats.TestRow.undetermined;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Severity;

/**
 * One case per single-scan table, on one small hand-counted population (16 rows, 3 TLDs): every expected number
 * below is counted by hand from {@link #POPULATION}, not by the code under test.
 */
class ScanTablesTest {
  static final List<Map<String, Object>> POPULATION = rows(
      nxdomain("gone.com"),
      undetermined("u1.com"), // TXT SERVFAIL
      undetermined("u2.org").set("txt_status", "NOERROR").set("txt_records", List.of("V=STSv1; id=2"))
          .set("mx_status", "TIMEOUT"),
      undetermined("u3.org").set("scan_error", "boom").set("txt_status", "TIMEOUT"),
      undetermined("u4.org").set("txt_status", "NOERROR").findings("POLICY_HOST_BLOCKED"),
      noRecord("a.com").findings("MX_NONE"),
      noRecord("b.com"),
      noRecord("c.net"),
      adopter("ri.com", "RECORD_INVALID").set("record_valid", false).set("sts_id", null).findings("TXT_ID_INVALID"),
      adopter("pu.com", "POLICY_UNAVAILABLE").set("fetch_status", "CERT_EXPIRED").findings("POLICY_CERT_EXPIRED"),
      adopter("pi.org", "POLICY_INVALID").lenient("VALID_ENFORCE").findings("POLICY_CONTENT_TYPE"),
      adopter("vn.com", "VALID_NONE"),
      adopter("vt.com", "VALID_TESTING").set("mx_coverage", null).set("tlsrpt", "ABSENT").findings("TLSRPT_MISSING"),
      enforce("ve1.com"),
      enforce("ve2.com").set("delivery_risk", "PARTIAL").set("mx_coverage", "PARTIAL").set("policy_max_age", 3600L)
          .findings("MX_NOT_COVERED", "POLICY_MAX_AGE_SHORT"),
      enforce("ve3.com").set("delivery_risk", "LATENT").set("mx_coverage", "PARTIAL").set("tlsrpt", null)
          .set("tlsrpt_status", "SERVFAIL").findings("MX_NOT_COVERED"));

  private static final StatsData DATA = StatsFixture.data(POPULATION, 100);

  private static Map<String, Object> expect(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  @Test
  void adoption() {
    assertThat(row(DATA, StatsTables.ADOPTION, "ALL", "*")).containsExactlyEntriesOf(expect(
        "scope", "ALL", "scope_value", "*", "scanned", 16L, "nxdomain", 1L, "undetermined", 4L,
        "undetermined_sts_record", 1L, "existing", 15L, "measured", 11L, "sts_record", 8L, "record_valid", 7L,
        "policy_usable", 5L, "policy_usable_lenient", 6L, "mode_enforce", 3L, "mode_testing", 1L, "mode_none", 1L,
        "misconfigured", 4L, "share_sts_record", 0.727273, "share_policy_usable", 0.454545,
        "share_enforce", 0.272727, "share_misconfigured", 0.5, "share_undetermined", 0.266667));
    List<Object> order = table(DATA, StatsTables.ADOPTION).stream().map(r -> r.get("scope_value")).toList();
    assertThat(order).containsExactly("*", "com", "org", "net");
    assertThat(row(DATA, StatsTables.ADOPTION, "TLD", "org")).containsEntry("scanned", 4L)
        .containsEntry("undetermined", 3L).containsEntry("measured", 1L).containsEntry("sts_record", 1L)
        .containsEntry("misconfigured", 1L).containsEntry("share_sts_record", 1.0);
  }

  @Test
  void findingsCountMeasuredRowsOnlyAndKeepEveryCode() {
    assertThat(table(DATA, StatsTables.FINDINGS)).extracting(r -> r.get("code"))
        .containsExactlyElementsOf(java.util.Arrays.stream(FindingCode.values()).map(Enum::name).toList());
    // undetermined rows are excluded, whatever their codes
    assertThat(row(DATA, StatsTables.FINDINGS, "DNS_LOOKUP_FAILED")).containsEntry("domains", 0L);
    assertThat(row(DATA, StatsTables.FINDINGS, "POLICY_HOST_BLOCKED")).containsEntry("domains", 0L);
    assertThat(row(DATA, StatsTables.FINDINGS, "DOMAIN_NXDOMAIN")).containsEntry("domains", 0L);
    assertThat(row(DATA, StatsTables.FINDINGS, "MX_NONE")).containsEntry("domains", 1L).containsEntry("adopters", 0L)
        .containsEntry("share_measured", 0.090909).containsEntry("share_adopters", 0.0);
    assertThat(row(DATA, StatsTables.FINDINGS, "MX_NOT_COVERED")).containsExactlyEntriesOf(expect(
        "code", "MX_NOT_COVERED", "severity", "BREAKS_DELIVERY", "rfc", "RFC 8461 §4.1", "domains", 2L,
        "adopters", 2L, "share_measured", 0.181818, "share_adopters", 0.25));
  }

  @Test
  void severities() {
    List<Object> order = new ArrayList<>(java.util.Arrays.stream(Severity.values()).map(Enum::name).toList());
    order.add("NONE");
    assertThat(table(DATA, StatsTables.SEVERITIES)).extracting(r -> r.get("severity")).containsExactlyElementsOf(order);
    assertThat(row(DATA, StatsTables.SEVERITIES, "BREAKS_DELIVERY")).containsEntry("adopters_any", 2L)
        .containsEntry("adopters_worst", 2L).containsEntry("share_any", 0.25);
    assertThat(row(DATA, StatsTables.SEVERITIES, "POLICY_IGNORED")).containsEntry("adopters_any", 3L)
        .containsEntry("adopters_worst", 3L);
    // ve2 has a WEAKENED finding but its worst is BREAKS_DELIVERY
    assertThat(row(DATA, StatsTables.SEVERITIES, "WEAKENED")).containsEntry("adopters_any", 2L)
        .containsEntry("adopters_worst", 1L);
    assertThat(row(DATA, StatsTables.SEVERITIES, "NONE")).containsEntry("adopters_any", 0L)
        .containsEntry("adopters_worst", 2L).containsEntry("share_worst", 0.25);
    long worst = table(DATA, StatsTables.SEVERITIES).stream().mapToLong(r -> (Long) r.get("adopters_worst")).sum();
    assertThat(worst).isEqualTo(8L);
  }

  @Test
  void misconfiguration() {
    assertThat(table(DATA, StatsTables.MISCONFIGURATION)).extracting(r -> r.get("reason") + "=" + r.get("domains")
        + "/" + r.get("denominator")).containsExactly("RECORD_INVALID=1/8", "POLICY_UNAVAILABLE=1/8",
        "POLICY_INVALID=1/8", "DELIVERY_RISK_PARTIAL=1/8", "DELIVERY_RISK_TOTAL=0/8", "MISCONFIGURED=4/8");
  }

  @Test
  void deliveryRisk() {
    assertThat(table(DATA, StatsTables.DELIVERY_RISK)).extracting(r -> r.get("risk") + "=" + r.get("domains")
        + "/" + r.get("denominator") + " " + r.get("share")).containsExactly("NONE=1/3 0.333333",
        "LATENT=1/3 0.333333", "PARTIAL=1/3 0.333333", "TOTAL=0/3 0.0");
  }

  @Test
  void outcomeFlipsShowTheLenientReading() {
    assertThat(table(DATA, StatsTables.OUTCOME_FLIPS)).extracting(r -> r.get("outcome") + ">"
        + r.get("outcome_lenient") + "=" + r.get("domains") + (Boolean.TRUE.equals(r.get("flipped")) ? " flipped" : ""))
        .containsExactly("NO_RECORD>NO_RECORD=3", "VALID_ENFORCE>VALID_ENFORCE=3",
            "POLICY_INVALID>VALID_ENFORCE=1 flipped", "POLICY_UNAVAILABLE>POLICY_UNAVAILABLE=1",
            "RECORD_INVALID>RECORD_INVALID=1", "VALID_NONE>VALID_NONE=1", "VALID_TESTING>VALID_TESTING=1");
    assertThat(row(DATA, StatsTables.OUTCOME_FLIPS, "POLICY_INVALID")).containsEntry("share", 0.090909);
    assertThat(StatsFixture.tally(POPULATION).flips()).isEqualTo(1);
  }

  @Test
  void mxCoverageWithNotComputed() {
    assertThat(table(DATA, StatsTables.MX_COVERAGE)).extracting(r -> r.get("mode") + " " + r.get("coverage") + "="
        + r.get("domains") + "/" + r.get("denominator")).containsExactly(
        "testing FULL=0/1", "testing PARTIAL=0/1", "testing NONE=0/1", "testing NOT_APPLICABLE=0/1",
        "testing NOT_COMPUTED=1/1",
        "enforce FULL=1/3", "enforce PARTIAL=2/3", "enforce NONE=0/3", "enforce NOT_APPLICABLE=0/3",
        "enforce NOT_COMPUTED=0/3");
  }

  @Test
  void maxAgeBucketsAndQuantiles() {
    assertThat(table(DATA, StatsTables.MAX_AGE)).extracting(r -> r.get("bucket") + " [" + r.get("lower_seconds")
        + "," + r.get("upper_seconds") + ")=" + r.get("domains") + "/" + r.get("denominator")).containsExactly(
        "< 1 hour [0,3600)=0/5", "1 hour – 1 day [3600,86400)=1/5", "1 day – 1 week [86400,604800)=0/5",
        "1 week – 30 days [604800,2592000)=4/5", "30 days – 1 year [2592000,31557601)=0/5");
    ScanTally tally = StatsFixture.tally(POPULATION);
    assertThat(tally.maxAgeQuantile(10)).isEqualTo(3600L);
    assertThat(tally.maxAgeQuantile(50)).isEqualTo(604800L);
    assertThat(tally.maxAgeQuantile(90)).isEqualTo(604800L);
    assertThat(new ScanTally().maxAgeQuantile(50)).isNull();
  }

  @Test
  void tlsrptPerPopulation() {
    assertThat(table(DATA, StatsTables.TLSRPT)).filteredOn(r -> (Long) r.get("domains") > 0)
        .extracting(r -> r.get("population") + " " + r.get("tlsrpt") + "=" + r.get("domains") + "/"
            + r.get("denominator")).containsExactly(
        "MEASURED VALID=6/11", "MEASURED ABSENT=1/11", "MEASURED LOOKUP_FAILED=1/11", "MEASURED NOT_LOOKED_UP=3/11",
        "STS_RECORD VALID=6/8", "STS_RECORD ABSENT=1/8", "STS_RECORD LOOKUP_FAILED=1/8",
        "POLICY_USABLE VALID=3/5", "POLICY_USABLE ABSENT=1/5", "POLICY_USABLE LOOKUP_FAILED=1/5",
        "ENFORCE VALID=2/3", "ENFORCE LOOKUP_FAILED=1/3");
    assertThat(table(DATA, StatsTables.TLSRPT)).hasSize(20);
  }

  @Test
  void fetchStatusByCount() {
    assertThat(table(DATA, StatsTables.FETCH_STATUS)).extracting(r -> r.get("fetch_status") + "=" + r.get("domains")
        + "/" + r.get("denominator")).containsExactly("COMPLETE=7/8", "CERT_EXPIRED=1/8");
  }

  @Test
  void undeterminedReasonsTakeTheFirstThatApplies() {
    assertThat(table(DATA, StatsTables.UNDETERMINED)).extracting(r -> r.get("reason") + "=" + r.get("domains")
        + "/" + r.get("denominator")).containsExactly("MX_TIMEOUT=1/4", "OTHER=1/4", "SCAN_ERROR=1/4",
        "TXT_SERVFAIL=1/4");
  }

  @Test
  void policyHostingGroupsByRegistrableDomainWithTopNAndOther() {
    List<Map<String, Object>> rows = rows(
        enforce("h1.com").set("policy_host_cname_chain", List.of("h1.sts.provider-a.co.uk")),
        enforce("h2.com").set("policy_host_cname_chain", List.of("X.STS.provider-a.co.uk.")),
        enforce("h3.com").set("policy_host_cname_chain", List.of("a.cdn.example", "edge.provider-b.com")),
        adopter("h4.com", "POLICY_UNAVAILABLE").set("policy_host_cname_chain", List.of("edge.provider-c.net")),
        enforce("h5.com"),
        enforce("h6.com"),
        noRecord("n.com").set("policy_host_cname_chain", List.of("edge.provider-b.com")));
    StatsData data = StatsFixture.data(rows, 2);
    assertThat(table(data, StatsTables.POLICY_HOSTING)).extracting(r -> r.get("rank") + " " + r.get("provider") + "="
        + r.get("domains") + " usable " + r.get("policy_usable") + "/" + r.get("denominator")).containsExactly(
        "1 (no CNAME)=2 usable 2/6", "2 provider-a.co.uk=2 usable 2/6", "null (other)=2 usable 1/6");
    ScanTally tally = StatsFixture.tally(rows);
    assertThat(ScanTables.topShare(tally.hosting, 1, 6, RowFacts.NO_CNAME)).isEqualTo(0.333333);
    assertThat(ScanTables.topShare(tally.hosting, 5, 6, RowFacts.NO_CNAME)).isEqualTo(0.666667);
  }

  @Test
  void policyHostNetworksCountADomainOncePerNetwork() {
    List<Map<String, Object>> rows = rows(
        enforce("a.com").set("policy_host_addresses", List.of("192.0.2.1", "192.0.2.77", "2001:db8:1:2::1")),
        enforce("b.com").set("policy_host_addresses", List.of("192.0.2.5")),
        enforce("c.com").set("policy_host_addresses", List.of("198.51.100.1", "2001:0db8:0001:ffff::2")),
        enforce("d.com").set("policy_host_addresses", List.of()));
    assertThat(table(StatsFixture.data(rows, 10), StatsTables.POLICY_HOST_NETWORKS)).extracting(r -> r.get("rank")
        + " " + r.get("network") + "=" + r.get("domains") + "/" + r.get("denominator")).containsExactly(
        "1 192.0.2.0/24=2/3", "2 2001:db8:1::/48=2/3", "3 198.51.100.0/24=1/3");
  }

  @Test
  void mailProvidersSkipNullMxAndCountOncePerProvider() {
    List<Map<String, Object>> rows = rows(
        enforce("a.com").set("mx_records", List.of("10 mx1.mail.provider.com.", "20 mx2.mail.provider.com")),
        enforce("b.com").set("mx_records", List.of("0 .")),
        adopter("c.com", "VALID_TESTING").set("mx_records", List.of("10 aspmx.l.google.com", "20 mx.backup.co.uk")),
        enforce("d.com").set("mx_records", List.of("10 MX.provider.com")),
        noRecord("e.com").set("mx_records", List.of("10 mx.provider.com")));
    assertThat(table(StatsFixture.data(rows, 10), StatsTables.MAIL_PROVIDERS)).extracting(r -> r.get("rank") + " "
        + r.get("provider") + "=" + r.get("domains") + " enforce " + r.get("mode_enforce") + "/"
        + r.get("denominator")).containsExactly("1 provider.com=2 enforce 2/3", "2 backup.co.uk=1 enforce 0/3",
        "3 google.com=1 enforce 0/3");
    assertThat(table(StatsFixture.data(rows, 1), StatsTables.MAIL_PROVIDERS)).extracting(r -> r.get("rank") + " "
        + r.get("provider") + "=" + r.get("domains")).containsExactly("1 provider.com=2", "null (other)=2");
  }

  @Test
  void rowsFromTheRealRulesEngine() {
    // the columns the scanner writes, judged by the real rules: a Content-Type flip and a CNAME-hosted policy
    StatsData data = StatsFixture.dataOf(List.of(
        TestRow.judged(org.mtastscensus.verdict.FactsBuilder.valid().domain("ok.example")),
        TestRow.judged(org.mtastscensus.verdict.FactsBuilder.valid().domain("html.example").contentType("text/html")),
        TestRow.judged(org.mtastscensus.verdict.FactsBuilder.valid().domain("cname.example")
            .hostCname("tenant.mta-sts.provider.co.uk")),
        TestRow.judged(org.mtastscensus.verdict.FactsBuilder.noRecord().domain("none.example"))), 10);
    assertThat(row(data, StatsTables.ADOPTION, "ALL", "*")).containsEntry("scanned", 4L)
        .containsEntry("sts_record", 3L).containsEntry("policy_usable", 2L).containsEntry("policy_usable_lenient", 3L);
    assertThat(row(data, StatsTables.OUTCOME_FLIPS, "POLICY_INVALID", "VALID_ENFORCE")).containsEntry("flipped", true);
    assertThat(row(data, StatsTables.POLICY_HOSTING, 2)).containsEntry("provider", "provider.co.uk");
  }

  @Test
  void summaryHeadlineIsTheAdoptionAllRow() {
    Map<String, Object> headline = SummaryJson.headline(StatsFixture.tally(POPULATION));
    Map<String, Object> all = row(DATA, StatsTables.ADOPTION, "ALL", "*");
    all.remove("scope");
    all.remove("scope_value");
    all.forEach((column, value) -> assertThat(headline).as(column).containsEntry(column, value));
    assertThat(headline).containsEntry("outcome_flips", 1L);
  }
}
