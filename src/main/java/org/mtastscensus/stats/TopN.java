package org.mtastscensus.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The largest groups of a provider table, with the tail summed into one {@code (other)} row. */
final class TopN {
  /** @param rank 1-based; null for (other) */
  record Group(Integer rank, String name, long[] counts) {}

  private TopN() {}

  /** Groups ordered by their first count desc, then name asc; at most {@code n} plus (other). */
  static List<Group> of(Map<String, long[]> groups, int n) {
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(groups.entrySet());
    entries.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
        .thenComparing(Map.Entry::getKey));
    List<Group> result = new ArrayList<>();
    long[] other = null;
    for (int i = 0; i < entries.size(); i++) {
      long[] counts = entries.get(i).getValue();
      if (i < n) {
        result.add(new Group(i + 1, entries.get(i).getKey(), counts.clone()));
      } else {
        if (other == null) {
          other = new long[counts.length];
        }
        for (int j = 0; j < counts.length; j++) {
          other[j] += counts[j];
        }
      }
    }
    if (other != null) {
      result.add(new Group(null, ScanTables.OTHER, other));
    }
    return result;
  }

  static List<Group> ofCounts(Map<String, Long> counts, int n) {
    Map<String, long[]> groups = new java.util.HashMap<>();
    counts.forEach((k, v) -> groups.put(k, new long[] {v}));
    return of(groups, n);
  }
}
