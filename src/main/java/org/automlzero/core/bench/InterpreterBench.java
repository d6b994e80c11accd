package org.automlzero.core.bench;

import static org.automlzero.core.algorithm.HandCodedAlgorithms.randomFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.interpreter.Simd;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;

/**
 * Interpreter throughput on ONE thread, in algorithms fully evaluated per second (compile +
 * execute on every task, no FEC cache): the demo spec, the baseline spec and a hand-coded
 * neural-net-shaped workload. Warms up, then reports the median of several timed rounds.
 *
 * <p>Run as {@code ./submit.sh bench [demo|baseline|baseline-mid|nn|corpus|all] [--rounds N] [--seconds S]
 * [--no-skip]}; {@code --no-skip} runs every instruction (no liveness skipping), as the C++ original does.
 */
public final class InterpreterBench {
  private InterpreterBench() {}

  private static final List<Op> DEMO_OPS = List.of(Op.SCALAR_CONST_SET, Op.VECTOR_INNER_PRODUCT, Op.SCALAR_DIFF,
      Op.SCALAR_PRODUCT, Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM);
  private static final List<Op> BASELINE_SETUP = List.of(Op.SCALAR_CONST_SET, Op.SCALAR_GAUSSIAN_SET,
      Op.SCALAR_UNIFORM_SET, Op.VECTOR_GAUSSIAN_SET, Op.VECTOR_UNIFORM_SET, Op.MATRIX_GAUSSIAN_SET,
      Op.MATRIX_UNIFORM_SET);
  private static final List<Op> BASELINE_PREDICT = List.of(Op.SCALAR_SUM, Op.MATRIX_VECTOR_PRODUCT, Op.VECTOR_MAX,
      Op.VECTOR_INNER_PRODUCT, Op.VECTOR_SUM);
  private static final List<Op> BASELINE_LEARN = List.of(Op.SCALAR_SUM, Op.SCALAR_DIFF, Op.SCALAR_PRODUCT,
      Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM, Op.VECTOR_HEAVYSIDE, Op.VECTOR_PRODUCT, Op.VECTOR_OUTER_PRODUCT,
      Op.MATRIX_SUM);

  /** One benchmark workload: a shape, tasks, a pool of algorithms and the train count. */
  record Workload(String name, String description, MemoryShape shape, List<LearningTask> tasks,
      List<Algorithm> algorithms, long trainExamples) {}

  /** The workloads {@link #run} knows. */
  public static final List<String> WORKLOADS = List.of("demo", "baseline", "baseline-mid", "nn", "corpus", "all");

  /**
   * Runs the benchmark on workload {@code which} (one of {@link #WORKLOADS}; the command line is
   * cli's {@code bench}): {@code rounds} timed rounds of about {@code seconds} each; returns the exit code.
   */
  public static int run(String which, int rounds, double seconds, boolean skip, boolean printFitness) {
    if (!WORKLOADS.contains(which)) {
      throw new IllegalArgumentException("unknown workload '" + which + "': expected one of " + WORKLOADS);
    }
    if (which.equals("corpus")) {
      System.out.println("java " + System.getProperty("java.version") + ", "
          + Runtime.getRuntime().availableProcessors() + " processors visible, 1 thread used, " + Simd.describe()
          + (skip ? "" : ", liveness skipping OFF"));
      return printFitness ? CorpusBench.printFitness(Corpus.load(), skip) : CorpusBench.measure(Corpus.load(), rounds,
          skip);
    }
    List<Workload> workloads = new ArrayList<>();
    if (which.equals("demo") || which.equals("all")) {
      workloads.add(demo());
    }
    if (which.equals("baseline") || which.equals("all")) {
      workloads.add(baseline("baseline", 1, 3, 1, 4, 1, 6));
    }
    if (which.equals("baseline-mid") || which.equals("all")) {
      workloads.add(baseline("baseline-mid", 3, 7, 4, 11, 6, 23));
    }
    if (which.equals("nn") || which.equals("all")) {
      workloads.add(neuralNet());
    }
    if (workloads.isEmpty()) {
      System.err.println("error: unknown workload '" + which + "': expected demo, baseline, baseline-mid, nn or all");
      return 2;
    }
    System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
        + " processors visible, 1 thread used, " + Simd.describe() + (skip ? "" : ", liveness skipping OFF"));
    for (Workload w : workloads) {
      measure(w, rounds, seconds, skip);
    }
    return 0;
  }

  static Workload demo() {
    MemoryShape shape = new MemoryShape(4, 3, 1, 4);
    List<LearningTask> tasks = new TaskGenerator().generate(new TaskList("bench-demo", List.of(
        LearningTaskSpec.regression(TaskType.SCALAR_LINEAR_REGRESSION, 4, 100, 100, 10, List.of(), List.of()))));
    Rng rng = Rng.derive(1, "bench-demo-algorithms");
    List<Algorithm> algorithms = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      algorithms.add(new Algorithm(randomFunction(10, DEMO_OPS, shape, rng), randomFunction(2, DEMO_OPS, shape, rng),
          randomFunction(8, DEMO_OPS, shape, rng)));
    }
    return new Workload("demo", "F=4, memory 4/3/1, 10 linear tasks x (100 train + 100 valid), random algorithms"
        + " 10/2/8 of the demo's 6 ops", shape, tasks, algorithms, 100);
  }

  static Workload baseline(String name, int setupMin, int setupMax, int predictMin, int predictMax, int learnMin,
      int learnMax) {
    MemoryShape shape = new MemoryShape(5, 9, 2, 16);
    List<LearningTask> tasks = projectedLike(10, 8000, 1000, 16);
    Rng rng = Rng.derive(2, "bench-baseline-algorithms", setupMax);
    List<Algorithm> algorithms = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      algorithms.add(new Algorithm(
          randomFunction(between(setupMin, setupMax, rng), BASELINE_SETUP, shape, rng),
          randomFunction(between(predictMin, predictMax, rng), BASELINE_PREDICT, shape, rng),
          randomFunction(between(learnMin, learnMax, rng), BASELINE_LEARN, shape, rng)));
    }
    return new Workload(name, "F=16, memory 5/9/2, 10 projected-binary-like tasks x (8000 train + 1000 valid),"
        + " ACCURACY, random algorithms of the baseline's ops, sizes uniform in setup " + setupMin + ".." + setupMax
        + ", predict " + predictMin + ".." + predictMax + ", learn " + learnMin + ".." + learnMax, shape, tasks,
        algorithms, 8000);
  }

  static Workload neuralNet() {
    MemoryShape shape = new MemoryShape(5, 9, 2, 16);
    List<LearningTask> tasks = projectedLike(10, 8000, 1000, 16);
    // A 2-layer ReLU net trained by SGD (the original's NEURAL_NET shape): hidden = relu(W1 x),
    // prediction = w2 . hidden; s2 = learning rate, v4 stays 0 (for the relu).
    Algorithm nn = new Algorithm(
        List.of(Instruction.withData(Op.MATRIX_GAUSSIAN_SET, 0, 0f, 0.1f, 0f),
            Instruction.withData(Op.VECTOR_GAUSSIAN_SET, 1, 0f, 0.1f, 0f),
            Instruction.constant(2, 0.01)),
        List.of(Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 0, 2),
            Instruction.of(Op.VECTOR_MAX, 2, 4, 3),
            Instruction.of(Op.VECTOR_INNER_PRODUCT, 3, 1, 1)),
        List.of(Instruction.of(Op.SCALAR_DIFF, 0, 1, 3),
            Instruction.of(Op.SCALAR_PRODUCT, 2, 3, 3),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 3, 1, 5),
            Instruction.of(Op.VECTOR_HEAVYSIDE, 2, 0, 6),
            Instruction.of(Op.VECTOR_PRODUCT, 5, 6, 5),
            Instruction.of(Op.VECTOR_OUTER_PRODUCT, 5, 0, 1),
            Instruction.of(Op.MATRIX_SUM, 0, 1, 0),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 3, 3, 7),
            Instruction.of(Op.VECTOR_SUM, 1, 7, 1)));
    return new Workload("nn", "F=16, memory 5/9/2, 10 projected-binary-like tasks x (8000 train + 1000 valid),"
        + " ACCURACY, the hand-coded 2-layer neural net (3/3/9 instructions)", shape, tasks, List.of(nn), 8000);
  }

  private static int between(int min, int max, Rng rng) {
    return min + rng.nextInt(max - min + 1);
  }

  /** Standardised N(0,1) features and 0/1 labels from a random linear rule, like projected binary data. */
  static List<LearningTask> projectedLike(int numTasks, int numTrain, int numValid, int f) {
    List<LearningTask> tasks = new ArrayList<>();
    for (int t = 0; t < numTasks; t++) {
      Rng rng = Rng.derive(3, "bench-projected-like", t);
      double[] w = new double[f];
      for (int j = 0; j < f; j++) {
        w[j] = rng.gaussian(0, 1);
      }
      double[][] x = {new double[numTrain * f], new double[numValid * f]};
      double[][] y = {new double[numTrain], new double[numValid]};
      for (int s = 0; s < 2; s++) {
        for (int e = 0; e < y[s].length; e++) {
          double dot = 0;
          for (int j = 0; j < f; j++) {
            double v = rng.gaussian(0, 1);
            x[s][e * f + j] = v;
            dot += w[j] * v;
          }
          y[s][e] = dot + rng.gaussian(0, 2) > 0 ? 1.0 : 0.0;
        }
      }
      tasks.add(new LearningTask(t, EvalType.ACCURACY, f, x[0], y[0], x[1], y[1], 1, t, t));
    }
    return tasks;
  }

  /** Evaluates the pool round-robin; returns the sum of fitnesses (kept so nothing is optimised away). */
  static double evaluate(Workload w, Interpreter interpreter, int from, int count, boolean skip) {
    double sum = 0;
    List<Algorithm> pool = w.algorithms();
    for (int k = 0; k < count; k++) {
      int index = (from + k) % pool.size();
      CompiledAlgorithm compiled = skip ? CompiledAlgorithm.compile(pool.get(index), w.shape())
          : CompiledAlgorithm.compileWithoutSkipping(pool.get(index), w.shape());
      for (LearningTask task : w.tasks()) {
        sum += interpreter.execute(compiled, task, w.trainExamples(), new Rng(Rng.deriveSeed(9, "bench", index,
            task.index())));
      }
    }
    return sum;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void measure(Workload w, int rounds, double seconds, boolean skip) {
    Interpreter interpreter = new Interpreter(w.shape(), Interpreter.DEFAULT_MAX_ABS_ERROR);
    System.out.println();
    System.out.println(w.name() + ": " + w.description());
    // Warm up the JIT for a few seconds, then size a round as whole passes over the pool (so
    // every round evaluates the same algorithms) taking about `seconds`.
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    int pool = w.algorithms().size();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    double sink = 0;
    int evaluated = 0;
    while (System.nanoTime() - start < 3e9 || evaluated < pool) {
      sink += evaluate(w, interpreter, evaluated % pool, 1, skip);
      evaluated++;
    }
    double rate = evaluated / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    int passes = Math.max(1, (int) Math.round(seconds * rate / pool));
    int batch = passes * pool;
    int next = 0;
    // Wall time and this thread's CPU time: on a shared machine the CPU-time rate is what one
    // dedicated core would do; the wall rate is what this run got.
    double[] wallRates = new double[rounds];
    double[] cpuRates = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      sink += evaluate(w, interpreter, next, batch, skip);
      next += batch;
      cpuRates[r] = batch / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
      wallRates[r] = batch / ((System.nanoTime() - t0) / 1e9);
      System.out.printf(Locale.ROOT, "  round %d: %,.1f algorithms/s per CPU second, %,.1f per wall second%n", r + 1,
          cpuRates[r], wallRates[r]);
    }
    System.out.printf(Locale.ROOT, "  %s median: %,.1f algorithms/s per CPU second, %,.1f per wall second"
        + " (%d rounds of %d algorithms; checksum %.6g)%n", w.name(), median(cpuRates), median(wallRates), rounds,
        batch, sink);
  }
}
