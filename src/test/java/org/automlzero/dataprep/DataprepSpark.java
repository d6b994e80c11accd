package org.automlzero.dataprep;

import org.apache.spark.sql.SparkSession;

/**
 * The test JVM's one SparkSession (local[2], UI off, loopback), created on first use and left
 * running for the other test classes of the same Surefire fork. If another test base created a
 * session first, that one is reused.
 */
public final class DataprepSpark {
  private DataprepSpark() {}

  public static synchronized SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("automl-zero tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }
}
