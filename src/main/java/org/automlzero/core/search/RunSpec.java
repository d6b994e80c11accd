package org.automlzero.core.search;

/**
 * A whole run: the search spec, the three task lists (T_search, T_select, final), the run seed
 * and the experiment-repetition rules. Experiments repeat until the best select fitness
 * exceeds {@code sufficientFitness} (0 = never stop early) or {@code maxExperiments} ran
 * (0 = unbounded); with {@code randomizeTaskSeeds} the search and select tasks get fresh seeds
 * each experiment (the final tasks keep theirs).
 */
public record RunSpec(
    SearchSpec search,
    org.automlzero.core.task.TaskList searchTasks,
    org.automlzero.core.task.TaskList selectTasks,
    org.automlzero.core.task.TaskList finalTasks,
    long seed,
    int maxExperiments,
    double sufficientFitness,
    boolean randomizeTaskSeeds) {

  public RunSpec {
    if (maxExperiments < 0) {
      throw new IllegalArgumentException("max experiments must be >= 0, but was " + maxExperiments);
    }
  }
}
