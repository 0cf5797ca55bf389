package org.mtastscensus.stats.spark;

import org.apache.spark.api.java.function.Function2;
import org.mtastscensus.stats.ChangeTally;

/** Adds two partial change tallies. */
final class MergeChanges implements Function2<ChangeTally, ChangeTally, ChangeTally> {
  private static final long serialVersionUID = 1L;

  @Override
  public ChangeTally call(ChangeTally left, ChangeTally right) {
    return left.merge(right);
  }
}
