package org.automlzero.core.search.spec;

/**
 * A whole run: the search spec, the three task lists (T_search, T_select, final), the run seed
 * and the experiment-repetition rules. Experiments repeat until the best select fitness
 * exceeds {@code sufficientFitness} (0 = never stop early) or {@code maxExperiments} ran
 * (0 = unbounded); with {@code randomizeTaskSeeds} the search and select tasks get fresh seeds
 * each experiment (the final tasks keep theirs). With a task mix, the last {@code mixIslands}
 * islands search on {@code mixTasks} instead of {@code searchTasks} (island-stage mode).
 */
public record RunSpec(
    SearchSpec search,
    org.automlzero.core.task.TaskList searchTasks,
    org.automlzero.core.task.TaskList selectTasks,
    org.automlzero.core.task.TaskList finalTasks,
    long seed,
    int maxExperiments,
    double sufficientFitness,
    boolean randomizeTaskSeeds,
    org.automlzero.core.task.TaskList mixTasks,
    int mixIslands) {

  /** A run without a task mix. */
  public RunSpec(SearchSpec search, org.automlzero.core.task.TaskList searchTasks,
      org.automlzero.core.task.TaskList selectTasks, org.automlzero.core.task.TaskList finalTasks, long seed,
      int maxExperiments, double sufficientFitness, boolean randomizeTaskSeeds) {
    this(search, searchTasks, selectTasks, finalTasks, seed, maxExperiments, sufficientFitness, randomizeTaskSeeds,
        null, 0);
  }

  public RunSpec {
    if ((mixTasks == null) != (mixIslands == 0) || mixIslands < 0 || mixIslands >= search.islands().islands()) {
      throw new IllegalArgumentException("a task mix needs its tasks and 1 to islands-1 islands, but had "
          + mixIslands + " of " + search.islands().islands() + " islands");
    }
    if (maxExperiments < 0) {
      throw new IllegalArgumentException("max experiments must be >= 0, but was " + maxExperiments);
    }
  }
}
