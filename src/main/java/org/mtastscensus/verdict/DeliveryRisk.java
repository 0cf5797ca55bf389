package org.mtastscensus.verdict;

/** For VALID_ENFORCE domains: how much mail a conforming sender would refuse today or after a primary fails. */
public enum DeliveryRisk {
  NONE("every MX host is covered, or the domain accepts no mail (null MX)"),
  LATENT("only backup MX hosts are uncovered; mail breaks when the primaries fail (RFC 8461 §8.4)"),
  PARTIAL("a primary MX host is uncovered while others are covered"),
  TOTAL("no MX host is covered");

  private final String meaning;

  DeliveryRisk(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
