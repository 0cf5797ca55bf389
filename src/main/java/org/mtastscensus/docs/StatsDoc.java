package org.mtastscensus.docs;

import java.util.Map;
import org.mtastscensus.stats.StatsColumn;
import org.mtastscensus.stats.StatsRules;
import org.mtastscensus.stats.StatsTable;
import org.mtastscensus.stats.StatsTables;

/**
 * Renders {@code docs/stats.md} from {@link StatsTables} and {@link StatsRules}, the same declarations that
 * give the CSV headers, the Parquet schema and summary.json; a test fails when the committed copy differs.
 */
public final class StatsDoc {
  private StatsDoc() {}

  public static String render() {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from StatsTables and StatsRules by StatsDoc; do not edit by hand.\n")
        .append("     Regenerate with scripts/generate-docs. -->\n")
        .append("# Statistics tables (stats version ").append(StatsRules.STATS_VERSION).append(")\n\n")
        .append("`mtasts stats SCAN_DIR [SCAN_DIR...] [--previous SCAN_DIR] [--out DIR] [--psl FILE] [--top N]`")
        .append(" writes\n`DIR/summary.json`, `DIR/csv/<table>.csv` and `DIR/parquet/<table>/` (one Parquet file")
        .append(" per table, each\ncolumn's documentation as its comment). CSV: UTF-8, header row, RFC 4180 quoting,")
        .append(" empty field = null,\nshares as fractions 0..1 with up to 6 decimals (empty when the denominator")
        .append(" is 0). Every table starts with\nthe scan columns; several SCAN_DIRs give rows for each scan.")
        .append(" The rules and denominators below are\nalso written into `summary.json`. This page is the stats contract: `mtasts report`, the notebooks and\nthe dashboard views read only what it defines.\n\n");
    out.append("## Rules\n\n| name | rule |\n|---|---|\n");
    rows(out, StatsRules.rules());
    out.append("\n## Denominators\n\n| denominator | divides |\n|---|---|\n");
    rows(out, StatsRules.denominators());
    out.append("\n## Tables\n");
    for (StatsTable table : StatsTables.all()) {
      out.append("\n### `").append(table.name()).append("`\n\n").append(table.description())
          .append(table.withPrevious() ? " Only with `--previous`." : "").append("\n\nRow order: ")
          .append(table.order()).append(".\n\n| column | type | documentation |\n|---|---|---|\n");
      for (StatsColumn column : table.columns()) {
        out.append("| `").append(column.name()).append("` | ").append(column.type().sqlName()).append(" | ")
            .append(escape(column.doc())).append(" |\n");
      }
    }
    return out.toString();
  }

  private static void rows(StringBuilder out, Map<String, String> entries) {
    entries.forEach((name, text) -> out.append("| `").append(name).append("` | ").append(escape(text))
        .append(" |\n"));
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
