package org.mtastscensus.stats;

import static org.mtastscensus.schema.ResultColumns.DELIVERY_RISK;
import static org.mtastscensus.schema.ResultColumns.DOMAIN;
import static org.mtastscensus.schema.ResultColumns.FETCH_STATUS;
import static org.mtastscensus.schema.ResultColumns.FINDINGS;
import static org.mtastscensus.schema.ResultColumns.MX_COVERAGE;
import static org.mtastscensus.schema.ResultColumns.MX_RECORDS;
import static org.mtastscensus.schema.ResultColumns.MX_STATUS;
import static org.mtastscensus.schema.ResultColumns.OUTCOME;
import static org.mtastscensus.schema.ResultColumns.OUTCOME_LENIENT;
import static org.mtastscensus.schema.ResultColumns.POLICY_HOST_ADDRESSES;
import static org.mtastscensus.schema.ResultColumns.POLICY_HOST_CNAME_CHAIN;
import static org.mtastscensus.schema.ResultColumns.POLICY_MAX_AGE;
import static org.mtastscensus.schema.ResultColumns.RECORD_VALID;
import static org.mtastscensus.schema.ResultColumns.SCAN_ERROR;
import static org.mtastscensus.schema.ResultColumns.TLSRPT;
import static org.mtastscensus.schema.ResultColumns.TLSRPT_STATUS;
import static org.mtastscensus.schema.ResultColumns.TXT_RECORDS;
import static org.mtastscensus.schema.ResultColumns.TXT_STATUS;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mtastscensus.schema.Column;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Outcome;
import org.mtastscensus.verdict.Severity;

/**
 * What the statistics need from one scan row, derived by the rules of {@link StatsRules}. The one place where a
 * row is classified: every table counts these facts, never the raw columns.
 *
 * @param tld last label of the domain
 * @param mode {@code none}, {@code testing} or {@code enforce} for a usable (strict) policy; null otherwise
 * @param findings every finding code of the row, each once
 * @param worst the most severe finding's severity; null when the row has no finding
 * @param tlsrptState {@code VALID}, {@code INVALID}, {@code ABSENT}, {@code LOOKUP_FAILED} or {@code NOT_LOOKED_UP}
 * @param undeterminedReason for undetermined rows, the first reason that applies; null otherwise
 * @param hostingProvider for adopters, the registrable domain at the end of the policy host's CNAME chain
 * @param networks for adopters, the /24 or /48 of every policy host address
 * @param mailProviders for adopters, the registrable domain of every MX host
 */
public record RowFacts(
    String domain,
    String tld,
    Outcome outcome,
    Outcome outcomeLenient,
    boolean undeterminedStsRecord,
    boolean recordValid,
    String mode,
    boolean misconfigured,
    Set<FindingCode> findings,
    Severity worst,
    String deliveryRisk,
    String mxCoverage,
    Long maxAge,
    String tlsrptState,
    String fetchStatus,
    String undeterminedReason,
    String hostingProvider,
    Set<String> networks,
    Set<String> mailProviders) {

  /** The columns this reads: a Spark job projects the scan onto them before anything else. */
  public static final List<Column> COLUMNS = List.of(DOMAIN, OUTCOME, OUTCOME_LENIENT, RECORD_VALID, POLICY_MAX_AGE,
      MX_COVERAGE, DELIVERY_RISK, TLSRPT, TLSRPT_STATUS, FINDINGS, TXT_STATUS, TXT_RECORDS, MX_STATUS, MX_RECORDS,
      POLICY_HOST_ADDRESSES, POLICY_HOST_CNAME_CHAIN, FETCH_STATUS, SCAN_ERROR);

  public static final String NO_CNAME = "(no CNAME)";

  private static final Set<Outcome> NOT_ADOPTER = EnumSet.of(Outcome.NO_DOMAIN, Outcome.NO_RECORD,
      Outcome.UNDETERMINED);
  private static final Set<Outcome> USABLE = EnumSet.of(Outcome.VALID_NONE, Outcome.VALID_TESTING,
      Outcome.VALID_ENFORCE);
  private static final Set<Outcome> MISCONFIGURED = EnumSet.of(Outcome.RECORD_INVALID, Outcome.POLICY_UNAVAILABLE,
      Outcome.POLICY_INVALID);
  private static final Set<String> RISKY = Set.of("PARTIAL", "TOTAL");
  private static final Set<String> ANSWERED = Set.of("NOERROR", "NODATA", "NXDOMAIN");

  public static RowFacts of(ScanRow row, PublicSuffixList psl) {
    String domain = row.string(DOMAIN);
    Outcome outcome = Outcome.valueOf(row.string(OUTCOME));
    Outcome lenient = Outcome.valueOf(row.string(OUTCOME_LENIENT));
    boolean undetermined = outcome == Outcome.UNDETERMINED;
    boolean adopter = !NOT_ADOPTER.contains(outcome);
    String risk = row.string(DELIVERY_RISK);
    Set<FindingCode> findings = EnumSet.noneOf(FindingCode.class);
    for (String code : row.list(FINDINGS)) {
      findings.add(FindingCode.valueOf(code));
    }
    Severity worst = null;
    for (FindingCode code : findings) {
      if (worst == null || code.severity().ordinal() < worst.ordinal()) {
        worst = code.severity();
      }
    }
    return new RowFacts(
        domain,
        domain.substring(domain.lastIndexOf('.') + 1),
        outcome,
        lenient,
        undetermined && row.list(TXT_RECORDS).stream().anyMatch(RowFacts::looksLikeSts),
        !undetermined && row.isTrue(RECORD_VALID),
        USABLE.contains(outcome) ? modeOf(outcome) : null,
        adopter && (MISCONFIGURED.contains(outcome) || risk != null && RISKY.contains(risk)),
        findings,
        worst,
        risk,
        row.string(MX_COVERAGE),
        row.number(POLICY_MAX_AGE),
        tlsrptState(row),
        row.string(FETCH_STATUS),
        undetermined ? undeterminedReason(row) : null,
        adopter ? hostingProvider(row.list(POLICY_HOST_CNAME_CHAIN), psl) : null,
        adopter ? networks(row.list(POLICY_HOST_ADDRESSES)) : Set.of(),
        adopter ? mailProviders(row.list(MX_RECORDS), psl) : Set.of());
  }

  // -- the population flags of StatsRules ------------------------------------------------------------------------

  public boolean nxdomain() {
    return outcome == Outcome.NO_DOMAIN;
  }

  public boolean undetermined() {
    return outcome == Outcome.UNDETERMINED;
  }

  public boolean existing() {
    return !nxdomain();
  }

  public boolean measured() {
    return existing() && !undetermined();
  }

  public boolean stsRecord() {
    return !NOT_ADOPTER.contains(outcome);
  }

  public boolean policyUsable() {
    return mode != null;
  }

  /** Only measured rows count, so that the lenient share has the same denominator as the strict one. */
  public boolean policyUsableLenient() {
    return measured() && USABLE.contains(outcomeLenient);
  }

  public boolean flipped() {
    return outcome != outcomeLenient;
  }

  // -- derivations ---------------------------------------------------------------------------------------------------

  static boolean looksLikeSts(String txt) {
    return txt != null && txt.length() >= 5 && txt.substring(0, 5).toLowerCase(Locale.ROOT).equals("v=sts");
  }

  static String modeOf(Outcome outcome) {
    return outcome.name().substring("VALID_".length()).toLowerCase(Locale.ROOT);
  }

  private static String tlsrptState(ScanRow row) {
    String state = row.string(TLSRPT);
    if (state != null) {
      return state;
    }
    return row.string(TLSRPT_STATUS) == null ? "NOT_LOOKED_UP" : "LOOKUP_FAILED";
  }

  private static String undeterminedReason(ScanRow row) {
    if (row.string(SCAN_ERROR) != null) {
      return "SCAN_ERROR";
    }
    String txt = row.string(TXT_STATUS);
    if (txt != null && !ANSWERED.contains(txt)) {
      return "TXT_" + txt;
    }
    String mx = row.string(MX_STATUS);
    if (mx != null && !ANSWERED.contains(mx)) {
      return "MX_" + mx;
    }
    return "OTHER";
  }

  static String hostingProvider(List<String> chain, PublicSuffixList psl) {
    if (chain.isEmpty()) {
      return NO_CNAME;
    }
    return group(chain.get(chain.size() - 1), psl);
  }

  static Set<String> networks(List<String> addresses) {
    Set<String> networks = new LinkedHashSet<>();
    for (String address : addresses) {
      String network = Networks.of(address);
      if (network != null) {
        networks.add(network);
      }
    }
    return networks;
  }

  static Set<String> mailProviders(List<String> mxRecords, PublicSuffixList psl) {
    Set<String> providers = new LinkedHashSet<>();
    for (String record : mxRecords) {
      String[] parts = record.strip().split("\\s+");
      String host = parts[parts.length - 1];
      if (host.equals(".") || host.isEmpty()) {
        continue; // a null MX (RFC 7505) names no provider
      }
      providers.add(group(host, psl));
    }
    return providers;
  }

  /** The registrable domain; a name that is itself a public suffix (or malformed) stands for itself. */
  private static String group(String host, PublicSuffixList psl) {
    String registrable = psl.registrableDomain(host);
    if (registrable != null) {
      return registrable;
    }
    String name = host.toLowerCase(Locale.ROOT);
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** Every finding's severity, each once. */
  public Set<Severity> severities() {
    Set<Severity> severities = EnumSet.noneOf(Severity.class);
    findings.forEach(code -> severities.add(code.severity()));
    return severities;
  }

  static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }
}
