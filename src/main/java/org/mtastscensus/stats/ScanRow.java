package org.mtastscensus.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtastscensus.scan.ScanResult;
import org.mtastscensus.schema.Column;
import org.mtastscensus.schema.ResultColumns;

/**
 * Read access to one row of a scan by column name, whatever holds it: a Spark row, a JSON object or a
 * {@link ScanResult}. Keeps {@link RowFacts} free of Spark so that tests can feed it plain rows.
 */
public interface ScanRow {
  /** The value of a column; null when the column is null or absent. Lists are {@code List<String>}. */
  Object get(String column);

  default String string(Column column) {
    Object value = get(column.name());
    return value == null ? null : value.toString();
  }

  default boolean isTrue(Column column) {
    return Boolean.TRUE.equals(get(column.name()));
  }

  default Long number(Column column) {
    Object value = get(column.name());
    return value == null ? null : ((Number) value).longValue();
  }

  @SuppressWarnings("unchecked")
  default List<String> list(Column column) {
    Object value = get(column.name());
    return value == null ? List.of() : (List<String>) value;
  }

  /** A row held in a map from column name to value. */
  static ScanRow of(Map<String, ?> values) {
    return values::get;
  }

  /** The row a scan writes for this result (every column of {@link ResultColumns}). */
  static ScanRow of(ScanResult result) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Column column : ResultColumns.all()) {
      values.put(column.name(), column.read(result));
    }
    return of(values);
  }
}
