package org.mtastscensus.stats;

import static org.mtastscensus.schema.ResultColumns.DOMAIN;
import static org.mtastscensus.schema.ResultColumns.MX_PATTERNS;
import static org.mtastscensus.schema.ResultColumns.OUTCOME;
import static org.mtastscensus.schema.ResultColumns.POLICY_MAX_AGE;
import static org.mtastscensus.schema.ResultColumns.POLICY_TEXT;
import static org.mtastscensus.schema.ResultColumns.STS_ID;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.mtastscensus.schema.Column;
import org.mtastscensus.verdict.Outcome;

/**
 * What the scan-to-scan comparison needs of one domain in one scan: its state and its canonical policy (mode,
 * max_age, sorted mx patterns) with the record id and a digest of the policy text.
 *
 * @param policyDigest SHA-256 (lower-case hex) of policy_text as UTF-8; null when no text was fetched
 */
public record DomainState(String domain, String state, String stsId, Long maxAge, List<String> mxPatterns,
    String policyDigest) implements Serializable {

  public static final String ABSENT = "ABSENT";
  public static final String UNDETERMINED = "UNDETERMINED";
  public static final String NO_RECORD = "NO_RECORD";
  public static final String NO_POLICY = "NO_POLICY";
  /** Every state, from absent to enforce: the order of the transition matrix. */
  public static final List<String> STATES = List.of(ABSENT, UNDETERMINED, NO_RECORD, NO_POLICY, "none", "testing",
      "enforce");

  /** A Spark job sends this column (sha2 of policy_text) in place of the text itself, to keep the join narrow. */
  public static final String DIGEST_COLUMN = "policy_text_sha256";

  /** The columns read; {@code policy_text} may be replaced by {@link #DIGEST_COLUMN}. */
  public static final List<Column> COLUMNS = List.of(DOMAIN, OUTCOME, STS_ID, POLICY_MAX_AGE, MX_PATTERNS);

  public static DomainState of(ScanRow row) {
    String text = row.string(POLICY_TEXT);
    Object digest = text != null ? sha256(text) : row.get(DIGEST_COLUMN);
    return new DomainState(row.string(DOMAIN), state(Outcome.valueOf(row.string(OUTCOME))), row.string(STS_ID),
        row.number(POLICY_MAX_AGE), RowFacts.sorted(row.list(MX_PATTERNS)), digest == null ? null : digest.toString());
  }

  static String state(Outcome outcome) {
    return switch (outcome) {
      case UNDETERMINED -> UNDETERMINED;
      case NO_RECORD, NO_DOMAIN -> NO_RECORD;
      case VALID_NONE, VALID_TESTING, VALID_ENFORCE -> RowFacts.modeOf(outcome);
      default -> NO_POLICY;
    };
  }

  public static String stateOf(DomainState state) {
    return state == null ? ABSENT : state.state();
  }

  public boolean usable() {
    return state.equals("none") || state.equals("testing") || state.equals("enforce");
  }

  public boolean adopter() {
    return usable() || state.equals(NO_POLICY);
  }

  /** Same policy as RFC 8461 §8.1 cares about: mode, max_age and the mx pattern set. */
  boolean samePolicy(DomainState other) {
    return state.equals(other.state) && Objects.equals(maxAge, other.maxAge) && mxPatterns.equals(other.mxPatterns);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
