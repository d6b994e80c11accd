package org.automlzero.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.CachingTaskProvider;
import org.automlzero.core.search.EvaluationRequest;
import org.automlzero.core.search.InProcessEvaluator;
import org.automlzero.core.search.Mutator;
import org.automlzero.core.search.WorkerPool;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.store.ParquetTaskStore;

/**
 * Evaluator throughput: the same generations of random candidates (the config's search space,
 * every search task, full training) through the core's single-thread in-process evaluator, the
 * in-process evaluator on all cores, and the Spark evaluator, in one run. Reports individuals
 * per second, the per-generation Spark overhead (wall time minus the slowest partition) and where
 * it goes (encoding and broadcasting the batch; the Spark job around its slowest partition), and
 * the fraction of the Spark wall time the executors spent evaluating. Results are checked equal.
 */
public final class SparkBench {
  /** The figures of one spec. */
  public record Figures(String name, int batch, int generations, double singleThreadPerSecond,
      double allCoresPerSecond, double sparkPerSecond, double overheadMillis, double evaluationFraction,
      int broadcastBytes, double prepareMillis, double jobMillis, double slowestMillis) {
    public double ratio() {
      return sparkPerSecond / singleThreadPerSecond;
    }

    public String line() {
      return String.format(Locale.ROOT, "%-9s batch %5d x %3d gens | single thread %,9.0f/s | in-process all cores"
          + " %,9.0f/s | Spark %,9.0f/s = %.2fx single thread | Spark overhead %5.1f ms/gen | evaluating %4.1f%% of"
          + " Spark wall x cores | per generation: encode + broadcast %.1f ms (%,d bytes), Spark job %.1f ms of"
          + " which slowest partition %.1f ms", name, batch, generations, singleThreadPerSecond, allCoresPerSecond,
          sparkPerSecond, ratio(), overheadMillis, 100 * evaluationFraction, prepareMillis, broadcastBytes, jobMillis,
          slowestMillis);
    }
  }

  private SparkBench() {}

  /** Runs the throughput comparison for one config; {@code storeRoot} serves projected binary tasks (or null). */
  public static Figures run(String name, ExperimentConfig config, SparkSession session, String storeRoot, int batch,
      int generations, int warmup, PrintStream out) {
    SearchSpec spec = config.run().search();
    TaskList tasks = config.run().searchTasks();
    TaskGenerator generator = new TaskGenerator(storeRoot == null ? null : ParquetTaskStore.open(storeRoot));
    CachingTaskProvider provider = new CachingTaskProvider(generator::generate);
    Mutator mutator = new Mutator(spec);
    List<List<Algorithm>> batches = new ArrayList<>();
    List<List<EvaluationRequest>> requests = new ArrayList<>();
    for (int g = 0; g < warmup + generations; g++) {
      Rng rng = Rng.derive(config.run().seed(), "bench-candidates", g);
      List<Algorithm> candidates = new ArrayList<>(batch);
      List<EvaluationRequest> reqs = new ArrayList<>();
      for (int c = 0; c < batch; c++) {
        candidates.add(mutator.randomAlgorithm(rng));
        int t = 0;
        for (LearningTaskSpec s : tasks.specs()) {
          for (int i = 0; i < s.numTasks(); i++, t++) {
            reqs.add(new EvaluationRequest(c, t, s.maxTrainExamples(),
                Rng.deriveSeed(config.run().seed(), "bench-evaluate", g, c, t)));
          }
        }
      }
      batches.add(candidates);
      requests.add(reqs);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    double[][] reference = new double[generations][];
    double single;
    try (WorkerPool pool = new WorkerPool(1);
        InProcessEvaluator evaluator = new InProcessEvaluator(spec.shape(), spec.maxAbsError(), provider, pool)) {
      single = time(evaluator::evaluate, tasks, batches, requests, warmup, true, reference, batch);
    }
    double all;
    try (WorkerPool pool = new WorkerPool(cores);
        InProcessEvaluator evaluator = new InProcessEvaluator(spec.shape(), spec.maxAbsError(), provider, pool)) {
      all = time(evaluator::evaluate, tasks, batches, requests, warmup, true, null, batch);
    }
    double spark;
    EvaluatorStats before;
    EvaluatorStats after;
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
    try (SparkBatchEvaluator evaluator = new SparkBatchEvaluator(jsc, spec.shape(), spec.maxAbsError(), 0, 0,
        storeRoot)) {
      double[][] sparkResults = new double[generations][];
      // Warm-up (and the one-off task loading) outside the figures.
      for (int g = 0; g < warmup; g++) {
        evaluator.evaluate(tasks, batches.get(g), requests.get(g));
      }
      before = evaluator.stats();
      spark = time(evaluator::evaluate, tasks, batches, requests, warmup, false, sparkResults, batch);
      after = evaluator.stats();
      for (int g = 0; g < generations; g++) {
        if (!Arrays.equals(sparkResults[g], reference[g])) {
          throw new IllegalStateException("Spark and in-process fitness differ in generation " + g);
        }
      }
    }
    EvaluatorStats timed = after.minus(before);
    double perCall = 1e6 * timed.calls();
    double fraction = timed.busyNanos() / (double) timed.wallNanos() / jsc.defaultParallelism();
    CandidateBatch encoded = CandidateBatch.encode(batches.get(0), requests.get(0), tasks.size(), 1);
    Figures f = new Figures(name, batch, generations, single, all, spark, timed.overheadMillisPerCall(), fraction,
        serializedSize(encoded), timed.prepareNanos() / perCall, timed.jobNanos() / perCall,
        timed.criticalNanos() / perCall);
    out.println(f.line());
    return f;
  }

  private interface Evaluate {
    double[] apply(TaskList tasks, List<Algorithm> candidates, List<EvaluationRequest> requests);
  }

  private static double time(Evaluate evaluate, TaskList tasks, List<List<Algorithm>> batches,
      List<List<EvaluationRequest>> requests, int warmup, boolean warm, double[][] keep, int batch) {
    for (int g = 0; warm && g < warmup; g++) {
      evaluate.apply(tasks, batches.get(g), requests.get(g));
    }
    long start = System.nanoTime();
    int generations = batches.size() - warmup;
    for (int g = 0; g < generations; g++) {
      double[] f = evaluate.apply(tasks, batches.get(warmup + g), requests.get(warmup + g));
      if (keep != null) {
        keep[g] = f;
      }
    }
    return (double) batch * generations / ((System.nanoTime() - start) / 1e9);
  }

  private static int serializedSize(Object o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.size();
  }
}
