package org.mtastscensus.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One stats table as read from its CSV. Values are looked up by column name, so the column order of the producer
 * does not matter; a missing column or an unparsable number is an error naming the file.
 */
final class CsvTable {
  private final String name;
  private final List<String> header;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<Row> rows = new ArrayList<>();

  CsvTable(String name, List<String> header, List<List<String>> records) {
    this.name = name;
    this.header = List.copyOf(header);
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i), i);
    }
    for (int i = 0; i < records.size(); i++) {
      rows.add(new Row(this, i + 2, records.get(i)));
    }
  }

  String name() {
    return name;
  }

  List<String> header() {
    return header;
  }

  List<Row> rows() {
    return rows;
  }

  /** Fails unless every column is present, so a producer/consumer mismatch is reported once, up front. */
  CsvTable require(String... columns) throws ReportException {
    for (String column : columns) {
      if (!index.containsKey(column)) {
        throw new ReportException(name + ": required column " + column + " is missing (header: "
            + String.join(",", header) + ")");
      }
    }
    return this;
  }

  /** The rows of one scan: tables hold a row set per scan when several scans were summarised together. */
  CsvTable forScan(ScanRef scan) throws ReportException {
    require("scan_date", "scan_id", "list");
    List<List<String>> kept = new ArrayList<>();
    for (Row row : rows) {
      if (scan.matches(row.text("scan_date"), row.text("scan_id"), row.text("list"))) {
        kept.add(row.values);
      }
    }
    return new CsvTable(name, header, kept);
  }

  /** One CSV record; {@code line} is the record number (header = 1), used in error messages. */
  static final class Row {
    private final CsvTable table;
    private final int line;
    private final List<String> values;

    private Row(CsvTable table, int line, List<String> values) {
      this.table = table;
      this.line = line;
      this.values = values;
    }

    /** The field, or null when empty (the contract's null). */
    String text(String column) {
      String value = values.get(column(column));
      return value.isEmpty() ? null : value;
    }

    long count(String column) throws ReportException {
      String value = text(column);
      if (value == null) {
        return 0;
      }
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw bad(column, value, "an integer");
      }
    }

    /** A share (fraction 0..1), or null when the producer left it empty (denominator 0). */
    Double share(String column) throws ReportException {
      String value = text(column);
      if (value == null) {
        return null;
      }
      try {
        double share = Double.parseDouble(value);
        if (!(share >= 0 && share <= 1)) {
          throw bad(column, value, "a fraction between 0 and 1");
        }
        return share;
      } catch (NumberFormatException e) {
        throw bad(column, value, "a fraction between 0 and 1");
      }
    }

    boolean flag(String column) throws ReportException {
      String value = text(column);
      if ("true".equalsIgnoreCase(value)) {
        return true;
      }
      if (value == null || "false".equalsIgnoreCase(value)) {
        return false;
      }
      throw bad(column, value, "true or false");
    }

    private int column(String column) {
      Integer i = table.index.get(column);
      if (i == null) {
        throw new IllegalStateException(table.name + ": column " + column + " was not required before use");
      }
      return i;
    }

    private ReportException bad(String column, String value, String expected) {
      return new ReportException(table.name + ": record " + line + ", column " + column + ": \"" + value
          + "\" is not " + expected);
    }
  }
}
