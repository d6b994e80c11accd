package org.automlzero.store;

import java.util.List;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.spec.RunSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;

/**
 * Whether and how an experiment config reads the Parquet task store. Here rather than in the
 * Spark layer because the in-process commands ask the same questions and must not need Spark.
 */
public final class TaskData {
  private TaskData() {}

  /** True when any task list of the config (search, select, final, mix) reads the Parquet store. */
  public static boolean needed(ExperimentConfig config) {
    return taskLists(config).stream().anyMatch(TaskList::hasProjectedBinary);
  }

  /**
   * Checks what can be checked before any long work: projected binary task lists against the
   * data set's manifest and files. Throws an InputException naming the file.
   */
  public static void check(ExperimentConfig config) {
    if (!needed(config)) {
      return;
    }
    ParquetTaskStore store = ParquetTaskStore.open(config.dataPath());
    for (TaskList list : taskLists(config)) {
      if (list.hasProjectedBinary()) {
        store.check(list);
      }
    }
  }

  /** A task generator that reads the config's data set when it needs one, else synthetic tasks only. */
  public static TaskGenerator generator(ExperimentConfig config) {
    return needed(config) ? new TaskGenerator(ParquetTaskStore.open(config.dataPath())) : new TaskGenerator();
  }

  /** The search, select and final task lists, in that order, then the task mix's if any. */
  private static List<TaskList> taskLists(ExperimentConfig config) {
    RunSpec run = config.run();
    return run.mixTasks() == null ? List.of(run.searchTasks(), run.selectTasks(), run.finalTasks())
        : List.of(run.searchTasks(), run.selectTasks(), run.finalTasks(), run.mixTasks());
  }
}
