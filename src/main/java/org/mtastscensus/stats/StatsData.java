package org.mtastscensus.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of every table of a stats run, in table order; rows of several scans follow each other. */
public final class StatsData {
  private final Map<StatsTable, List<List<Object>>> rows = new LinkedHashMap<>();

  public StatsData() {
    for (StatsTable table : StatsTables.all()) {
      if (!table.withPrevious()) {
        rows.put(table, new ArrayList<>());
      }
    }
  }

  /** Adds one row; the values follow the table's columns, scan columns included. */
  public void add(StatsTable table, List<Object> row) {
    if (row.size() != table.columns().size()) {
      throw new IllegalArgumentException(table.name() + ": " + row.size() + " values for "
          + table.columns().size() + " columns");
    }
    rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
  }

  /** Makes a table present even when it gets no rows (e.g. changes of two scans without a common domain). */
  public void declare(StatsTable table) {
    rows.computeIfAbsent(table, t -> new ArrayList<>());
  }

  public List<List<Object>> rows(StatsTable table) {
    return rows.getOrDefault(table, List.of());
  }

  /** The tables written, in output order. */
  public List<StatsTable> tables() {
    List<StatsTable> tables = new ArrayList<>();
    for (StatsTable table : StatsTables.all()) {
      if (rows.containsKey(table)) {
        tables.add(table);
      }
    }
    return tables;
  }
}
