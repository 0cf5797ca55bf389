package org.mtastscensus.schema;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.mtastscensus.scan.ScanResult;

/**
 * One column of the result schema: name, type, nullability, documentation, the schema version that added it,
 * the closed set of values when it holds an enum, and how to read it from a {@link ScanResult}.
 *
 * @param values the allowed values of an enum-valued column, from the enum itself; empty otherwise
 */
public record Column(
    String name,
    ColumnType type,
    boolean nullable,
    String doc,
    int since,
    List<String> values,
    Function<ScanResult, Object> reader) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    values = List.copyOf(values);
  }

  /** The value of this column for one result; lists are never null (empty instead). */
  public Object read(ScanResult result) {
    Object value = reader.apply(result);
    if (value == null && !nullable) {
      throw new IllegalStateException("column " + name + " is not nullable but read null for " + result.domain());
    }
    return value;
  }
}
