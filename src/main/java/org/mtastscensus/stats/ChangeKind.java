package org.mtastscensus.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The kinds of change between two scans of a domain, in the row order of the changes table. */
public enum ChangeKind {
  TRANSITION("from one state to another, unchanged pairs included"),
  NEW_ADOPTER("no record before, a record now"),
  LOST_ADOPTER("a record before, none now"),
  POLICY_REMOVED("a usable policy before, none now"),
  MODE_DOWNGRADED("enforce → testing → none"),
  MODE_UPGRADED("none → testing → enforce"),
  ID_NOT_ROTATED("policy changed, record id unchanged (RFC 8461 §8.1)"),
  ID_CHANGED_SAME_TEXT("record id changed, policy text identical"),
  NOT_COMPARABLE("absent from one scan, or undetermined");

  private final String meaning;

  ChangeKind(String meaning) {
    this.meaning = meaning;
  }

  /** One line for people (the report's tables). */
  public String meaning() {
    return meaning;
  }

  private static final Map<String, Integer> MODE_RANK = Map.of("none", 0, "testing", 1, "enforce", 2);

  /**
   * Every kind that applies to a domain, TRANSITION always first.
   *
   * @param previous null when the domain is absent from the previous scan
   * @param current null when the domain is absent from the current scan
   */
  public static List<ChangeKind> of(DomainState previous, DomainState current) {
    List<ChangeKind> kinds = new ArrayList<>();
    kinds.add(TRANSITION);
    String from = DomainState.stateOf(previous);
    String to = DomainState.stateOf(current);
    if (previous == null || current == null || from.equals(DomainState.UNDETERMINED)
        || to.equals(DomainState.UNDETERMINED)) {
      kinds.add(NOT_COMPARABLE);
      return kinds;
    }
    if (from.equals(DomainState.NO_RECORD) && current.adopter()) {
      kinds.add(NEW_ADOPTER);
    }
    if (previous.adopter() && to.equals(DomainState.NO_RECORD)) {
      kinds.add(LOST_ADOPTER);
    }
    if (previous.usable() && !current.usable()) {
      kinds.add(POLICY_REMOVED);
    }
    if (previous.usable() && current.usable()) {
      int change = MODE_RANK.get(to) - MODE_RANK.get(from);
      if (change < 0) {
        kinds.add(MODE_DOWNGRADED);
      } else if (change > 0) {
        kinds.add(MODE_UPGRADED);
      }
      if (previous.stsId() != null && previous.stsId().equals(current.stsId()) && !previous.samePolicy(current)) {
        kinds.add(ID_NOT_ROTATED);
      }
    }
    if (previous.policyDigest() != null && previous.policyDigest().equals(current.policyDigest())
        && previous.stsId() != null && current.stsId() != null && !previous.stsId().equals(current.stsId())) {
      kinds.add(ID_CHANGED_SAME_TEXT);
    }
    return kinds;
  }
}
