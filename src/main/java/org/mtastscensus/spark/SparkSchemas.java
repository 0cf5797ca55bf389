package org.mtastscensus.spark;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mtastscensus.scan.ScanResult;
import scala.jdk.javaapi.CollectionConverters;
import org.mtastscensus.schema.Column;
import org.mtastscensus.schema.ColumnType;
import org.mtastscensus.schema.ResultColumns;

/**
 * The Spark view of {@link ResultColumns}: the row type and the conversion of a result into a row, both derived
 * from the column list so that Parquet can never drift from JSON Lines or the docs. Each column's doc travels as
 * the field comment (Spark stores it in the Parquet footer), with its schema version and allowed values as
 * further metadata.
 */
public final class SparkSchemas {
  private static final StructType SCAN_RESULT = build();

  private SparkSchemas() {}

  public static StructType scanResult() {
    return SCAN_RESULT;
  }

  private static StructType build() {
    StructField[] fields = ResultColumns.all().stream().map(SparkSchemas::field).toArray(StructField[]::new);
    return DataTypes.createStructType(fields);
  }

  private static StructField field(Column column) {
    MetadataBuilder metadata = new MetadataBuilder()
        .putString("comment", column.doc())
        .putLong("since", column.since());
    if (!column.values().isEmpty()) {
      metadata.putStringArray("values", column.values().toArray(String[]::new));
    }
    Metadata built = metadata.build();
    return DataTypes.createStructField(column.name(), sparkType(column.type()), column.nullable(), built);
  }

  static DataType sparkType(ColumnType type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case BOOLEAN -> DataTypes.BooleanType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case STRING_LIST -> DataTypes.createArrayType(DataTypes.StringType, false);
    };
  }

  /** One row in the column order of {@link #scanResult()}. */
  public static Row toRow(ScanResult result) {
    List<Column> columns = ResultColumns.all();
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = columns.get(i).read(result);
      // Spark's row encoder takes Scala sequences for arrays, not java.util.List
      if (value instanceof Instant instant) {
        values[i] = Timestamp.from(instant);
      } else if (value instanceof List<?> list) {
        values[i] = CollectionConverters.asScala(list).toSeq();
      } else {
        values[i] = value;
      }
    }
    return RowFactory.create(values);
  }
}
