package org.mtastscensus.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The definitions behind every figure, as published in {@code summary.json} ("rules", "denominators") and
 * {@code docs/stats.md}. {@link RowFacts} implements them; the texts are kept here so that a figure always
 * travels with its rule (mta-sts-rules.md §3.1 asks for that).
 */
public final class StatsRules {
  public static final int STATS_VERSION = 1;

  private static final Map<String, String> RULES = new LinkedHashMap<>();
  private static final Map<String, String> DENOMINATORS = new LinkedHashMap<>();

  static {
    RULES.put("scanned", "every row of the scan");
    RULES.put("nxdomain", "outcome = NO_DOMAIN");
    RULES.put("undetermined", "outcome = UNDETERMINED (a lookup or fetch needed for the verdict failed; never"
        + " counted as adopter, non-adopter or misconfigured)");
    RULES.put("undetermined_sts_record", "undetermined rows whose txt_records hold a record starting v=STS"
        + " (case-insensitive)");
    RULES.put("existing", "scanned - nxdomain");
    RULES.put("measured", "existing - undetermined");
    RULES.put("adopter", "sts_record: outcome not in (NO_DOMAIN, NO_RECORD, UNDETERMINED), i.e. an STS-looking TXT"
        + " record was found and the verdict is determined");
    RULES.put("record_valid", "record_valid = true and outcome != UNDETERMINED");
    RULES.put("policy_usable", "outcome in (VALID_NONE, VALID_TESTING, VALID_ENFORCE) (strict reading:"
        + " a Content-Type other than text/plain invalidates the policy)");
    RULES.put("policy_usable_lenient", "measured and outcome_lenient in (VALID_NONE, VALID_TESTING, VALID_ENFORCE)"
        + " (Content-Type ignored, as mox reads it)");
    RULES.put("mode", "mode_enforce / mode_testing / mode_none: outcome = VALID_ENFORCE / VALID_TESTING /"
        + " VALID_NONE");
    RULES.put("misconfigured", "sts_record and (outcome in (RECORD_INVALID, POLICY_UNAVAILABLE, POLICY_INVALID) or"
        + " delivery_risk in (PARTIAL, TOTAL)) (mta-sts-rules.md §3.1)");
    RULES.put("outcome_flips", "measured rows whose outcome differs from outcome_lenient");
    RULES.put("tld", "the last label of domain");
    RULES.put("worst_severity", "the most severe severity among a row's findings (Severity declaration order,"
        + " most severe first); NONE when the row has no finding");
    RULES.put("undetermined_reason", "the first that applies: SCAN_ERROR (scan_error not null), TXT_<txt_status>,"
        + " MX_<mx_status> (a DNS status other than NOERROR, NODATA, NXDOMAIN), else OTHER");
    RULES.put("tlsrpt_state", "tlsrpt when not null; LOOKUP_FAILED when tlsrpt is null and tlsrpt_status is not;"
        + " NOT_LOOKED_UP when tlsrpt_status is null");
    RULES.put("registrable_domain", "public suffix (ICANN section of the Public Suffix List) plus one label;"
        + " a name that is itself a public suffix stands for itself");
    RULES.put("policy_hosting_provider", "registrable domain of the last name of policy_host_cname_chain;"
        + " (no CNAME) when the chain is empty");
    RULES.put("policy_host_network", "IPv4 /24 (a.b.c.0/24) or IPv6 /48 (x:y:z::/48) of each policy_host_addresses"
        + " entry; a domain counts once per network");
    RULES.put("mail_provider", "registrable domain of each MX host of mx_records, null MX (0 .) excluded;"
        + " a domain counts once per provider");
    RULES.put("top_n", "provider tables keep the --top largest groups (domains desc, name asc) and one (other) row"
        + " summing the rest (a domain in two tail groups counts in both); (other) has no rank");
    RULES.put("concentration", "top1/top5 share: domains of the largest 1/5 groups over the table's denominator,"
        + " (no CNAME) excluded from policy hosting (self-hosted is not a provider)");
    RULES.put("max_age_quantiles", "nearest-rank quantiles of policy_max_age over rows where it is not null: the"
        + " smallest value with at least ceil(p * n) rows at or below it");
    RULES.put("state", "per domain and scan: ABSENT (not in the scan), UNDETERMINED, NO_RECORD (NO_RECORD or"
        + " NO_DOMAIN), NO_POLICY (sts_record but not policy_usable), none, testing, enforce");
    RULES.put("changes", "previous vs current scan by domain (full outer join on domain). TRANSITION: every"
        + " (from state, to state) pair, unchanged ones included; NEW_ADOPTER: NO_RECORD to NO_POLICY, none, testing"
        + " or enforce; LOST_ADOPTER: NO_POLICY, none, testing or enforce to NO_RECORD; POLICY_REMOVED: none, testing"
        + " or enforce to NO_POLICY or NO_RECORD; MODE_DOWNGRADED: enforce to testing or none, testing to none;"
        + " MODE_UPGRADED: the reverse; ID_NOT_ROTATED (RFC 8461 §8.1): both usable, same sts_id, and mode, max_age"
        + " or the sorted mx pattern set differ; ID_CHANGED_SAME_TEXT: both policy_text not null and identical, both"
        + " sts_id not null and different; NOT_COMPARABLE: either state ABSENT or UNDETERMINED (such a domain gets"
        + " no other kind). A domain can have several kinds (e.g. LOST_ADOPTER and POLICY_REMOVED)");
    RULES.put("share", "a fraction 0..1 (6 decimals in CSV); empty/null when the denominator is 0");

    DENOMINATORS.put("existing", "share_undetermined");
    DENOMINATORS.put("measured", "share_sts_record, share_policy_usable, share_enforce, findings.share_measured,"
        + " outcome_flips.share");
    DENOMINATORS.put("sts_record", "share_misconfigured, findings.share_adopters, severities, misconfiguration,"
        + " policy_hosting");
    DENOMINATORS.put("mode_enforce", "delivery_risk");
    DENOMINATORS.put("VALID_<mode>", "mx_coverage: rows with outcome VALID_TESTING or VALID_ENFORCE");
    DENOMINATORS.put("policy_max_age_not_null", "max_age");
    DENOMINATORS.put("population", "tlsrpt: the size of MEASURED, STS_RECORD, POLICY_USABLE or ENFORCE");
    DENOMINATORS.put("fetch_attempts", "fetch_status: rows with fetch_status not null");
    DENOMINATORS.put("undetermined", "undetermined (reasons)");
    DENOMINATORS.put("sts_record_with_address", "policy_host_networks: sts_record rows with at least one policy host"
        + " address");
    DENOMINATORS.put("sts_record_with_mx", "mail_providers: sts_record rows with at least one MX host");
  }

  private StatsRules() {}

  public static Map<String, String> rules() {
    return new LinkedHashMap<>(RULES);
  }

  /** Denominator name -> the figures divided by it. */
  public static Map<String, String> denominators() {
    return new LinkedHashMap<>(DENOMINATORS);
  }
}
