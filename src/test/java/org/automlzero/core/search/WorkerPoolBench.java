package org.automlzero.core.search;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;

/**
 * Which pool runs the interpreter loop fastest? The in-process evaluator's batch evaluation of
 * the demo spec's random candidates on its 10 search tasks, through the same evaluator on four
 * engines behind {@link WorkerPool}'s API: the pool's own (a fixed {@link ExecutorService} of
 * threads - 1 helpers, the caller working too), the hand-built pool of plain threads it replaced
 * (one lock and condition, the caller working too), and a fixed ExecutorService or a
 * {@link ForkJoinPool} given the same chunks with {@code invokeAll} while the caller waits. Two
 * workloads: {@code steady}, one candidate per call (the demo's steady state: two work units per
 * loop, tens of thousands of loops a second) and {@code batch}, 1,000 candidates per call (a
 * generation of the candidate-batch layout). Within a round the engines take turns on short
 * blocks of calls, in rotating order, so a change of the machine's load falls on all of them
 * alike; every round's fitnesses are checked identical across engines. Not a test (no timing in
 * the suite); run it by hand (docs/benchmarks.md):
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/classes:target/test-classes:$(cat target/test.classpath) \
 *     org.automlzero.core.search.WorkerPoolBench [THREADS [ROUNDS [CANDIDATES]]]
 * </pre>
 */
public final class WorkerPoolBench {
  private static final String[] NAMES = {"WorkerPool", "hand-built", "invokeAll", "ForkJoinPool"};
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private WorkerPoolBench() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    ExperimentConfig config = ConfigLoader.load(Path.of("conf", "demo.conf"), List.of());
    SearchSpec spec = config.run().search();
    TaskList tasks = config.run().searchTasks();
    TaskProvider provider = new CachingTaskProvider(new TaskGenerator()::generate);
    Mutator mutator = new Mutator(spec);
    Rng rng = Rng.derive(1, "pool-bench-candidates");
    List<Algorithm> candidates = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      candidates.add(mutator.randomAlgorithm(rng));
    }
    List<WorkerPool> pools = List.of(new WorkerPool(threads), new WorkerPool(threads, HandBuiltPool::new),
        new WorkerPool(threads, ExecutorEngine::new), new WorkerPool(threads, ForkJoinEngine::new));
    List<InProcessEvaluator> evaluators = pools.stream()
        .map(p -> new InProcessEvaluator(spec.shape(), spec.maxAbsError(), provider, p)).toList();
    System.out.printf(Locale.ROOT, "demo spec, %d random candidates x %d search tasks, %d threads, %d rounds "
        + "(+2 warm-up; medians over rounds), %d processors%n", count, tasks.size(), threads, rounds,
        Runtime.getRuntime().availableProcessors());
    for (int perCall : new int[] {1, 1000}) {
      List<List<Algorithm>> calls = new ArrayList<>();
      List<List<EvaluationRequest>> requests = new ArrayList<>();
      for (int from = 0; from < count; from += perCall) {
        List<Algorithm> call = candidates.subList(from, Math.min(count, from + perCall));
        calls.add(call);
        requests.add(requests(tasks, call.size(), from));
      }
      int block = Math.max(1, 500 / perCall); // calls per engine turn: ~10-30 ms, so load drift hits all alike
      double[][] seconds = new double[NAMES.length][rounds];
      double[][] cpu = new double[NAMES.length][rounds];
      for (int r = -2; r < rounds; r++) {
        double[][][] fitness = new double[NAMES.length][calls.size()][];
        long[] nanos = new long[NAMES.length];
        long[] cpuNanos = new long[NAMES.length];
        for (int from = 0, turn = 0; from < calls.size(); from += block, turn++) {
          int to = Math.min(calls.size(), from + block);
          for (int k = 0; k < NAMES.length; k++) {
            int e = Math.floorMod(k + turn, NAMES.length); // each engine takes each place in turn
            long cpuStart = OS.getProcessCpuTime();
            long start = System.nanoTime();
            for (int i = from; i < to; i++) {
              fitness[e][i] = evaluators.get(e).evaluate(tasks, calls.get(i), requests.get(i));
            }
            nanos[e] += System.nanoTime() - start;
            cpuNanos[e] += OS.getProcessCpuTime() - cpuStart;
          }
        }
        for (int e = 0; e < NAMES.length; e++) {
          if (r >= 0) {
            seconds[e][r] = nanos[e] / 1e9;
            cpu[e][r] = cpuNanos[e] / 1e9;
          }
          if (!Arrays.deepEquals(fitness[0], fitness[e])) {
            throw new IllegalStateException(NAMES[e] + " gave other fitnesses than WorkerPool in round " + r);
          }
        }
      }
      System.out.printf(Locale.ROOT, "%s (%d candidate(s) per call):%n", perCall == 1 ? "steady" : "batch", perCall);
      for (int e = 0; e < NAMES.length; e++) {
        System.out.printf(Locale.ROOT, "  %-16s %,9.0f candidates/s, time / WorkerPool's %s; process CPU time / "
            + "WorkerPool's %s%n", NAMES[e], count / median(seconds[e]), ratios(seconds[e], seconds[0]),
            ratios(cpu[e], cpu[0]));
      }
    }
    for (int e = 0; e < NAMES.length; e++) {
      evaluators.get(e).close();
      pools.get(e).close();
    }
  }

  private static List<EvaluationRequest> requests(TaskList tasks, int candidates, int first) {
    List<EvaluationRequest> out = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      int t = 0;
      for (LearningTaskSpec s : tasks.specs()) {
        for (int i = 0; i < s.numTasks(); i++, t++) {
          out.add(new EvaluationRequest(c, t, s.maxTrainExamples(), Rng.deriveSeed(1, "pool-bench", first + c, t)));
        }
      }
    }
    return out;
  }

  /** Median (min..max) of the per-round ratios a / b. */
  private static String ratios(double[] a, double[] b) {
    double[] ratio = new double[a.length];
    for (int r = 0; r < a.length; r++) {
      ratio[r] = a[r] / b[r];
    }
    return String.format(Locale.ROOT, "%.3f (%.2f..%.2f, above 1 in %d of %d rounds)", median(ratio),
        Arrays.stream(ratio).min().orElse(Double.NaN), Arrays.stream(ratio).max().orElse(Double.NaN),
        Arrays.stream(ratio).filter(x -> x > 1).count(), ratio.length);
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** The same chunks as the pool's, as tasks of an executor's invokeAll; the calling thread waits. */
  private abstract static class ChunkedEngine implements WorkerPool.Engine {
    private final int threads;

    ChunkedEngine(int threads) {
      this.threads = threads;
    }

    abstract ExecutorService executor();

    /** The worker number of the calling pool thread, in [0, threads). */
    abstract int worker();

    @Override
    public void forEach(int n, WorkerPool.Body body) {
      int size = WorkerPool.chunk(n, threads);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Callable<Void>> chunks = new ArrayList<>();
      for (int from = 0; from < n; from += size) {
        int start = from;
        int end = Math.min(n, from + size);
        chunks.add(() -> {
          if (failure.get() == null) {
            int worker = worker();
            try {
              for (int i = start; i < end; i++) {
                body.run(worker, i);
              }
            } catch (Throwable t) {
              failure.compareAndSet(null, t);
            }
          }
          return null;
        });
      }
      try {
        executor().invokeAll(chunks);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the workers", e);
      }
      WorkerPool.rethrow(failure.get());
    }

    @Override
    public void close() {
      executor().shutdown();
      try {
        executor().awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@link Executors#newFixedThreadPool}: threads numbered as they are made (they never retire). */
  private static final class ExecutorEngine extends ChunkedEngine {
    private final ExecutorService executor;
    private final ThreadLocal<Integer> number = new ThreadLocal<>();

    ExecutorEngine(int threads) {
      super(threads);
      AtomicInteger made = new AtomicInteger();
      executor = Executors.newFixedThreadPool(threads, r -> {
        int w = made.getAndIncrement();
        Thread t = new Thread(() -> {
          number.set(w);
          r.run();
        }, "executor-worker-" + w);
        t.setDaemon(true);
        return t;
      });
    }

    @Override
    ExecutorService executor() {
      return executor;
    }

    @Override
    int worker() {
      return number.get();
    }
  }

  /** A {@link ForkJoinPool} of exactly {@code threads} workers, numbered as they are made. */
  private static final class ForkJoinEngine extends ChunkedEngine {
    private final ForkJoinPool pool;
    private final ThreadLocal<Integer> number = new ThreadLocal<>();

    ForkJoinEngine(int threads) {
      super(threads);
      AtomicInteger made = new AtomicInteger();
      pool = new ForkJoinPool(threads, p -> new ForkJoinWorkerThread(p) {
        private final int w = made.getAndIncrement();

        @Override
        protected void onStart() {
          super.onStart();
          if (w >= threads) {
            throw new IllegalStateException("fork-join worker " + w + " beyond " + threads + " (a worker retired)");
          }
          number.set(w);
        }
      }, null, false, threads, threads, 1, null, 1, TimeUnit.DAYS);
    }

    @Override
    ExecutorService executor() {
      return pool;
    }

    @Override
    int worker() {
      return number.get();
    }
  }
}
