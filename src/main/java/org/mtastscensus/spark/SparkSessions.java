package org.mtastscensus.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the session of a command-line run. Under spark-submit the master and settings come from the submitter;
 * otherwise the job runs in-process on {@code local[*]}, bound to loopback and without the web UI (the machine
 * may be shared, and a fixed UI port would collide).
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** @param master a Spark master URL, or null for spark-submit's (or {@code local[*]} outside spark-submit) */
  public static SparkSession create(String master, String appName) {
    SparkConf conf = new SparkConf();
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    boolean local = conf.get("spark.master").startsWith("local");
    conf.setIfMissing("spark.app.name", appName);
    if (local) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.sql.shuffle.partitions", "4");
    }
    // heartbeats carry the running tasks' counters: every 3 s keeps the progress line fresh
    conf.setIfMissing("spark.executor.heartbeatInterval", "3s");
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
