package org.mtastscensus.stats;

import java.util.List;

/**
 * One statistics table: its name (file and directory name), what it counts, its row order and its columns,
 * starting with the three scan columns.
 *
 * @param withPrevious only written when {@code --previous} is given
 */
public record StatsTable(String name, String description, String order, List<StatsColumn> columns,
    boolean withPrevious) {
  public StatsTable {
    columns = List.copyOf(columns);
  }

  public int index(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name + " has no column " + column);
  }
}
