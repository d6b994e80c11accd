package org.automlzero.core.search.spec;

import org.automlzero.core.algorithm.InitAlgorithm;

/**
 * The train budget: a candidate trains on all its examples of a task only if it costs at most
 * {@code factor} times the {@code baseline} algorithm (by op cost constants); else on none.
 */
public record TrainBudgetSpec(boolean enabled, InitAlgorithm baseline, double factor) {
  public static final TrainBudgetSpec NONE = new TrainBudgetSpec(false, InitAlgorithm.NEURAL_NET, 2.0);

  public TrainBudgetSpec {
    if (baseline == null) {
      throw new IllegalArgumentException("train budget baseline must not be null");
    }
    if (!(factor > 0.0)) {
      throw new IllegalArgumentException("train budget factor must be > 0, but was " + factor);
    }
  }
}
