package org.mtastscensus.stats.spark;

import org.apache.spark.api.java.function.Function2;
import org.mtastscensus.stats.ScanTally;

/** Adds two partial tallies (fold and reduce may reuse the left one). */
final class MergeTallies implements Function2<ScanTally, ScanTally, ScanTally> {
  private static final long serialVersionUID = 1L;

  @Override
  public ScanTally call(ScanTally left, ScanTally right) {
    return left.merge(right);
  }
}
