package org.mtastscensus.stats.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.mtastscensus.schema.ResultColumns;
import org.mtastscensus.stats.ChangeTally;
import org.mtastscensus.stats.DomainState;
import org.mtastscensus.stats.ScanRow;

/** Compares one partition of the previous/current full outer join into one {@link ChangeTally}. */
final class ChangePartition implements FlatMapFunction<Iterator<Row>, ChangeTally> {
  private static final long serialVersionUID = 1L;
  static final String PREVIOUS = "p_";
  static final String CURRENT = "c_";

  @Override
  public Iterator<ChangeTally> call(Iterator<Row> rows) {
    ChangeTally tally = new ChangeTally();
    while (rows.hasNext()) {
      Row row = rows.next();
      tally.add(side(row, PREVIOUS), side(row, CURRENT));
    }
    return List.of(tally).iterator();
  }

  /** The domain's state on one side of the join; null when the domain is absent from that scan. */
  private static DomainState side(Row row, String prefix) {
    ScanRow view = new SparkScanRow(row, prefix);
    return view.get(ResultColumns.OUTCOME.name()) == null ? null : DomainState.of(view);
  }
}
