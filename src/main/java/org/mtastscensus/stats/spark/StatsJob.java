package org.mtastscensus.stats.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mtastscensus.schema.ResultColumns;
import org.mtastscensus.spark.SparkSchemas;
import org.mtastscensus.stats.ChangeTables;
import org.mtastscensus.stats.ChangeTally;
import org.mtastscensus.stats.DomainState;
import org.mtastscensus.stats.PublicSuffixList;
import org.mtastscensus.stats.RowFacts;
import org.mtastscensus.stats.ScanInfo;
import org.mtastscensus.stats.ScanTables;
import org.mtastscensus.stats.ScanTally;
import org.mtastscensus.stats.StatsColumn;
import org.mtastscensus.stats.StatsData;
import org.mtastscensus.stats.StatsException;
import org.mtastscensus.stats.StatsOutput;
import org.mtastscensus.stats.StatsTable;
import org.mtastscensus.stats.SummaryJson;

/**
 * The stats run on Spark. Each scan is projected onto the columns {@link RowFacts} reads, counted per partition
 * and the partial tallies are folded on the driver: nothing proportional to the rows leaves the executors. The
 * {@code --previous} comparison is a full outer join on {@code domain} of both scans projected onto the few
 * columns {@link DomainState} needs (policy_text replaced by its SHA-256), so the shuffle stays narrow at
 * 160 M rows; only the per-domain changes (adopters that changed) come back to the driver.
 */
public final class StatsJob {
  /**
   * @param pslSource how the PSL path is shown in summary.json
   * @param previous null without --previous
   */
  public record Options(List<Path> scans, Path previous, Path out, Path psl, String pslSource, int top) {}

  public record Result(Path out, Map<String, Object> summary, StatsData data) {}

  private final SparkSession spark;
  private final Options options;
  private final Consumer<String> log;

  public StatsJob(SparkSession spark, Options options, Consumer<String> log) {
    this.spark = spark;
    this.options = options;
    this.log = log;
  }

  public Result run() throws StatsException, IOException {
    List<ScanInfo> scans = new ArrayList<>();
    for (Path dir : options.scans()) {
      scans.add(ScanInfo.read(dir));
    }
    ScanInfo previous = options.previous() == null ? null : ScanInfo.read(options.previous());
    StatsOutput.checkReplaceable(options.out());
    PublicSuffixList psl;
    try {
      psl = PublicSuffixList.load(options.psl());
    } catch (IOException | IllegalArgumentException e) {
      throw new StatsException("cannot read the Public Suffix List " + options.psl() + ": " + e.getMessage());
    }
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    Broadcast<PublicSuffixList> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(psl);

    try {
      return run(scans, previous, psl, broadcast);
    } finally {
      broadcast.destroy();
    }
  }

  private Result run(List<ScanInfo> scans, ScanInfo previous, PublicSuffixList psl,
      Broadcast<PublicSuffixList> broadcast) throws StatsException, IOException {
    StatsData data = new StatsData();
    List<SummaryJson.Scanned> scanned = new ArrayList<>();
    for (ScanInfo scan : scans) {
      spark.sparkContext().setJobDescription("mtasts stats " + scan.scanId());
      Dataset<Row> rows = read(scan).select(RowFacts.COLUMNS.stream().map(c -> functions.col(c.name()))
          .toArray(Column[]::new));
      ScanTally tally = rows.toJavaRDD().mapPartitions(new TallyPartition(broadcast))
          .fold(new ScanTally(), new MergeTallies());
      long rowCount = tally.total(ScanTally.Count.SCANNED);
      if (rowCount == 0) {
        throw new StatsException("scan " + scan.dir() + " has 0 rows: no statistics written");
      }
      log.accept("scan " + scan.scanDate() + " " + scan.scanId() + " (" + scan.list() + "): " + rowCount + " rows");
      ScanTables.addTo(data, scan, tally, options.top());
      scanned.add(new SummaryJson.Scanned(scan, tally));
    }
    if (previous != null) {
      ScanInfo current = scans.get(scans.size() - 1);
      spark.sparkContext().setJobDescription("mtasts stats changes " + previous.scanId() + " -> " + current.scanId());
      Dataset<Row> joined = states(previous, ChangePartition.PREVIOUS)
          .join(states(current, ChangePartition.CURRENT), scala.jdk.javaapi.CollectionConverters.asScala(
              List.of(ResultColumns.DOMAIN.name())).toSeq(), "full_outer");
      ChangeTally changes = joined.toJavaRDD().mapPartitions(new ChangePartition())
          .fold(new ChangeTally(), new MergeChanges());
      ChangeTables.addTo(data, current, changes);
      log.accept("changes " + previous.scanId() + " -> " + current.scanId() + ": "
          + data.rows(org.mtastscensus.stats.StatsTables.CHANGE_DOMAINS).size() + " domain changes");
    }
    Map<String, Object> summary = SummaryJson.build(scanned, previous, options.pslSource(), psl.version(),
        org.mtastscensus.ProjectVersion.get(), data);
    StatsOutput.write(options.out(), data, summary, this::writeParquet);
    return new Result(options.out(), summary, data);
  }

  private Dataset<Row> read(ScanInfo scan) {
    // absolute, so that a relative SCAN_DIR means the caller's directory whatever Spark's working directory
    String dir = scan.dir().toAbsolutePath().toString();
    return scan.format().equals("json")
        ? spark.read().schema(SparkSchemas.scanResult()).json(dir)
        : spark.read().parquet(dir);
  }

  /** The columns of one side of the comparison, prefixed so that both sides fit one joined row. */
  private Dataset<Row> states(ScanInfo scan, String prefix) {
    List<Column> columns = new ArrayList<>();
    columns.add(functions.col(ResultColumns.DOMAIN.name()));
    DomainState.COLUMNS.stream().filter(c -> c != ResultColumns.DOMAIN)
        .forEach(c -> columns.add(functions.col(c.name()).as(prefix + c.name())));
    columns.add(functions.sha2(functions.col(ResultColumns.POLICY_TEXT.name()), 256)
        .as(prefix + DomainState.DIGEST_COLUMN));
    return read(scan).select(columns.toArray(Column[]::new));
  }

  private void writeParquet(StatsTable table, List<List<Object>> rows, Path dir) {
    StructType schema = schema(table);
    List<Row> sparkRows = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      sparkRows.add(RowFactory.create(row.toArray()));
    }
    Dataset<Row> frame = spark.createDataFrame(sparkRows, schema);
    // the column docs travel as field comments; re-attached because not every plan keeps field metadata
    Dataset<Row> documented = frame.select(Arrays.stream(schema.fields())
        .map(field -> functions.col(field.name()).as(field.name(), field.metadata())).toArray(Column[]::new));
    documented.coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir.toAbsolutePath().toString());
  }

  /** The Spark schema of a table, with each column's doc as its comment. */
  public static StructType schema(StatsTable table) {
    StructField[] fields = new StructField[table.columns().size()];
    for (int i = 0; i < fields.length; i++) {
      StatsColumn column = table.columns().get(i);
      Metadata metadata = new MetadataBuilder().putString("comment", column.doc()).build();
      fields[i] = DataTypes.createStructField(column.name(), type(column), true, metadata);
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType type(StatsColumn column) {
    return switch (column.type()) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }
}
