package org.mtastscensus.stats.spark;

import org.apache.spark.sql.Row;
import org.mtastscensus.stats.ScanRow;

/**
 * A Spark row seen as a {@link ScanRow}; with a prefix, the columns {@code <prefix><name>} of a joined row (the
 * join key {@code domain} is shared by both sides and has no prefix).
 */
final class SparkScanRow implements ScanRow {
  private final Row row;
  private final String prefix;

  SparkScanRow(Row row, String prefix) {
    this.row = row;
    this.prefix = prefix;
  }

  @Override
  public Object get(String column) {
    int index;
    try {
      index = row.fieldIndex(column.equals("domain") ? column : prefix + column);
    } catch (IllegalArgumentException e) {
      return null; // not projected: the caller did not need it
    }
    if (row.isNullAt(index)) {
      return null;
    }
    Object value = row.get(index);
    return value instanceof scala.collection.Seq<?> ? row.getList(index) : value;
  }
}
