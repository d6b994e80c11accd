package org.automlzero.spark;

import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.automlzero.core.search.ProgressPrinter;

/**
 * The Spark job's part of the progress lines. Compact line: how busy the executors were since
 * the last line (executor time in tasks / (wall time x task slots)) and how busy the driver was
 * (its process CPU per wall second, one core = 100%; in local mode the executor's task time, which
 * runs in the same process, is left out), and how many islands had to be replayed from the
 * driver's copies because the executor that held them was lost. Verbose line: the mean Spark overhead per generation
 * (per stage). When and what else to print is the core's {@link ProgressPrinter}'s business.
 */
final class SparkProgress {
  private SparkBatchEvaluator evaluator;
  private JavaSparkContext jsc;
  private boolean stages;
  private EvaluatorStats lastStats = EvaluatorStats.ZERO;
  private long lastNanos;
  private double lastCpu;
  private long lastLost;

  void watch(SparkBatchEvaluator sparkEvaluator, JavaSparkContext context, boolean islandStages) {
    this.evaluator = sparkEvaluator;
    this.jsc = context;
    this.stages = islandStages;
    this.lastStats = sparkEvaluator.stats();
    this.lastNanos = System.nanoTime();
    this.lastCpu = ScaleBench.processCpuSeconds();
  }

  /** "Spark overhead N ms/stage", or "" before Spark evaluates (in-process runs). */
  String detail() {
    return evaluator == null ? "" : String.format(Locale.ROOT, "Spark overhead %.0f ms/%s",
        evaluator.stats().overheadMillisPerCall(), stages ? "stage" : "generation");
  }

  /** "executors 81% busy, driver 7%" since the previous call, or "" for in-process runs. */
  String busy() {
    if (evaluator == null) {
      return "";
    }
    long now = System.nanoTime();
    double cpu = ScaleBench.processCpuSeconds();
    EvaluatorStats since = evaluator.stats().minus(lastStats);
    double wall = (now - lastNanos) / 1e9;
    double taskSeconds = since.busyNanos() / 1e9;
    double driverCpu = cpu - lastCpu - (jsc.isLocal() ? taskSeconds : 0);
    lastStats = evaluator.stats();
    lastNanos = now;
    lastCpu = cpu;
    if (wall <= 0) {
      return "";
    }
    int slots = Math.max(1, jsc.defaultParallelism());
    double slotSeconds = taskSeconds * Math.max(1, jsc.getConf().getInt("spark.task.cpus", 1)); // a task holds that many
    long lost = evaluator.lostIslands() - lastLost;
    lastLost = evaluator.lostIslands();
    return String.format(Locale.ROOT, "executors %.0f%% busy, driver %.0f%%",
        100 * Math.min(1.0, slotSeconds / (wall * slots)), 100 * Math.max(0.0, driverCpu / wall))
        + (lost > 0 ? ", " + lost + " islands replayed (their executor lost them)" : "");
  }
}
