package org.automlzero.spark;

import java.util.Locale;
import org.automlzero.core.search.ProgressPrinter;

/**
 * The Spark job's part of the verbose progress line: the mean per-generation (per-stage) Spark
 * overhead. When and what else to print is the core's {@link ProgressPrinter}'s business.
 */
final class SparkProgress {
  private SparkBatchEvaluator evaluator;

  private boolean stages;

  void watch(SparkBatchEvaluator sparkEvaluator, boolean islandStages) {
    this.evaluator = sparkEvaluator;
    this.stages = islandStages;
  }

  /** "Spark overhead N ms/stage", or "" before Spark evaluates (in-process runs). */
  String detail() {
    return evaluator == null ? "" : String.format(Locale.ROOT, "Spark overhead %.0f ms/%s",
        evaluator.stats().overheadMillisPerCall(), stages ? "stage" : "generation");
  }
}
