package org.automlzero.core.search;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.Instruction;

/**
 * The train budget: a candidate gets all B training examples of a task if
 * {@code cost(setup) + B (cost(predict) + cost(learn)) <= factor * (the same for the baseline)},
 * else none. With no training examples the original's executor never reaches validation, so the
 * candidate's fitness on that task is 0 (the paper's "fitness from an untrained model" reads
 * otherwise; we follow the original's code, see docs/semantics.md, "Differences from the original").
 * Costs are sums of {@code Op.cost()}.
 */
public final class TrainBudget {
  private final double baselineSetup;
  private final double baselineTrain;
  private final double factor;

  public TrainBudget(Algorithm baseline, double factor) {
    this.baselineSetup = cost(baseline.setup());
    this.baselineTrain = cost(baseline.predict()) + cost(baseline.learn());
    this.factor = factor;
  }

  /** {@code maxExamples} or 0. */
  public long trainExamples(Algorithm algorithm, long maxExamples) {
    double b = maxExamples;
    double suggested = cost(algorithm.setup()) + b * (cost(algorithm.predict()) + cost(algorithm.learn()));
    return suggested <= factor * (baselineSetup + b * baselineTrain) ? maxExamples : 0;
  }

  /** Sum of the ops' cost constants. */
  public static double cost(List<Instruction> function) {
    double c = 0.0;
    for (Instruction in : function) {
      c += in.op().cost();
    }
    return c;
  }
}
