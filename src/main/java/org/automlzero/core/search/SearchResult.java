package org.automlzero.core.search;

import org.automlzero.core.algorithm.Algorithm;

/**
 * The outcome of a run: the best algorithm (best T_select fitness over the experiments) with its
 * search, select and final fitness, and what it took.
 */
public record SearchResult(
    Algorithm best,
    double searchFitness,
    double selectFitness,
    double finalFitness,
    int experiments,
    long individuals,
    long trainSteps,
    long fecHits,
    long fecMisses,
    double elapsedSeconds) {

  /** Individuals per second over the whole run (search only counts candidates). */
  public double individualsPerSecond() {
    return elapsedSeconds > 0 ? individuals / elapsedSeconds : 0.0;
  }

  /** Fraction of FEC lookups answered from the cache (0 when there were none). */
  public double fecHitRate() {
    long lookups = fecHits + fecMisses;
    return lookups == 0 ? 0.0 : (double) fecHits / lookups;
  }
}
