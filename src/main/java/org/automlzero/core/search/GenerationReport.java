package org.automlzero.core.search;

import java.util.List;

/**
 * What one generation did: counters of the experiment so far, this generation's FEC hits and
 * misses (per (candidate, task)), per-island statistics, and wall-clock figures (reported only;
 * nothing in the search depends on time). {@code islands} is empty when the listener said it
 * did not want island statistics for this generation.
 */
public record GenerationReport(
    int experiment,
    long generation,
    long individuals,
    long trainSteps,
    long fecHits,
    long fecMisses,
    double elapsedSeconds,
    double individualsPerSecond,
    List<IslandStats> islands) {

  public GenerationReport {
    islands = List.copyOf(islands);
  }

  /** Best fitness over all islands. */
  public double bestFitness() {
    double best = Double.NEGATIVE_INFINITY;
    for (IslandStats s : islands) {
      best = Math.max(best, s.bestFitness());
    }
    return best;
  }
}
