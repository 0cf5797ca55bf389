package org.mtastscensus.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: runs the Spark-free part of stats over row maps and looks rows up by their key columns. */
final class StatsFixture {
  static final ScanInfo SCAN = new ScanInfo(Path.of("scan"), "2026-11-28", "s1", "test.txt", "plain",
      List.of("127.0.0.1:53"), "2026-11-28T00:00:00Z", "parquet");
  static final PublicSuffixList PSL = load();

  private StatsFixture() {}

  private static PublicSuffixList load() {
    try {
      return PublicSuffixList.load(Path.of(System.getProperty("mtasts.projectDir", "."),
          "data/reference/public_suffix_list.dat"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ScanTally tally(List<Map<String, Object>> rows) {
    ScanTally tally = new ScanTally();
    for (Map<String, Object> row : rows) {
      tally.add(RowFacts.of(ScanRow.of(row), PSL));
    }
    return tally;
  }

  /** The tables of results from the real rules engine, read through the scanner's own columns. */
  static StatsData dataOf(List<org.mtastscensus.scan.ScanResult> results, int top) {
    ScanTally tally = new ScanTally();
    for (org.mtastscensus.scan.ScanResult result : results) {
      tally.add(RowFacts.of(ScanRow.of(result), PSL));
    }
    StatsData data = new StatsData();
    ScanTables.addTo(data, SCAN, tally, top);
    return data;
  }

  static StatsData data(List<Map<String, Object>> rows, int top) {
    StatsData data = new StatsData();
    ScanTables.addTo(data, SCAN, tally(rows), top);
    return data;
  }

  static List<Map<String, Object>> rows(TestRow... rows) {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (TestRow row : rows) {
      maps.add(row.map());
    }
    return maps;
  }

  /** The table's rows as column-name maps, scan columns dropped. */
  static List<Map<String, Object>> table(StatsData data, StatsTable table) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (List<Object> row : data.rows(table)) {
      Map<String, Object> named = new LinkedHashMap<>();
      for (int i = StatsTables.SCAN_COLUMNS.size(); i < row.size(); i++) {
        named.put(table.columns().get(i).name(), row.get(i));
      }
      result.add(named);
    }
    return result;
  }

  /** The one row whose first non-scan columns equal {@code key}. */
  static Map<String, Object> row(StatsData data, StatsTable table, Object... key) {
    List<Map<String, Object>> matches = new ArrayList<>();
    for (Map<String, Object> row : table(data, table)) {
      List<Object> values = new ArrayList<>(row.values());
      if (values.subList(0, key.length).equals(List.of(key))) {
        matches.add(row);
      }
    }
    if (matches.size() != 1) {
      throw new AssertionError(table.name() + ": " + matches.size() + " rows for " + List.of(key) + " in "
          + table(data, table));
    }
    return matches.get(0);
  }
}
