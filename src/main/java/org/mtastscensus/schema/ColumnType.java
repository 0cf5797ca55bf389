package org.mtastscensus.schema;

/** The value types a result column can have; each maps to one Spark SQL type and one JSON shape. */
public enum ColumnType {
  STRING("string"),
  INT("int"),
  LONG("bigint"),
  BOOLEAN("boolean"),
  TIMESTAMP("timestamp (UTC; ISO-8601 string in JSON)"),
  STRING_LIST("array<string>");

  private final String sqlName;

  ColumnType(String sqlName) {
    this.sqlName = sqlName;
  }

  /** The type as documentation and SQL users read it. */
  public String sqlName() {
    return sqlName;
  }
}
