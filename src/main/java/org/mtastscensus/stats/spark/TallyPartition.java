package org.mtastscensus.stats.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.mtastscensus.stats.PublicSuffixList;
import org.mtastscensus.stats.RowFacts;
import org.mtastscensus.stats.ScanTally;

/** Counts one partition of a scan into one {@link ScanTally}; the PSL arrives once per executor by broadcast. */
final class TallyPartition implements FlatMapFunction<Iterator<Row>, ScanTally> {
  private static final long serialVersionUID = 1L;
  private final Broadcast<PublicSuffixList> psl;

  TallyPartition(Broadcast<PublicSuffixList> psl) {
    this.psl = psl;
  }

  @Override
  public Iterator<ScanTally> call(Iterator<Row> rows) {
    PublicSuffixList list = psl.value();
    ScanTally tally = new ScanTally();
    while (rows.hasNext()) {
      tally.add(RowFacts.of(new SparkScanRow(rows.next(), ""), list));
    }
    return List.of(tally).iterator();
  }
}
