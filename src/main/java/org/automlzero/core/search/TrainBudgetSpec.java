package org.automlzero.core.search;

/**
 * The train budget: a candidate trains on all its examples of a task only if it costs at most
 * {@code factor} times the {@code baseline} algorithm (by op cost constants); else on none.
 */
public record TrainBudgetSpec(boolean enabled, InitialAlgorithm baseline, double factor) {
  public static final TrainBudgetSpec NONE = new TrainBudgetSpec(false, InitialAlgorithm.NEURAL_NET, 2.0);

  public TrainBudgetSpec {
    if (baseline == null) {
      throw new IllegalArgumentException("train budget baseline must not be null");
    }
    if (!(factor > 0.0)) {
      throw new IllegalArgumentException("train budget factor must be > 0, but was " + factor);
    }
  }
}
