package org.mtastscensus.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mtastscensus.scan.ScanResult;

/** Renders a result as one JSON object with the columns of {@link ResultColumns}, in order: a JSON Lines row. */
public final class JsonRows {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonRows() {}

  public static Map<String, Object> toMap(ScanResult result) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (Column column : ResultColumns.all()) {
      Object value = column.read(result);
      row.put(column.name(), value instanceof Instant instant ? instant.toString() : value);
    }
    return row;
  }

  /** One line of JSON (no line breaks inside: strings are escaped). */
  public static String toJson(ScanResult result) {
    try {
      return MAPPER.writeValueAsString(toMap(result));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps of strings, numbers and lists always serialise", e);
    }
  }
}
