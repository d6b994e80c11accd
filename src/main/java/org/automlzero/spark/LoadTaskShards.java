package org.automlzero.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.ProjectedBinarySource;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.store.ParquetTaskStore;

/**
 * Executor side, once per task list: turns (task, shard) numbers into {@link TaskShard}s.
 * Synthetic tasks are generated here from their seeds; projected binary tasks are read from the
 * Parquet task store. The result is persisted, so this runs again only if an executor is lost.
 */
final class LoadTaskShards implements FlatMapFunction<Iterator<Integer>, TaskShard> {
  private static final long serialVersionUID = 1L;

  private final byte[] encodedTaskList;
  private final int shards;
  /** Root of the Parquet task store, or null when the list has no projected binary tasks. */
  private final String storeRoot;

  LoadTaskShards(TaskList list, int shards, String storeRoot) {
    this.encodedTaskList = TaskListCodec.encode(list);
    this.shards = shards;
    this.storeRoot = storeRoot;
  }

  @Override
  public Iterator<TaskShard> call(Iterator<Integer> elements) {
    TaskList list = TaskListCodec.decode(encodedTaskList);
    ProjectedBinarySource source = storeRoot == null ? null : ParquetTaskStore.open(storeRoot);
    TaskGenerator generator = new TaskGenerator(source);
    Map<Integer, LearningTask> loaded = new HashMap<>();
    List<TaskShard> out = new ArrayList<>();
    while (elements.hasNext()) {
      int element = elements.next();
      int task = element / shards;
      LearningTask learningTask = loaded.computeIfAbsent(task, t -> generate(generator, list, t));
      out.add(new TaskShard(task, element % shards, learningTask));
    }
    return out.iterator();
  }

  private static LearningTask generate(TaskGenerator generator, TaskList list, int index) {
    int first = 0;
    for (LearningTaskSpec spec : list.specs()) {
      if (index < first + spec.numTasks()) {
        return generator.generate(list.name(), spec, index - first, index);
      }
      first += spec.numTasks();
    }
    throw new IllegalArgumentException("task " + index + " is beyond task list '" + list.name() + "' of "
        + list.size() + " tasks");
  }
}
