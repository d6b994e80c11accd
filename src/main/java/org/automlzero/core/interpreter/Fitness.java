package org.automlzero.core.interpreter;

import java.util.Arrays;

/** Combines per-task fitnesses (given in task order) into one fitness in [0, 1]. */
public final class Fitness {
  private Fitness() {}

  /**
   * MEAN sums in the given order (so the result depends only on task order, never on arrival
   * order); MEDIAN is the upper median for an even count, as in the original.
   */
  public static double combine(double[] fitnesses, FitnessCombination mode) {
    if (fitnesses.length == 0) {
      throw new IllegalArgumentException("cannot combine fitness over 0 tasks: at least one task is needed");
    }
    return switch (mode) {
      case MEAN -> {
        double sum = 0.0;
        for (double fitness : fitnesses) {
          sum += fitness;
        }
        yield sum / fitnesses.length;
      }
      case MEDIAN -> {
        double[] sorted = fitnesses.clone();
        Arrays.sort(sorted);
        yield sorted[sorted.length / 2];
      }
    };
  }
}
