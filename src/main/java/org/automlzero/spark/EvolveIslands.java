package org.automlzero.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.search.WorkerPool;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.search.stage.IslandStage;
import org.automlzero.core.search.stage.StageCall;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.store.ParquetTaskStore;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * Executor side of the island-stage mode, once per stage and partition: runs each island call of
 * the partition ({@link StageCall}) on this executor's resident islands ({@link HostedIslands}),
 * evolving with the core's {@link IslandStage}, and returns the encoded answers in call order. A task granted {@code spark.task.cpus} cores runs that many islands at once,
 * so a large cluster needs fewer, longer tasks per stage. The search tasks and the parsed config are kept per executor JVM (the
 * latest few), so data is read or generated once per executor, not once per stage.
 */
final class EvolveIslands extends AbstractFunction2<TaskContext, Iterator<byte[]>, StageResults>
    implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int KEPT = 3;

  private static final Map<String, SearchSpec> SPECS = lru();
  private static final Map<String, List<LearningTask>> TASKS = lru();

  private final String configText;
  private final List<byte[]> encodedLists;
  private final String storeRoot;
  private final long runSeed;

  EvolveIslands(String configText, List<TaskList> lists, String storeRoot, long runSeed) {
    this.configText = configText;
    this.encodedLists = lists.stream().map(TaskListCodec::encode).toList();
    this.storeRoot = storeRoot;
    this.runSeed = runSeed;
  }

  @Override
  public StageResults apply(TaskContext context, Iterator<byte[]> requests) {
    long start = System.nanoTime();
    SearchSpec spec = spec(configText);
    List<TaskList> lists = new ArrayList<>();
    List<List<LearningTask>> learning = new ArrayList<>();
    for (byte[] encoded : encodedLists) {
      TaskList list = TaskListCodec.decode(encoded);
      lists.add(list);
      learning.add(tasks(list, encoded));
    }
    List<StageCall> calls = new ArrayList<>();
    requests.foreach(group -> calls.addAll(StageCall.decodeCalls(group)));
    StageCall.Answer[] out = new StageCall.Answer[calls.size()];
    // A task granted several cores (spark.task.cpus) evolves its islands side by side.
    try (WorkerPool pool = new WorkerPool(Math.max(1, Math.min(context.cpus(), calls.size())))) {
      pool.forEach(calls.size(), 2, (worker, c) -> out[c] = HostedIslands.STORE.run(calls.get(c),
          r -> IslandStage.run(spec, lists.get(r.list()), learning.get(r.list()), runSeed, r)));
    }
    return new StageResults(StageCall.encodeAnswers(List.of(out)), System.nanoTime() - start,
        HostedIslands.location());
  }

  private static SearchSpec spec(String text) {
    synchronized (SPECS) {
      return SPECS.computeIfAbsent(text,
          t -> ConfigLoader.parse(t, "the driver's effective config", List.of()).run().search());
    }
  }

  private List<LearningTask> tasks(TaskList list, byte[] encoded) {
    String key = new String(encoded, StandardCharsets.ISO_8859_1) + '\0' + storeRoot;
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
