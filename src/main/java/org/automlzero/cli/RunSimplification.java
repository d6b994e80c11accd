package org.automlzero.cli;

import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.SearchResult;
import org.automlzero.core.simplify.Simplifier;
import org.automlzero.core.simplify.VerifiedPass;

/**
 * The simplified algorithm a run prints and writes (algorithm.txt): the exact rules
 * ({@link Simplifier}), then the {@link VerifiedPass} scored on the run's own final tasks with the
 * run's final-evaluation seeds, so its "fitness before" is the run's final fitness. Each tried
 * removal costs one final evaluation (in-process, on the driver), at most {@code 1 + 3 n} for an
 * exactly simplified algorithm of n instructions (docs/simplifier.md).
 */
final class RunSimplification {
  private RunSimplification() {}

  static VerifiedPass.Result of(ExperimentConfig config, SearchResult result) {
    Algorithm exact = Simplifier.simplify(result.best());
    try (TaskListFitness scorer = new TaskListFitness(config, config.run().finalTasks(), "final",
        result.experiments())) {
      return VerifiedPass.apply(exact, scorer::mean, 1 + 3 * exact.size());
    }
  }
}
