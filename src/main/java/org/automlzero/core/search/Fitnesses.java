package org.automlzero.core.search;

import java.util.Arrays;
import org.automlzero.core.interpreter.FitnessCombination;

/** Combines per-task fitnesses (given in task order) into one. */
public final class Fitnesses {
  private Fitnesses() {}

  /** MEAN, or MEDIAN (the upper median for an even count), of {@code values[from, from + count)}. */
  public static double combine(double[] values, int from, int count, FitnessCombination mode) {
    if (count <= 0) {
      throw new IllegalArgumentException("cannot combine " + count + " fitnesses");
    }
    return switch (mode) {
      case MEAN -> {
        double sum = 0.0;
        for (int i = from; i < from + count; i++) {
          sum += values[i];
        }
        yield sum / count;
      }
      case MEDIAN -> {
        double[] copy = Arrays.copyOfRange(values, from, from + count);
        Arrays.sort(copy);
        yield copy[count / 2];
      }
    };
  }

  /** Combines all values. */
  public static double combine(double[] values, FitnessCombination mode) {
    return combine(values, 0, values.length, mode);
  }

  /** The p-th percentile (nearest rank, p in [0, 100]) of the values. */
  public static double percentile(double[] values, double p) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    int rank = (int) Math.ceil(p / 100.0 * copy.length) - 1;
    return copy[Math.max(0, Math.min(copy.length - 1, rank))];
  }
}
