package org.automlzero.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.search.BatchEvaluator;
import org.automlzero.core.search.EvaluationRequest;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.search.stage.StageCall;
import org.automlzero.core.task.TaskList;
import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.reflect.ClassTag;

/**
 * The Spark {@link BatchEvaluator}. A task list's tasks are loaded once into a persisted RDD of
 * (task, shard) elements, where they stay in executor memory; each call then broadcasts one
 * compact {@link CandidateBatch}, runs {@link EvaluateShards} as the job's function over the
 * cached partitions (no new RDD, no shuffle) and gathers fitness per request. Splitting every
 * task into shards spreads candidates as well as tasks, so parallelism is not capped by the
 * task count.
 *
 * <p>Results are a pure function of (candidate, task, seed): the partition and shard counts,
 * the master and lost executors never change them.
 */
public final class SparkBatchEvaluator implements BatchEvaluator {
  /** Task lists kept cached at once (search, select, final); older ones are unpersisted. */
  private static final int CACHED_TASK_LISTS = 3;
  private static final ClassTag<ShardResults> RESULTS = ClassTag$.MODULE$.apply(ShardResults.class);
  private static final ClassTag<StageResults> STAGE_RESULTS = ClassTag$.MODULE$.apply(StageResults.class);
  private static final ClassTag<byte[]> BYTES = ClassTag$.MODULE$.apply(byte[].class);
  /** Spark's local property keys for a job's call site (org.apache.spark.util.CallSite). */
  private static final String CALL_SITE_SHORT = "callSite.short";
  private static final String CALL_SITE_LONG = "callSite.long";

  private final JavaSparkContext jsc;
  private final MemoryShape shape;
  private final double maxAbsError;
  private final int partitions;
  private final int fixedShards;
  private final String storeRoot;
  /** The run's effective config, which island-stage workers parse for the search spec (null: no stages). */
  private final String configText;
  private final Map<TaskList, CachedTasks> cache = new LinkedHashMap<>(4, 0.75f, true);
  private final Map<String, Integer> calls = new LinkedHashMap<>();
  private EvaluatorStats stats = EvaluatorStats.ZERO;
  /** The scale benchmark's stand-in for {@link EvolveIslands} (null: real stages). */
  private ModelledStages stageModel;
  private final IslandLocations hosts = new IslandLocations();
  /** Island calls answered "missing" so far (islands a lost or other executor did not hold; replayed). */
  private long lostIslands;

  private record CachedTasks(JavaRDD<TaskShard> shards, int shardsPerTask, int partitions) {}

  /**
   * @param partitions partitions of each task RDD (Spark tasks per generation); 0 = the
   *     context's default parallelism
   * @param shardsPerTask shards per task; 0 = the fewest that give every partition the same
   *     number of (task, shard) elements
   * @param storeRoot root of the Parquet task store for projected binary tasks (null if none)
   */
  public SparkBatchEvaluator(JavaSparkContext jsc, MemoryShape shape, double maxAbsError, int partitions,
      int shardsPerTask, String storeRoot) {
    this(jsc, shape, maxAbsError, partitions, shardsPerTask, storeRoot, null);
  }

  /** As above, able to run island stages of the run whose effective config is {@code configText}. */
  public SparkBatchEvaluator(JavaSparkContext jsc, MemoryShape shape, double maxAbsError, int partitions,
      int shardsPerTask, String storeRoot, String configText) {
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be >= 0 (0 = default parallelism), but was " + partitions);
    }
    if (shardsPerTask < 0) {
      throw new IllegalArgumentException("shards per task must be >= 0 (0 = automatic), but was " + shardsPerTask);
    }
    this.jsc = jsc;
    this.shape = shape;
    this.maxAbsError = maxAbsError;
    this.partitions = partitions;
    this.fixedShards = shardsPerTask;
    this.storeRoot = storeRoot;
    this.configText = configText;
  }

  /** Island calls answered "missing" so far: islands replayed from the driver's copies. */
  public long lostIslands() {
    return lostIslands;
  }

  /** Totals since construction (for progress lines and the benchmark). */
  public EvaluatorStats stats() {
    return stats;
  }

  @Override
  public double[] evaluate(TaskList tasks, List<Algorithm> candidates, List<EvaluationRequest> requests) {
    return evaluate(tasks, candidates, requests, null);
  }

  @Override
  public boolean showsDescriptions() {
    return true;
  }

  /** The same, shown in the Spark UI as the job's description (e.g. "generation 42: evaluate 1,200 candidates"). */
  @Override
  public double[] evaluate(TaskList tasks, List<Algorithm> candidates, List<EvaluationRequest> requests,
      String description) {
    if (requests.isEmpty()) {
      return new double[0];
    }
    CachedTasks cached = cached(tasks);
    long start = System.nanoTime(); // timing only; the one-off task loading is not per-generation work
    CandidateBatch batch = CandidateBatch.encode(candidates, requests, tasks.size(), cached.shardsPerTask());
    int call = calls.merge(tasks.name(), 1, Integer::sum);
    String name = tasks.name() + " batch " + call;
    jsc.setJobDescription(description != null ? description
        : name + ": evaluate " + number(distinctCandidates(requests, candidates.size())) + " candidates ("
            + number(requests.size()) + " evaluations on " + number(tasks.size()) + " " + tasks.name() + " tasks)");
    // With the call site given, Spark skips walking the stack for it; the UI shows the label.
    jsc.setLocalProperty(CALL_SITE_SHORT, description != null ? description : name);
    jsc.setLocalProperty(CALL_SITE_LONG, "SparkBatchEvaluator.evaluate");
    Broadcast<CandidateBatch> broadcast = null;
    long submitted;
    long finished;
    ShardResults[] results;
    try {
      broadcast = jsc.broadcast(batch);
      submitted = System.nanoTime();
      results = (ShardResults[]) jsc.sc().runJob(cached.shards().rdd(),
          new EvaluateShards(broadcast, shape, maxAbsError, cached.partitions()), RESULTS);
      finished = System.nanoTime();
    } finally {
      if (broadcast != null) {
        broadcast.destroy();
      }
      jsc.setJobDescription(null);
      jsc.setLocalProperty(CALL_SITE_SHORT, null);
      jsc.setLocalProperty(CALL_SITE_LONG, null);
    }
    double[] fitness = new double[requests.size()];
    boolean[] seen = new boolean[requests.size()];
    int received = 0;
    long busy = 0;
    long slowest = 0;
    for (ShardResults r : results) {
      for (int i = 0; i < r.requests().length; i++) {
        int q = r.requests()[i];
        if (seen[q]) {
          throw new IllegalStateException("Spark returned request " + q + " twice in a batch of " + requests.size());
        }
        seen[q] = true;
        fitness[q] = r.fitness()[i];
        received++;
      }
      busy += r.evaluationNanos();
      slowest = Math.max(slowest, r.evaluationNanos());
    }
    if (received != requests.size()) {
      throw new IllegalStateException("Spark returned fitness for " + received + " of " + requests.size()
          + " requests on task list '" + tasks.name() + "'");
    }
    stats = stats.plus(1, requests.size(), System.nanoTime() - start, busy, slowest, submitted - start,
        finished - submitted);
    return fitness;
  }

  /**
   * Island stages as one Spark job: the calls, one partition per island (a few islands per task
   * slot) or per task slot (a group of contiguous islands), are the elements of a small RDD whose partitions prefer the executor
   * that answered for their islands last, where the islands are resident ({@link HostedIslands});
   * {@link EvolveIslands} runs them there, and the answers come back in call order. A call that
   * lands elsewhere (a lost executor, a busy one after the locality wait) answers "missing" and
   * the driver replays it ({@code StagedIslands}).
   */
  @Override
  public List<StageCall.Answer> runStages(SearchSpec spec, List<TaskList> lists, long runSeed,
      List<StageCall> calls, String description) {
    boolean projected = lists.stream().anyMatch(TaskList::hasProjectedBinary);
    if (configText == null && stageModel == null) {
      throw new IllegalStateException("this evaluator was made without the run's config: it cannot run island stages");
    }
    if (projected && storeRoot == null) {
      throw new IllegalArgumentException("the search tasks have projected binary tasks but no data set was given "
          + "(--data DIR)");
    }
    long start = System.nanoTime();
    // One task per group of islands up to the cluster's task slots; a task granted several cores
    // (spark.task.cpus) runs that many islands side by side (EvolveIslands).
    int taskCpus = Math.max(1, jsc.getConf().getInt("spark.task.cpus", 1));
    int p = partitions > 0 ? partitions : Math.max(1, jsc.defaultParallelism() / taskCpus);
    int n = calls.size();
    // With one core per task and a few islands per slot, one task per island lets the scheduler
    // even out islands of unequal cost (as the in-process pool does); otherwise one group per slot.
    int slices = taskCpus == 1 && n <= 8 * p ? Math.max(1, n) : Math.max(1, Math.min(n, p));
    List<Tuple2<byte[], Seq<String>>> groups = new ArrayList<>(slices);
    for (int g = 0; g < slices; g++) {
      List<StageCall> group = calls.subList((int) ((long) g * n / slices), (int) ((long) (g + 1) * n / slices));
      String where = group.isEmpty() ? null : hosts.where(group.get(0));
      groups.add(new Tuple2<>(StageCall.encode(group),
          CollectionConverters.asScala(where == null ? List.<String>of() : List.of(where)).toSeq()));
    }
    jsc.setJobDescription(description);
    jsc.setLocalProperty(CALL_SITE_SHORT, description);
    jsc.setLocalProperty(CALL_SITE_LONG, "SparkBatchEvaluator.runStages");
    StageResults[] parts;
    long submitted = System.nanoTime();
    try {
      parts = (StageResults[]) jsc.sc().runJob(jsc.sc().makeRDD(CollectionConverters.asScala(groups).toSeq(), BYTES),
          stageModel != null ? stageModel : new EvolveIslands(configText, lists, projected ? storeRoot : null, runSeed),
          STAGE_RESULTS);
    } catch (Exception e) { // SparkException is checked in Java's eyes but thrown unchecked by Scala
      throw SparkErrors.unwrap(e);
    } finally {
      jsc.setJobDescription(null);
      jsc.setLocalProperty(CALL_SITE_SHORT, null);
      jsc.setLocalProperty(CALL_SITE_LONG, null);
    }
    long finished = System.nanoTime();
    List<StageCall.Answer> answers = new ArrayList<>(n);
    long busy = 0;
    long slowest = 0;
    for (StageResults part : parts) {
      for (StageCall.Answer a : StageCall.decodeAnswers(part.answers())) {
        if (a.missing()) {
          lostIslands++;
        } else {
          hosts.held(calls.get(answers.size()), part.location());
        }
        answers.add(a);
      }
      busy += part.nanos();
      slowest = Math.max(slowest, part.nanos());
    }
    if (answers.size() != n) {
      throw new IllegalStateException("Spark returned " + answers.size() + " island answers for " + n + " calls");
    }
    stats = stats.plus(1, n, System.nanoTime() - start, busy, slowest, submitted - start, finished - submitted);
    return answers;
  }

  /** Which executor answered for each island of the latest run (where its next stage should run). */
  private static final class IslandLocations {
    private String run;
    private final Map<Integer, String> where = new java.util.HashMap<>();

    String where(StageCall call) {
      return call.run().equals(run) ? where.get(call.island()) : null;
    }

    void held(StageCall call, String location) {
      if (!call.run().equals(run)) {
        run = call.run();
        where.clear();
      }
      where.put(call.island(), location);
    }
  }

  /** Replaces every island stage's evolution by its modelled cost (the scale benchmark only). */
  void modelStages(ModelledStages model) {
    this.stageModel = model;
  }

  /** Unpersists every cached task list. */
  @Override
  public void close() {
    for (CachedTasks c : cache.values()) {
      c.shards().unpersist(false);
    }
    cache.clear();
  }

  /** The (task, shard) layout chosen for a list of {@code numTasks} tasks: [partitions, shards]. */
  int[] layout(int numTasks) {
    int p = partitions > 0 ? partitions : Math.max(1, jsc.defaultParallelism());
    int k = fixedShards > 0 ? fixedShards : p / gcd(numTasks, p);
    return new int[] {Math.min(p, numTasks * k), k};
  }

  private CachedTasks cached(TaskList tasks) {
    CachedTasks cached = cache.get(tasks);
    if (cached != null) {
      return cached;
    }
    if (cache.size() >= CACHED_TASK_LISTS) {
      Iterator<Map.Entry<TaskList, CachedTasks>> eldest = cache.entrySet().iterator();
      eldest.next().getValue().shards().unpersist(false);
      eldest.remove();
    }
    int[] layout = layout(tasks.size());
    int p = layout[0];
    int k = layout[1];
    List<Integer> elements = new ArrayList<>(tasks.size() * k);
    for (int e = 0; e < tasks.size() * k; e++) {
      elements.add(e);
    }
    boolean projected = tasks.hasProjectedBinary();
    if (projected && storeRoot == null) {
      throw new IllegalArgumentException("task list '" + tasks.name()
          + "' has projected binary tasks but no data set was given (--data DIR)");
    }
    // Contiguous slices keep a task's shards together, so a partition holds each task once.
    JavaRDD<TaskShard> shards = jsc.parallelize(elements, p)
        .mapPartitions(new LoadTaskShards(tasks, k, projected ? storeRoot : null))
        .setName("tasks '" + tasks.name() + "' (" + tasks.size() + " tasks x " + k + " shards)")
        .persist(StorageLevel.MEMORY_ONLY());
    jsc.setJobDescription("load " + number(tasks.size()) + " " + tasks.name() + " tasks into executor memory");
    try {
      shards.count();
    } catch (Exception e) { // SparkException is checked in Java's eyes but thrown unchecked by Scala
      shards.unpersist(false);
      throw SparkErrors.unwrap(e);
    } finally {
      jsc.setJobDescription(null);
    }
    cached = new CachedTasks(shards, k, p);
    cache.put(tasks, cached);
    return cached;
  }

  private static int distinctCandidates(List<EvaluationRequest> requests, int candidates) {
    boolean[] used = new boolean[candidates];
    int n = 0;
    for (EvaluationRequest r : requests) {
      if (r.candidate() >= 0 && r.candidate() < candidates && !used[r.candidate()]) {
        used[r.candidate()] = true;
        n++;
      }
    }
    return n;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
