package org.mtastscensus.verdict;

/**
 * The few judgement parameters that are choices rather than RFC text; recorded in every run's metadata.
 *
 * @param slowThresholdMillis a complete fetch slower than this gets POLICY_SLOW
 */
public record RulesConfig(long slowThresholdMillis) {
  /**
   * postfix-mta-sts-resolver, a common sender-side implementation, gives up a policy fetch after 4 s by default;
   * a policy slower than that is lost to its users.
   */
  public static final long SLOW_THRESHOLD_MILLIS_DEFAULT = 4_000;

  public static RulesConfig defaults() {
    return new RulesConfig(SLOW_THRESHOLD_MILLIS_DEFAULT);
  }
}
