package org.mtastscensus.stats;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a table as CSV by the stats contract: UTF-8, header row, comma, RFC 4180 quoting, {@code \n} line ends,
 * empty field for null, integers plain, shares with up to 6 decimals and no exponent.
 */
public final class CsvWriter {
  private CsvWriter() {}

  public static void write(Path file, StatsTable table, List<List<Object>> rows) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(out, table, rows);
    }
  }

  public static void write(Writer out, StatsTable table, List<List<Object>> rows) throws IOException {
    StringBuilder line = new StringBuilder();
    for (StatsColumn column : table.columns()) {
      line.append(line.isEmpty() ? "" : ",").append(field(column.name()));
    }
    out.write(line.append('\n').toString());
    for (List<Object> row : rows) {
      line.setLength(0);
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          line.append(',');
        }
        line.append(field(format(row.get(i))));
      }
      out.write(line.append('\n').toString());
    }
  }

  static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double share) {
      // plain notation: 1.0E-6 would be unreadable to most CSV consumers
      return BigDecimal.valueOf(share).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  /** RFC 4180: a field holding a comma, quote or line break is quoted, with quotes doubled. */
  static String field(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
