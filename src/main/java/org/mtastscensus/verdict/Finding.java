package org.mtastscensus.verdict;

import java.util.Objects;

/** One finding on one domain: the stable code plus a human detail that carries the evidence behind it. */
public record Finding(FindingCode code, String detail) {
  public Finding {
    Objects.requireNonNull(code, "code");
    detail = detail == null ? "" : detail;
  }

  @Override
  public String toString() {
    return detail.isEmpty() ? code.name() : code.name() + ": " + detail;
  }
}
