package org.mtastscensus.stats;

import static org.mtastscensus.stats.StatsType.BOOLEAN;
import static org.mtastscensus.stats.StatsType.DOUBLE;
import static org.mtastscensus.stats.StatsType.INT;
import static org.mtastscensus.stats.StatsType.LONG;
import static org.mtastscensus.stats.StatsType.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics tables, declared once. CSV headers, the Parquet schema (with column comments), the "tables"
 * section of {@code summary.json} and {@code docs/stats.md} are all derived from this list.
 */
public final class StatsTables {
  private static final List<StatsTable> TABLES = new ArrayList<>();

  public static final List<StatsColumn> SCAN_COLUMNS = List.of(
      new StatsColumn("scan_date", STRING, "Date of the scan (YYYY-MM-DD, UTC), from _run.json."),
      new StatsColumn("scan_id", STRING, "ID of the scan, from _run.json."),
      new StatsColumn("list", STRING, "The scanned list: configuration.list_id of _run.json if set, else the input"
          + " file names joined with +."));

  public static final StatsTable ADOPTION = table("adoption",
      "Adoption counts and shares, for the whole scan and per TLD.",
      "ALL first, then TLD by scanned desc, TLD asc",
      col("scope", STRING, "ALL or TLD."),
      col("scope_value", STRING, "* for ALL, else the TLD."),
      count("scanned", "Rows of the scan."),
      count("nxdomain", "outcome = NO_DOMAIN."),
      count("undetermined", "outcome = UNDETERMINED."),
      count("undetermined_sts_record", "Undetermined rows whose txt_records hold a record starting v=STS."),
      count("existing", "scanned - nxdomain."),
      count("measured", "existing - undetermined."),
      count("sts_record", "Adopters: an STS-looking record and a determined verdict."),
      count("record_valid", "record_valid = true (not undetermined)."),
      count("policy_usable", "outcome VALID_NONE, VALID_TESTING or VALID_ENFORCE."),
      count("policy_usable_lenient", "Measured with outcome_lenient VALID_NONE, VALID_TESTING or VALID_ENFORCE."),
      count("mode_enforce", "outcome = VALID_ENFORCE."),
      count("mode_testing", "outcome = VALID_TESTING."),
      count("mode_none", "outcome = VALID_NONE."),
      count("misconfigured", "Adopters with outcome RECORD_INVALID, POLICY_UNAVAILABLE or POLICY_INVALID, or"
          + " delivery_risk PARTIAL or TOTAL."),
      share("share_sts_record", "sts_record / measured."),
      share("share_policy_usable", "policy_usable / measured."),
      share("share_enforce", "mode_enforce / measured."),
      share("share_misconfigured", "misconfigured / sts_record."),
      share("share_undetermined", "undetermined / existing."));

  public static final StatsTable FINDINGS = table("findings",
      "How many domains have each finding code (docs/findings.md); every code, zeros kept.",
      "FindingCode declaration order",
      col("code", STRING, "The finding code."),
      col("severity", STRING, "Its severity."),
      col("rfc", STRING, "The RFC clause it rests on."),
      count("domains", "Measured rows having the code."),
      count("adopters", "sts_record rows having the code."),
      share("share_measured", "domains / measured."),
      share("share_adopters", "adopters / sts_record."));

  public static final StatsTable SEVERITIES = table("severities",
      "Adopters by severity of their findings.",
      "Severity declaration order (most severe first), then NONE",
      col("severity", STRING, "A Severity, or NONE (no finding)."),
      count("adopters_any", "Adopters with at least one finding of this severity (0 for NONE)."),
      count("adopters_worst", "Adopters whose most severe finding has this severity (NONE: no finding)."),
      share("share_any", "adopters_any / sts_record."),
      share("share_worst", "adopters_worst / sts_record."));

  public static final StatsTable MISCONFIGURATION = table("misconfiguration",
      "Adopters by reason of misconfiguration (a domain can have two reasons); MISCONFIGURED is the union.",
      "RECORD_INVALID, POLICY_UNAVAILABLE, POLICY_INVALID, DELIVERY_RISK_PARTIAL, DELIVERY_RISK_TOTAL, MISCONFIGURED",
      col("reason", STRING, "An outcome, a delivery risk (DELIVERY_RISK_*), or MISCONFIGURED for all."),
      count("domains", "Adopters with this reason."),
      count("denominator", "sts_record."),
      share("share", "domains / denominator."));

  public static final StatsTable DELIVERY_RISK = table("delivery_risk",
      "What a conforming sender refuses, for domains in mode enforce.",
      "NONE, LATENT, PARTIAL, TOTAL",
      col("risk", STRING, "The delivery_risk value."),
      count("domains", "VALID_ENFORCE rows with this risk."),
      count("denominator", "mode_enforce."),
      share("share", "domains / denominator."));

  public static final StatsTable OUTCOME_FLIPS = table("outcome_flips",
      "Strict vs lenient (Content-Type ignored) outcome, for measured rows.",
      "domains desc, outcome asc, outcome_lenient asc",
      col("outcome", STRING, "Strict outcome."),
      col("outcome_lenient", STRING, "Lenient outcome."),
      count("domains", "Measured rows with this pair."),
      col("flipped", BOOLEAN, "outcome differs from outcome_lenient."),
      share("share", "domains / measured."));

  public static final StatsTable MX_COVERAGE = table("mx_coverage",
      "How well testing and enforce policies cover the domain's MX hosts.",
      "testing then enforce; FULL, PARTIAL, NONE, NOT_APPLICABLE, NOT_COMPUTED",
      col("mode", STRING, "testing or enforce."),
      col("coverage", STRING, "mx_coverage, NOT_COMPUTED when null (MX lookup failed)."),
      count("domains", "Rows with outcome VALID_<mode> and this coverage."),
      count("denominator", "Rows with outcome VALID_<mode>."),
      share("share", "domains / denominator."));

  public static final StatsTable MAX_AGE = table("max_age",
      "Distribution of policy max_age; quantiles p10/p50/p90 are in summary.json.",
      "bucket by lower_seconds",
      col("bucket", STRING, "The range of max_age."),
      count("lower_seconds", "Lower bound (inclusive)."),
      count("upper_seconds", "Upper bound (exclusive)."),
      count("domains", "Rows with policy_max_age in the bucket."),
      count("denominator", "Rows with policy_max_age not null."),
      share("share", "domains / denominator."));

  public static final StatsTable TLSRPT = table("tlsrpt",
      "TLS-RPT record state per population.",
      "population (MEASURED, STS_RECORD, POLICY_USABLE, ENFORCE), then VALID, INVALID, ABSENT, LOOKUP_FAILED,"
          + " NOT_LOOKED_UP",
      col("population", STRING, "MEASURED, STS_RECORD, POLICY_USABLE or ENFORCE."),
      col("tlsrpt", STRING, "VALID, INVALID, ABSENT, LOOKUP_FAILED (tlsrpt null, tlsrpt_status not null) or"
          + " NOT_LOOKED_UP (tlsrpt_status null)."),
      count("domains", "Rows of the population in this state."),
      count("denominator", "Size of the population."),
      share("share", "domains / denominator."));

  public static final StatsTable FETCH_STATUS = table("fetch_status",
      "How policy fetches ended, for every fetch_status seen.",
      "domains desc, fetch_status asc",
      col("fetch_status", STRING, "A FetchStatus."),
      count("domains", "Rows with this fetch_status."),
      count("denominator", "Rows with fetch_status not null (fetch attempts)."),
      share("share", "domains / denominator."));

  public static final StatsTable UNDETERMINED = table("undetermined",
      "Why verdicts could not be decided, for every reason seen.",
      "domains desc, reason asc",
      col("reason", STRING, "SCAN_ERROR, TXT_<txt_status>, MX_<mx_status> or OTHER (the first that applies)."),
      count("domains", "Undetermined rows with this reason."),
      count("denominator", "undetermined."),
      share("share", "domains / denominator."));

  public static final StatsTable POLICY_HOSTING = table("policy_hosting",
      "Who hosts the policies: registrable domain at the end of mta-sts.<domain>'s CNAME chain.",
      "domains desc, provider asc; (other) last",
      col("rank", INT, "1 for the largest group; null for (other)."),
      col("provider", STRING, "Registrable domain (ICANN PSL) of the last CNAME target, (no CNAME) or (other)."),
      count("domains", "sts_record rows in the group."),
      count("policy_usable", "Of those, rows with a usable policy."),
      count("denominator", "sts_record."),
      share("share", "domains / denominator."));

  public static final StatsTable POLICY_HOST_NETWORKS = table("policy_host_networks",
      "Networks serving the policy hosts (a domain counts once per network).",
      "domains desc, network asc; (other) last",
      col("rank", INT, "1 for the largest group; null for (other)."),
      col("network", STRING, "IPv4 /24 (a.b.c.0/24) or IPv6 /48 (x:y:z::/48), or (other)."),
      count("domains", "sts_record rows with an address in the network."),
      count("denominator", "sts_record rows with at least one policy host address."),
      share("share", "domains / denominator."));

  public static final StatsTable MAIL_PROVIDERS = table("mail_providers",
      "Mail providers of adopters: registrable domain of each MX host (a domain counts once per provider).",
      "domains desc, provider asc; (other) last",
      col("rank", INT, "1 for the largest group; null for (other)."),
      col("provider", STRING, "Registrable domain (ICANN PSL) of an MX host, or (other)."),
      count("domains", "sts_record rows with an MX host at the provider."),
      count("mode_enforce", "Of those, rows with outcome VALID_ENFORCE."),
      count("denominator", "sts_record rows with at least one MX host (null MX excluded)."),
      share("share", "domains / denominator."));

  public static final StatsTable CHANGES = previous("changes",
      "Changes between the previous scan (--previous) and this one, by domain.",
      "kind (TRANSITION, NEW_ADOPTER, LOST_ADOPTER, POLICY_REMOVED, MODE_DOWNGRADED, MODE_UPGRADED, ID_NOT_ROTATED,"
          + " ID_CHANGED_SAME_TEXT, NOT_COMPARABLE), domains desc, from_value asc, to_value asc",
      col("kind", STRING, "TRANSITION (every state pair, unchanged ones included) or a change kind."),
      col("from_value", STRING, "State in the previous scan."),
      col("to_value", STRING, "State in this scan."),
      count("domains", "Domains with this kind and pair."));

  public static final StatsTable CHANGE_DOMAINS = previous("change_domains",
      "The domains behind each change kind (every kind except TRANSITION and NOT_COMPARABLE).",
      "kind (as in changes), domain asc",
      col("domain", STRING, "The domain."),
      col("kind", STRING, "The change kind."),
      col("from_value", STRING, "State in the previous scan."),
      col("to_value", STRING, "State in this scan."),
      col("previous_sts_id", STRING, "sts_id in the previous scan."),
      col("current_sts_id", STRING, "sts_id in this scan."));

  private StatsTables() {}

  /** Every table, in output order. */
  public static List<StatsTable> all() {
    return List.copyOf(TABLES);
  }

  private static StatsTable table(String name, String description, String order, StatsColumn... columns) {
    return add(name, description, order, false, columns);
  }

  private static StatsTable previous(String name, String description, String order, StatsColumn... columns) {
    return add(name, description, order, true, columns);
  }

  private static StatsTable add(String name, String description, String order, boolean withPrevious,
      StatsColumn... columns) {
    List<StatsColumn> all = new ArrayList<>(SCAN_COLUMNS);
    all.addAll(List.of(columns));
    StatsTable table = new StatsTable(name, description, order, all, withPrevious);
    TABLES.add(table);
    return table;
  }

  private static StatsColumn col(String name, StatsType type, String doc) {
    return new StatsColumn(name, type, doc);
  }

  private static StatsColumn count(String name, String doc) {
    return new StatsColumn(name, LONG, doc);
  }

  private static StatsColumn share(String name, String doc) {
    return new StatsColumn(name, DOUBLE, doc);
  }
}
