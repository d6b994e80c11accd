package org.automlzero.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.search.IslandStage;
import org.automlzero.core.search.SearchSpec;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * Executor side of the island-stage mode, once per stage and partition: runs the core's
 * {@link IslandStage} for each island request of the partition and returns the encoded results
 * in request order. The search tasks and the parsed config are kept per executor JVM (the
 * latest few), so data is read or generated once per executor, not once per stage.
 */
final class EvolveIslands extends AbstractFunction2<TaskContext, Iterator<byte[]>, byte[][]>
    implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int KEPT = 3;

  private static final Map<String, SearchSpec> SPECS = lru();
  private static final Map<String, List<LearningTask>> TASKS = lru();

  private final String configText;
  private final byte[] encodedTasks;
  private final String storeRoot;
  private final long runSeed;

  EvolveIslands(String configText, TaskList tasks, String storeRoot, long runSeed) {
    this.configText = configText;
    this.encodedTasks = TaskListCodec.encode(tasks);
    this.storeRoot = storeRoot;
    this.runSeed = runSeed;
  }

  @Override
  public byte[][] apply(TaskContext context, Iterator<byte[]> requests) {
    SearchSpec spec = spec(configText);
    TaskList tasks = TaskListCodec.decode(encodedTasks);
    List<LearningTask> learning = tasks(tasks);
    List<byte[]> out = new ArrayList<>();
    while (requests.hasNext()) {
      IslandStage.Request request = IslandStage.decodeRequest(requests.next());
      out.add(IslandStage.encode(IslandStage.run(spec, tasks, learning, runSeed, request)));
    }
    return out.toArray(new byte[0][]);
  }

  private static SearchSpec spec(String text) {
    synchronized (SPECS) {
      return SPECS.computeIfAbsent(text,
          t -> ConfigLoader.parse(t, "the driver's effective config", List.of()).run().search());
    }
  }

  private List<LearningTask> tasks(TaskList list) {
    String key = new String(encodedTasks, StandardCharsets.ISO_8859_1) + '\0' + storeRoot;
    synchronized (TASKS) {
      List<LearningTask> cached = TASKS.get(key);
      if (cached != null) {
        return cached;
      }
    }
    // Generated or read outside the lock; two threads racing compute the same list.
    List<LearningTask> done = List.copyOf(
        new TaskGenerator(list.hasProjectedBinary() ? ParquetTaskStore.open(storeRoot) : null).generate(list));
    synchronized (TASKS) {
      TASKS.put(key, done);
    }
    return done;
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(4, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > KEPT;
      }
    };
  }
}
