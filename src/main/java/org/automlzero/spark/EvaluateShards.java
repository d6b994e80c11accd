package org.automlzero.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.interpreter.TaskBatchCoverage;
import org.automlzero.core.interpreter.TaskBatchInterpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * Executor side, once per generation and partition: evaluates the broadcast batch's requests
 * that belong to this partition's (task, shard) elements with the core interpreter. It holds
 * only the broadcast handle and the memory shape; each executor thread keeps one interpreter.
 *
 * <p>It is the job's own function ({@code SparkContext.runJob}) over the cached task RDD, a
 * named class rather than a lambda: Spark's closure cleaner then has nothing to inspect, where
 * a lambda made it parse the bytecode of the class defining it (RDD, JavaRDDLike) on every
 * job, which was most of a generation's driver-side cost.
 */
final class EvaluateShards extends AbstractFunction2<TaskContext, Iterator<TaskShard>, ShardResults>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Executor threads are reused across Spark tasks, so each keeps its interpreter (and memory). */
  private static final ThreadLocal<ThreadInterpreter> INTERPRETER = new ThreadLocal<>();

  /**
   * Candidates compiled per batch, shared by the partitions one executor JVM runs (compiling is
   * pure, so two threads racing on one slot compute the same thing). Only the latest few
   * batches are kept.
   */
  private static final java.util.Map<Long, AtomicReferenceArray<CompiledAlgorithm>> COMPILED =
      new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, AtomicReferenceArray<CompiledAlgorithm>> e) {
          return size() > 4;
        }
      };

  private static AtomicReferenceArray<CompiledAlgorithm> compiled(CandidateBatch b) {
    synchronized (COMPILED) {
      return COMPILED.computeIfAbsent(b.key(), k -> new AtomicReferenceArray<>(b.candidates()));
    }
  }

  private record ThreadInterpreter(MemoryShape shape, double maxAbsError, Interpreter interpreter,
      TaskBatchInterpreter batch) {}

  private final Broadcast<CandidateBatch> batch;
  private final int scalars;
  private final int vectors;
  private final int matrices;
  private final int features;
  private final double maxAbsError;
  private final int partitions;

  EvaluateShards(Broadcast<CandidateBatch> batch, MemoryShape shape, double maxAbsError, int partitions) {
    this.batch = batch;
    this.partitions = Math.max(1, partitions);
    this.scalars = shape.scalars();
    this.vectors = shape.vectors();
    this.matrices = shape.matrices();
    this.features = shape.features();
    this.maxAbsError = maxAbsError;
  }

  @Override
  public ShardResults apply(TaskContext context, Iterator<TaskShard> shards) {
    long start = System.nanoTime(); // timing only; never affects results
    CandidateBatch b = batch.value();
    MemoryShape shape = new MemoryShape(scalars, vectors, matrices, features);
    ThreadInterpreter interpreter = interpreter(shape);
    AtomicReferenceArray<CompiledAlgorithm> compiled = compiled(b);
    int total = 0;
    List<TaskShard> mine = new ArrayList<>();
    int maxTask = -1;
    while (shards.hasNext()) {
      TaskShard s = shards.next();
      mine.add(s);
      maxTask = Math.max(maxTask, s.task());
      total += b.groupTo(s.task(), s.shard()) - b.groupFrom(s.task(), s.shard());
    }
    LearningTask[] tasks = new LearningTask[maxTask + 1];
    int[] requests = new int[total];
    int n = 0;
    for (TaskShard s : mine) {
      tasks[s.task()] = s.learningTask();
      for (int p = b.groupFrom(s.task(), s.shard()), end = b.groupTo(s.task(), s.shard()); p < end; p++) {
        requests[n++] = b.groupRequest(p);
      }
    }
    // Requests in request order, which callers make candidate-major: one candidate's tasks run
    // back to back on a warm compiled program. Partitions start at staggered points so that
    // those sharing candidates compile different ones first and then reuse each other's.
    Arrays.sort(requests);
    int offset = (int) ((long) context.partitionId() % partitions * total / partitions);
    double[] fitness = new double[total];
    int i = 0;
    while (i < total) {
      int at = (i + offset) % total;
      int request = requests[at];
      int candidate = b.requestCandidate(request);
      CompiledAlgorithm algorithm = compiled.get(candidate);
      if (algorithm == null) {
        algorithm = CompiledAlgorithm.compile(b.algorithm(candidate), shape);
        compiled.set(candidate, algorithm);
      }
      long examples = b.requestTrainExamples(request);
      // A run of this candidate's requests with the same train count goes through the task
      // batch when it supports them (the same fitnesses, see TaskBatchInterpreter).
      int size = TaskBatchCoverage.batchSize(algorithm);
      int j = i + 1;
      while (j < total && j - i < size) {
        int next = requests[(j + offset) % total];
        if (b.requestCandidate(next) != candidate || b.requestTrainExamples(next) != examples) {
          break;
        }
        j++;
      }
      if (j - i >= 2) {
        LearningTask[] group = new LearningTask[j - i];
        for (int k = i; k < j; k++) {
          group[k - i] = tasks[b.requestTask(requests[(k + offset) % total])];
        }
        if (TaskBatchCoverage.supports(algorithm, group, examples)) {
          Rng[] rngs = new Rng[j - i];
          for (int k = i; k < j; k++) {
            rngs[k - i] = new Rng(b.requestSeed(requests[(k + offset) % total]));
          }
          double[] part = new double[j - i];
          interpreter.batch().execute(algorithm, group, examples, rngs, part);
          for (int k = i; k < j; k++) {
            fitness[(k + offset) % total] = part[k - i];
          }
          i = j;
          continue;
        }
      }
      fitness[at] = interpreter.interpreter().execute(algorithm, tasks[b.requestTask(request)], examples,
          new Rng(b.requestSeed(request)));
      i++;
    }
    return new ShardResults(requests, fitness, System.nanoTime() - start);
  }

  private ThreadInterpreter interpreter(MemoryShape shape) {
    ThreadInterpreter cached = INTERPRETER.get();
    if (cached == null || !cached.shape().equals(shape) || cached.maxAbsError() != maxAbsError) {
      cached = new ThreadInterpreter(shape, maxAbsError, new Interpreter(shape, maxAbsError),
          new TaskBatchInterpreter(shape, maxAbsError));
      INTERPRETER.set(cached);
    }
    return cached;
  }
}
