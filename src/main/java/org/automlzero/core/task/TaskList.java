package org.automlzero.core.task;

import java.util.List;

/**
 * A named list of tasks described by specs with resolved seeds (the original's TaskCollection).
 * It is small and serializable-free by design: evaluators (in-process or on executors) turn it
 * into {@link LearningTask}s; task i of the list has index i, counted across the specs in order.
 */
public record TaskList(String name, List<LearningTaskSpec> specs) {
  public TaskList {
    specs = List.copyOf(specs);
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("task list '" + name + "' has no task specs");
    }
  }

  /** Total number of tasks over all specs. */
  public int size() {
    int n = 0;
    for (LearningTaskSpec spec : specs) {
      n += spec.numTasks();
    }
    return n;
  }

  /** True when some tasks are projected binary classification, read from a prepared data set. */
  public boolean hasProjectedBinary() {
    for (LearningTaskSpec spec : specs) {
      if (spec.type() == TaskType.PROJECTED_BINARY_CLASSIFICATION) {
        return true;
      }
    }
    return false;
  }
}
