package org.mtastscensus.verdict;

/** The per-domain outcome (contract §3.1). Stored as its name; never renamed. */
public enum Outcome {
  NO_DOMAIN("the domain does not exist"),
  NO_RECORD("no TXT record at _mta-sts is meant as an STS record"),
  RECORD_INVALID("an STS record exists but senders discard it"),
  POLICY_UNAVAILABLE("the record is valid but no policy could be fetched"),
  POLICY_INVALID("a policy was fetched but is not valid"),
  VALID_NONE("valid record and policy, mode none"),
  VALID_TESTING("valid record and policy, mode testing"),
  VALID_ENFORCE("valid record and policy, mode enforce"),
  UNDETERMINED("a lookup or fetch needed for the verdict could not be completed");

  private final String meaning;

  Outcome(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
