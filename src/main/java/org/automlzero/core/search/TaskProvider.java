package org.automlzero.core.search;

import java.util.List;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskList;

/**
 * Turns a task list into its learning tasks (task i at index i): generated from seeds for
 * synthetic tasks, read from the Parquet store for projected binary ones. The search loop
 * needs them on the driver for FEC fingerprints; implementations should cache.
 */
@FunctionalInterface
public interface TaskProvider {
  List<LearningTask> tasks(TaskList list);
}
