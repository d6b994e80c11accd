package org.automlzero.core.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskList;

/**
 * Remembers the learning tasks of the last few task lists (a run uses three at a time: search,
 * select, final), so generating or reading them happens once per list. Thread-safe.
 */
public final class CachingTaskProvider implements TaskProvider {
  private static final int KEEP = 4;
  private final TaskProvider source;
  private final Map<TaskList, List<LearningTask>> cache = new LinkedHashMap<>(8, 0.75f, true);

  public CachingTaskProvider(TaskProvider source) {
    this.source = source;
  }

  @Override
  public synchronized List<LearningTask> tasks(TaskList list) {
    List<LearningTask> tasks = cache.get(list);
    if (tasks == null) {
      tasks = List.copyOf(source.tasks(list));
      if (tasks.size() != list.size()) {
        throw new IllegalStateException("task list '" + list.name() + "' should have " + list.size()
            + " tasks, but the provider made " + tasks.size());
      }
      cache.put(list, tasks);
      if (cache.size() > KEEP) {
        TaskList eldest = cache.keySet().iterator().next();
        cache.remove(eldest);
      }
    }
    return tasks;
  }
}
