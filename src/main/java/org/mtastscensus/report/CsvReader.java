package org.mtastscensus.report;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one stats CSV (RFC 4180: comma, double-quote quoting with doubled quotes, header row). The producer
 * writes {@code \n} line ends; {@code \r\n} is accepted too because the files may pass through other tools.
 */
final class CsvReader {
  private CsvReader() {}

  /** Reads {@code file}; errors name it as {@code name} (the path relative to the stats folder). */
  static CsvTable read(Path file, String name) throws ReportException {
    String text;
    try {
      // strict decoding: a file that is not UTF-8 is malformed, not silently repaired
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (NoSuchFileException e) {
      throw new ReportException(name + ": missing (expected at " + file + ")");
    } catch (CharacterCodingException e) {
      throw new ReportException(name + ": not UTF-8");
    } catch (IOException e) {
      throw new ReportException(name + ": cannot be read: " + e.getMessage(), e);
    }
    return parse(text, name);
  }

  static CsvTable parse(String text, String name) throws ReportException {
    List<List<String>> records = records(text, name);
    if (records.isEmpty()) {
      throw new ReportException(name + ": empty file, a header row is required");
    }
    List<String> header = records.get(0);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> record = records.get(i);
      if (record.size() != header.size()) {
        throw new ReportException(name + ": record " + (i + 1) + " has " + record.size() + " fields, the header has "
            + header.size());
      }
      rows.add(record);
    }
    return new CsvTable(name, header, rows);
  }

  private static List<List<String>> records(String text, String name) throws ReportException {
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int i = start;
    int n = text.length();
    boolean recordOpen = false;
    while (i < n) {
      char c = text.charAt(i);
      recordOpen = true;
      if (c == '"' && field.isEmpty()) {
        int quoteLine = line;
        i++;
        while (true) {
          if (i >= n) {
            throw new ReportException(name + ": line " + quoteLine + ": quoted field is never closed");
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n') {
            line++;
          }
          field.append(q);
          i++;
        }
        if (i < n && !isDelimiter(text, i)) {
          throw new ReportException(name + ": line " + line + ": unexpected character after a closing quote");
        }
        continue;
      }
      if (c == '"') {
        throw new ReportException(name + ": line " + line + ": quote inside an unquoted field");
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        i++;
        continue;
      }
      if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
        i++;
        continue;
      }
      if (c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
        recordOpen = false;
        line++;
        i++;
        continue;
      }
      field.append(c);
      i++;
    }
    if (recordOpen) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }

  private static boolean isDelimiter(String text, int i) {
    char c = text.charAt(i);
    return c == ',' || c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
  }
}
