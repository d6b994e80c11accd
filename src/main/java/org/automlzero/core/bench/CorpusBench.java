package org.automlzero.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Kind;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;

/**
 * {@code bench corpus}: every corpus entry ({@link Corpus}) fully evaluated (compile + 10 tasks),
 * one thread, per algorithm: evaluations/s and example-steps/s (train steps + validation
 * examples, each one Predict, per CPU second), median over the rounds; the evolved corpus as a
 * whole in algorithms/s; and which ops the work goes to (executed instructions weighted by
 * entries touched, from the kept code and the step counts).
 */
final class CorpusBench {
  private CorpusBench() {}

  private static final Op[] OPS = Op.values();

  /** Prints "name task fitness bits" for every entry and task (the golden file's format). */
  static int printFitness(Corpus corpus, boolean skip) {
    Interpreter interpreter = new Interpreter(Corpus.SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    for (int i = 0; i < corpus.entries().size(); i++) {
      double[] fitness = corpus.fitnesses(i, interpreter, skip, null);
      for (int t = 0; t < fitness.length; t++) {
        System.out.println(corpus.entries().get(i).name() + "\t" + t + "\t" + fitness[t] + "\t"
            + Long.toHexString(Double.doubleToRawLongBits(fitness[t])));
      }
    }
    return 0;
  }

  static int measure(Corpus corpus, int rounds, boolean skip) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Interpreter interpreter = new Interpreter(Corpus.SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    int n = corpus.entries().size();
    System.out.println();
    System.out.println("corpus: " + n + " algorithms (LINEAR, NEURAL_NET and " + (n - 2) + " evolved), F=16, memory"
        + " 5/9/2, 10 projected-binary-like tasks x (8000 train + 1000 valid), ACCURACY, train budget 2x NEURAL_NET");
    double[][] seconds = new double[n][rounds];
    long[] steps = new long[n];
    double[] meanFitness = new double[n];
    // Warm-up: two passes over the corpus.
    double sink = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < n; i++) {
        sink += corpus.fitnesses(i, interpreter, skip, null)[0];
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        long[] s = new long[1];
        long c0 = threads.getCurrentThreadCpuTime();
        double[] f = corpus.fitnesses(i, interpreter, skip, s);
        seconds[i][r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        steps[i] = s[0];
        double sum = 0;
        for (double x : f) {
          sum += x;
        }
        meanFitness[i] = sum / f.length;
        sink += sum;
      }
    }
    System.out.printf(Locale.ROOT, "  %-22s %-10s %12s %8s %10s %14s %8s%n", "algorithm", "stage", "kept s/p/l",
        "train", "evals/s", "ex-steps/s", "fitness");
    double[] roundTotals = new double[rounds];
    for (int i = 0; i < n; i++) {
      Corpus.Entry e = corpus.entries().get(i);
      CompiledAlgorithm compiled = CompiledAlgorithm.compile(e.algorithm(), Corpus.SHAPE);
      double median = median(seconds[i]);
      if (i >= 2) {
        for (int r = 0; r < rounds; r++) {
          roundTotals[r] += seconds[i][r];
        }
      }
      System.out.printf(Locale.ROOT, "  %-22s %-10s %12s %8d %10.1f %14.0f %8.4f%n", e.name(), e.stage(),
          compiled.keptOpIds(ComponentFunctionType.SETUP).length + "/"
              + compiled.keptOpIds(ComponentFunctionType.PREDICT).length + "/"
              + compiled.keptOpIds(ComponentFunctionType.LEARN).length,
          corpus.trainExamples(e.algorithm()), 1 / median, steps[i] / median, meanFitness[i]);
    }
    double total = median(roundTotals);
    System.out.printf(Locale.ROOT, "  evolved corpus: %,.2f algorithms/s per CPU second (%d algorithms, median of %d"
        + " rounds: %.3f s per pass; checksum %.6g)%n", (n - 2) / total, n - 2, rounds, total, sink);
    System.out.printf(Locale.ROOT, "  NEURAL_NET: %,.2f evaluations/s, %,.0f example-steps/s; LINEAR: %,.2f"
        + " evaluations/s, %,.0f example-steps/s%n", 1 / median(seconds[1]), steps[1] / median(seconds[1]),
        1 / median(seconds[0]), steps[0] / median(seconds[0]));
    printProfile(corpus, seconds, interpreter, skip);
    return 0;
  }

  /**
   * Work per op over one pass of the evolved corpus, each algorithm weighted by its share of the
   * measured time: executed instructions (setup once per task, Predict per train and valid
   * example, Learn per train example) times entries touched (1 scalar, F vector, F*F matrix,
   * F^3 matrix product), normalised within the algorithm and multiplied by its median time.
   */
  private static void printProfile(Corpus corpus, double[][] seconds, Interpreter interpreter, boolean skip) {
    int f = Corpus.SHAPE.features();
    Map<String, Double> share = new TreeMap<>();
    double all = 0;
    for (int i = 2; i < corpus.entries().size(); i++) {
      Corpus.Entry e = corpus.entries().get(i);
      CompiledAlgorithm compiled = skip ? CompiledAlgorithm.compile(e.algorithm(), Corpus.SHAPE)
          : CompiledAlgorithm.compileWithoutSkipping(e.algorithm(), Corpus.SHAPE);
      long train = 0;
      long valid = 0;
      long runs = corpus.tasks().size();
      for (int t = 0; t < corpus.tasks().size(); t++) {
        interpreter.execute(compiled, corpus.tasks().get(t), corpus.trainExamples(e.algorithm()),
            new org.automlzero.core.random.Rng(Corpus.seed(i, t)));
        train += interpreter.lastTrainSteps();
        valid += interpreter.lastValidSteps();
      }
      Map<String, Double> work = new TreeMap<>();
      double sum = 0;
      long[] executions = {runs, train + valid, train};
      ComponentFunctionType[] types = {ComponentFunctionType.SETUP, ComponentFunctionType.PREDICT,
          ComponentFunctionType.LEARN};
      for (int k = 0; k < 3; k++) {
        for (int id : compiled.keptOpIds(types[k])) {
          String name = id < OPS.length ? OPS[id].name() : "SKIP_DRAWS";
          double w = executions[k] * (id < OPS.length ? entries(OPS[id], f) : 1);
          work.merge(name, w, Double::sum);
          sum += w;
        }
      }
      double time = median(seconds[i]);
      for (Map.Entry<String, Double> w : work.entrySet()) {
        share.merge(w.getKey(), time * w.getValue() / sum, Double::sum);
      }
      all += time;
    }
    System.out.println("  work share by op over the evolved corpus (executions x entries touched, each algorithm weighted by its"
        + " measured time; a model, not a sampled profile):");
    final double total = all;
    share.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(14)
        .forEach(w -> System.out.printf(Locale.ROOT, "    %-28s %5.1f%%%n", w.getKey(), 100 * w.getValue() / total));
  }

  private static double entries(Op op, int f) {
    if (op == Op.MATRIX_MATRIX_PRODUCT) {
      return (double) f * f * f;
    }
    Kind widest = op.out();
    for (Kind k : new Kind[] {op.in1(), op.in2()}) {
      if (k == Kind.MATRIX || (k == Kind.VECTOR && widest != Kind.MATRIX)) {
        widest = k;
      }
    }
    return switch (widest) {
      case MATRIX -> f * f;
      case VECTOR -> f;
      default -> 1;
    };
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
