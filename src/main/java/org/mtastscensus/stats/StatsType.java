package org.mtastscensus.stats;

/** The value types of statistics columns; each maps to one Spark SQL type and one CSV rendering. */
public enum StatsType {
  STRING("string"),
  INT("int"),
  LONG("bigint"),
  DOUBLE("double"),
  BOOLEAN("boolean");

  private final String sqlName;

  StatsType(String sqlName) {
    this.sqlName = sqlName;
  }

  public String sqlName() {
    return sqlName;
  }
}
