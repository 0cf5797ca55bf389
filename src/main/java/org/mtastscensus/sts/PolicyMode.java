package org.mtastscensus.sts;

import java.util.Optional;

/** The three policy modes of RFC 8461 §5, matched case-sensitively (R-POL-3). */
public enum PolicyMode {
  ENFORCE("enforce"),
  TESTING("testing"),
  NONE("none");

  private final String wire;

  PolicyMode(String wire) {
    this.wire = wire;
  }

  /** The exact spelling in a policy file, also the stored value of {@code policy_mode}. */
  public String wire() {
    return wire;
  }

  public static Optional<PolicyMode> parse(String value) {
    for (PolicyMode mode : values()) {
      if (mode.wire.equals(value)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
