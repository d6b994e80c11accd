package org.automlzero.spark;

import java.util.Locale;
import org.automlzero.core.search.GenerationReport;
import org.automlzero.core.search.IslandStats;
import org.automlzero.core.search.ProgressPrinter;

/**
 * The Spark job's progress line: generation, individuals, individuals/s, FEC hit rate, best and
 * mean fitness per island, and (on Spark) the mean per-generation Spark overhead. When to print
 * is the core's {@link ProgressPrinter}'s business.
 */
final class SparkProgress implements ProgressPrinter.LineFormat {
  private SparkBatchEvaluator evaluator;

  private boolean stages;

  void watch(SparkBatchEvaluator sparkEvaluator, boolean islandStages) {
    this.evaluator = sparkEvaluator;
    this.stages = islandStages;
  }

  @Override
  public String line(GenerationReport r, double hitRate) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "experiment %d generation %d: %,d individuals, %,.0f individuals/s, FEC hit rate %.3f", r.experiment() + 1,
        r.generation(), r.individuals(), r.individualsPerSecond(), hitRate));
    if (evaluator != null) {
      sb.append(String.format(Locale.ROOT, ", Spark overhead %.0f ms/%s",
          evaluator.stats().overheadMillisPerCall(), stages ? "stage" : "generation"));
    }
    sb.append(String.format(Locale.ROOT, ", best %.6f", r.bestFitness()));
    for (IslandStats s : r.islands()) {
      sb.append(String.format(Locale.ROOT, " | island %d best %.6f mean %.6f", s.island(), s.bestFitness(),
          s.meanFitness()));
    }
    return sb.toString();
  }
}
