package org.automlzero.spark;

import java.io.PrintStream;
import java.util.Locale;
import org.automlzero.core.search.GenerationListener;
import org.automlzero.core.search.GenerationReport;
import org.automlzero.core.search.IslandStats;

/**
 * The per-generation progress line of a run: generation, individuals, individuals/s, FEC hit
 * rate, best and mean fitness per island, and (on Spark) the mean per-generation Spark overhead.
 * Printed whenever another {@code every} individuals have been evaluated (0 = never).
 */
final class SparkProgress implements GenerationListener {
  private final long every;
  private final PrintStream out;
  private SparkBatchEvaluator evaluator;
  private long nextAt;
  private int experiment = -1;
  private long hits;
  private long lookups;

  SparkProgress(long every, PrintStream out) {
    this.every = every;
    this.out = out;
  }

  void watch(SparkBatchEvaluator sparkEvaluator) {
    this.evaluator = sparkEvaluator;
  }

  @Override
  public void onGeneration(GenerationReport r) {
    if (r.experiment() != experiment) {
      experiment = r.experiment();
      nextAt = 0;
      hits = 0;
      lookups = 0;
    }
    hits += r.fecHits();
    lookups += r.fecHits() + r.fecMisses();
    if (every <= 0 || r.individuals() < nextAt) {
      return;
    }
    nextAt = (r.individuals() / every + 1) * every;
    out.println(line(r, lookups == 0 ? 0.0 : (double) hits / lookups));
  }

  String line(GenerationReport r, double hitRate) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "experiment %d generation %d: %,d individuals, %,.0f individuals/s, FEC hit rate %.3f", r.experiment() + 1,
        r.generation(), r.individuals(), r.individualsPerSecond(), hitRate));
    if (evaluator != null) {
      sb.append(String.format(Locale.ROOT, ", Spark overhead %.0f ms/generation",
          evaluator.stats().overheadMillisPerCall()));
    }
    sb.append(String.format(Locale.ROOT, ", best %.6f", r.bestFitness()));
    for (IslandStats s : r.islands()) {
      sb.append(String.format(Locale.ROOT, " | island %d best %.6f mean %.6f", s.island(), s.bestFitness(),
          s.meanFitness()));
    }
    return sb.toString();
  }
}
