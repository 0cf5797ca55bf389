package org.mtastscensus.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Input for scripts/bench-stats: a real scan multiplied into a large one. Every row of SCAN_DIR is repeated
 * COPIES times under distinct names ({@code c<i>-<domain>}), so the outcome mix stays that of the real scan. A
 * second, "previous" scan drops 1 % of the names and gives 2 % of the rest another record id, so that the
 * --previous join has absent domains and changes to find.
 *
 * <pre>java -cp ... org.mtastscensus.bench.StatsBenchData SCAN_DIR OUT_ROOT COPIES</pre>
 * writes OUT_ROOT/scan_date=2026-01-02/scan_id=bench-current and OUT_ROOT/scan_date=2026-01-01/scan_id=bench-previous.
 */
public final class StatsBenchData {
  private StatsBenchData() {}

  public static void main(String[] args) throws Exception {
    Path scan = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int copies = Integer.parseInt(args[2]);
    SparkSession spark = SparkSession.builder().master("local[2]").appName("bench-stats-data")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    try {
      Dataset<Row> rows = spark.read().parquet(scan.toString()).drop("scan_date", "scan_id");
      Dataset<Row> many = rows.crossJoin(spark.range(copies).withColumnRenamed("id", "copy"))
          .withColumn("domain", functions.concat(functions.lit("c"), functions.col("copy"), functions.lit("-"),
              functions.col("domain")))
          .withColumn("h", functions.abs(functions.hash(functions.col("domain"))).mod(100))
          .repartition(8);
      long current = write(many.drop("copy", "h"), out.resolve("scan_date=2026-01-02/scan_id=bench-current"));
      Dataset<Row> previous = many.where("h <> 0")
          .withColumn("sts_id", functions.when(functions.col("h").lt(3).and(functions.col("sts_id").isNotNull()),
              functions.concat(functions.col("sts_id"), functions.lit("old"))).otherwise(functions.col("sts_id")))
          .drop("copy", "h");
      long before = write(previous, out.resolve("scan_date=2026-01-01/scan_id=bench-previous"));
      ObjectMapper json = new ObjectMapper();
      for (String[] run : new String[][] {{"2026-01-02", "bench-current", Long.toString(current)},
          {"2026-01-01", "bench-previous", Long.toString(before)}}) {
        ObjectNode node = (ObjectNode) json.readTree(scan.resolve("_run.json").toFile());
        node.put("scan_date", run[0]).put("scan_id", run[1]).put("rows", Long.parseLong(run[2]));
        json.writerWithDefaultPrettyPrinter().writeValue(
            out.resolve("scan_date=" + run[0]).resolve("scan_id=" + run[1]).resolve("_run.json").toFile(), node);
      }
      System.out.println("bench-stats data: " + current + " rows (current), " + before + " rows (previous)");
    } finally {
      spark.stop();
    }
  }

  private static long write(Dataset<Row> rows, Path dir) throws Exception {
    Files.createDirectories(dir.getParent());
    rows.write().mode(SaveMode.Overwrite).parquet(dir.toString());
    new File(dir.toFile(), "_SUCCESS").delete();
    return rows.sparkSession().read().parquet(dir.toString()).count();
  }
}
