package org.mtastscensus.docs;

import org.mtastscensus.schema.Column;
import org.mtastscensus.schema.ResultColumns;

/** Renders {@code docs/schema.md} from {@link ResultColumns}; a test fails when the committed copy differs. */
public final class SchemaDoc {
  private SchemaDoc() {}

  public static String render() {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from ResultColumns by SchemaDoc; do not edit by hand.\n")
        .append("     Regenerate with scripts/generate-docs. -->\n")
        .append("# Result schema (version ").append(ResultColumns.SCHEMA_VERSION).append(")\n\n")
        .append("One row per scanned domain. The same columns, in this order, are written as JSON Lines\n")
        .append("(`mtasts check --json`) and as Parquet by the Spark job; Parquet files also carry each column's\n")
        .append("documentation as field metadata. Enumerated columns hold the value's name, never an ordinal.\n\n")
        .append("| # | column | type | null | since | documentation | values |\n|---|---|---|---|---|---|---|\n");
    int index = 1;
    for (Column column : ResultColumns.all()) {
      out.append("| ").append(index++).append(" | `").append(column.name()).append("` | ")
          .append(column.type().sqlName()).append(" | ").append(column.nullable() ? "yes" : "no").append(" | ")
          .append(column.since()).append(" | ").append(column.doc().replace("|", "\\|")).append(" | ")
          .append(column.values().isEmpty() ? "" : "`" + String.join("`, `", column.values()) + "`")
          .append(" |\n");
    }
    return out.toString();
  }
}
