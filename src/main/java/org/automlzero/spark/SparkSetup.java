package org.automlzero.spark;

import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Starts (or joins) the job's SparkSession. Under spark-submit the master and settings come
 * from it; a plain {@code java} launch falls back to {@code local[*]}. The master URL is checked
 * first, so a typo fails with one line instead of a Spark stack trace.
 */
public final class SparkSetup {
  /** Default master when neither spark-submit nor the caller sets one. */
  public static final String DEFAULT_MASTER = "local[*]";

  private static final Pattern MASTER = Pattern.compile(
      "local|local\\[(\\d+|\\*)(,\\d+)?]|local-cluster\\[.+]|spark://.+|yarn|k8s://.+");

  private SparkSetup() {}

  /** Throws a message naming the value and the accepted forms when {@code master} is not a master URL. */
  public static void checkMaster(String master) {
    if (master == null || !MASTER.matcher(master.trim()).matches()) {
      throw new org.automlzero.core.io.InputException("--master '" + master + "' is not a Spark master URL: use local[*], "
          + "local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT");
    }
  }

  /** The master spark-submit set (system property spark.master), else {@code fallback}. */
  public static String master(String fallback) {
    return new SparkConf().get("spark.master", fallback == null ? DEFAULT_MASTER : fallback);
  }

  /**
   * The session for a run: app name shown in the Spark UI, console progress bars off (the job
   * prints its own progress lines). {@code master} is used only when spark-submit set none.
   */
  public static SparkSession start(String appName, String master) {
    String chosen = master(master);
    checkMaster(chosen);
    SparkSession.Builder builder = SparkSession.builder()
        .appName(appName)
        .master(chosen)
        .config("spark.ui.showConsoleProgress", "false");
    // The per-generation candidate batch is a few MB of primitive arrays: compressing it costs
    // more than it saves (measured: 280 -> 75 ms per generation for 4,000 candidates on
    // local[2]). A user's --conf spark.broadcast.compress=true still wins.
    if (!new SparkConf().contains("spark.broadcast.compress")) {
      builder.config("spark.broadcast.compress", "false");
    }
    if (!new SparkConf().contains(MAX_DIRECT_RESULT)) {
      builder.config(MAX_DIRECT_RESULT, DIRECT_RESULT_SIZE);
    }
    return builder.getOrCreate();
  }

  /**
   * Task results up to this size come back with the task's status message. Spark's default (1m)
   * sends larger ones through the executor's block manager, one more round trip per task: an
   * island stage's answer for a few hundred islands (their headers) is larger than that.
   */
  public static final String MAX_DIRECT_RESULT = "spark.task.maxDirectResultSize";
  public static final String DIRECT_RESULT_SIZE = "64m";
}
