package org.automlzero.core.search;

import java.util.Arrays;
import org.automlzero.core.interpreter.Fitness;
import org.automlzero.core.interpreter.FitnessCombination;

/** Per-candidate fitness helpers over the loop's flat (candidate x task) arrays. */
public final class Fitnesses {
  private Fitnesses() {}

  /** {@link Fitness#combine} of {@code values[from, from + count)} (task order). */
  public static double combine(double[] values, int from, int count, FitnessCombination mode) {
    return Fitness.combine(Arrays.copyOfRange(values, from, from + count), mode);
  }

  /** The p-th percentile (nearest rank, p in [0, 100]) of the values. */
  public static double percentile(double[] values, double p) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    int rank = (int) Math.ceil(p / 100.0 * copy.length) - 1;
    return copy[Math.max(0, Math.min(copy.length - 1, rank))];
  }
}
