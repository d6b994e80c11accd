package org.automlzero.core.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskList;

/**
 * One search task list with what a loop derives from it: its size, each task's train-example
 * limit, the generated tasks (only FEC's fingerprints need them on the driver), and the
 * fingerprints of recent algorithms (a pure cache, not state).
 */
final class SearchTasks {
  private static final int REMEMBERED = 8192;

  final TaskList list;
  final int size;
  final long[] maxTrain;
  private final TaskProvider provider;
  private List<LearningTask> learning;
  /** Recent algorithms' fingerprints: hashes per task, then the fingerprint run's train steps. */
  final LinkedHashMap<Algorithm, long[]> memo = new LinkedHashMap<>(1 << 12, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Algorithm, long[]> eldest) {
      return size() > REMEMBERED;
    }
  };

  SearchTasks(TaskList list, TaskProvider provider) {
    this.list = list;
    this.provider = provider;
    this.size = list.size();
    this.maxTrain = new long[size];
    int t = 0;
    for (LearningTaskSpec s : list.specs()) {
      for (int i = 0; i < s.numTasks(); i++) {
        maxTrain[t++] = s.maxTrainExamples();
      }
    }
  }

  /** The tasks themselves, generated or read on first use. */
  List<LearningTask> learning() {
    if (learning == null) {
      learning = provider.tasks(list);
    }
    return learning;
  }
}
