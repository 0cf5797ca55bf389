package org.mtastscensus.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mtastscensus.schema.Column;
import org.mtastscensus.schema.ResultColumns;

/**
 * Trino is not installed here, so src/main/sql/trino/views.sql is never executed; this keeps at least its table
 * declaration from drifting away from the schema: the columns of scan_rows are the result columns, in order, with
 * the Trino type of each, then the two partition columns.
 */
class TrinoViewsFileTest {
  static final Pattern SCAN_ROWS = Pattern.compile(
      "CREATE TABLE IF NOT EXISTS hive\\.mtasts\\.scan_rows \\((.*?)\\n\\)", Pattern.DOTALL);

  static String trinoType(Column column) {
    return switch (column.type()) {
      case STRING -> "varchar";
      case INT -> "integer";
      case LONG -> "bigint";
      case BOOLEAN -> "boolean";
      case TIMESTAMP -> "timestamp";
      case STRING_LIST -> "array(varchar)";
    };
  }

  @Test
  void scanRowsDeclaresEveryResultColumnWithItsType() throws IOException {
    String sql = Files.readString(DuckDbViewsTest.PROJECT.resolve("src/main/sql/trino/views.sql"));
    Matcher m = SCAN_ROWS.matcher(sql);
    assertThat(m.find()).as("CREATE TABLE ... scan_rows").isTrue();
    List<String> declared = new ArrayList<>();
    for (String line : m.group(1).strip().split(",\\s*\\n")) {
      declared.add(line.strip().replaceAll("\\s+", " "));
    }
    List<String> expected = new ArrayList<>();
    ResultColumns.all().forEach(c -> expected.add(c.name() + " " + trinoType(c)));
    expected.add("scan_date varchar");
    expected.add("scan_id varchar");
    assertThat(declared).containsExactlyElementsOf(expected);
  }
}
