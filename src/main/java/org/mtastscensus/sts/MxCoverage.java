package org.mtastscensus.sts;

/** The verdict field {@code mx_coverage} (contract §3.1). Stored as its name. */
public enum MxCoverage {
  FULL("every MX host matches a policy pattern"),
  PARTIAL("some, not all, MX hosts match a policy pattern"),
  NONE("no MX host matches a policy pattern"),
  NOT_APPLICABLE("no valid policy, mode none, or a null MX");

  private final String meaning;

  MxCoverage(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
