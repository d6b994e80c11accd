package org.automlzero.core.search;

import java.util.Objects;
import org.automlzero.core.algorithm.Algorithm;

/**
 * One finished search experiment: its best algorithm (by search fitness), that algorithm's
 * search and T_select fitness, and the candidates the experiment evaluated.
 */
public record ExperimentResult(int experiment, Algorithm best, double searchFitness, double selectFitness,
    long individuals) {
  public ExperimentResult {
    Objects.requireNonNull(best, "best");
    if (experiment < 0) {
      throw new IllegalArgumentException("experiment must be >= 0, but was " + experiment);
    }
  }
}
