package org.mtastscensus.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the test JVM (surefire reuses a single fork): local[2], no UI, loopback only, scratch
 * space under target/. Starting a session costs seconds and memory on a shared machine, so every Spark test
 * shares it; it stops when the JVM exits.
 */
final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  static synchronized SparkSession get() {
    if (session == null) {
      Path scratch = Path.of(System.getProperty("mtasts.projectDir", "."), "target", "spark-local");
      session = SparkSession.builder()
          .master("local[2]")
          .appName("mtasts-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.local.dir", scratch.toString())
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.executor.heartbeatInterval", "2s")
          .getOrCreate();
      SparkSession started = session;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "spark-test-session-stop"));
    }
    return session;
  }
}
