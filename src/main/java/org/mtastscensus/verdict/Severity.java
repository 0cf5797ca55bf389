package org.mtastscensus.verdict;

/** What a finding does to mail delivery (rulebook §2). Stored as its name; never renamed. */
public enum Severity {
  BREAKS_DELIVERY("with effective mode enforce, a conforming sender refuses some or all MX hosts"),
  POLICY_IGNORED("a sender without a cached policy treats the domain as having no MTA-STS"),
  WEAKENED("the policy applies, but protection or operability is reduced"),
  COSMETIC("non-conformant or odd, tolerated by conforming senders"),
  INFO("a fact worth counting, not a fault"),
  UNDETERMINED("the scan could not decide; never counted as a misconfiguration");

  private final String meaning;

  Severity(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
