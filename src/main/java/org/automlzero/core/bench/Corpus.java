package org.automlzero.core.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmJson;
import org.automlzero.core.algorithm.AlgorithmSizes;
import org.automlzero.core.algorithm.HandCodedAlgorithms;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.interpreter.TaskBatchCoverage;
import org.automlzero.core.interpreter.TaskBatchInterpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.TrainBudget;
import org.automlzero.core.task.LearningTask;

/**
 * The real-workload corpus: algorithms saved from baseline-spec searches (conf/baseline.conf on
 * projected Fashion-MNIST, population members at several stages, as the search makes them) in
 * {@code src/main/resources/bench/corpus/}, plus the hand-coded LINEAR and NEURAL_NET. Each is
 * evaluated on the baseline shape (F = 16, memory 5/9/2, 10 projected-binary-like tasks x 8000
 * train + 1000 valid) with the baseline's train budget (2x NEURAL_NET), as the search would.
 */
public final class Corpus {
  /** The baseline memory shape. */
  public static final MemoryShape SHAPE = new MemoryShape(5, 9, 2, 16);
  private static final String ROOT = "/bench/corpus/";
  private static final long TRAIN_EXAMPLES = 8000;

  /** One corpus entry: a name (file name or LINEAR/NEURAL_NET), its stage and the algorithm. */
  public record Entry(String name, String stage, Algorithm algorithm) {}

  private final List<Entry> entries;
  private final List<LearningTask> tasks;
  private final TrainBudget budget;

  private Corpus(List<Entry> entries, List<LearningTask> tasks) {
    this.entries = entries;
    this.tasks = tasks;
    AlgorithmSizes one = new AlgorithmSizes(1, 1, 1);
    this.budget = new TrainBudget(HandCodedAlgorithms.neuralNet(HandCodedAlgorithms.DEFAULT_LEARNING_RATE,
        HandCodedAlgorithms.DEFAULT_INIT_SCALE, one), 2.0);
  }

  /** Loads the corpus listed in {@code bench/corpus/index.txt} and the two hand-coded algorithms. */
  public static Corpus load() {
    List<Entry> entries = new ArrayList<>();
    AlgorithmSizes one = new AlgorithmSizes(1, 1, 1);
    entries.add(new Entry("LINEAR", "hand-coded", HandCodedAlgorithms.linear(HandCodedAlgorithms.DEFAULT_LEARNING_RATE,
        one)));
    entries.add(new Entry("NEURAL_NET", "hand-coded", HandCodedAlgorithms.neuralNet(
        HandCodedAlgorithms.DEFAULT_LEARNING_RATE, HandCodedAlgorithms.DEFAULT_INIT_SCALE, one)));
    for (String line : resource("index.txt").split("\n")) {
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      entries.add(new Entry(fields[0], fields[1], AlgorithmJson.read(resource(fields[0]), SHAPE)));
    }
    return new Corpus(List.copyOf(entries), InterpreterBench.projectedLike(10, 8000, 1000, 16));
  }

  private static String resource(String name) {
    String path = ROOT + name;
    try (InputStream in = Corpus.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + path, e);
    }
  }

  public List<Entry> entries() {
    return entries;
  }

  public List<LearningTask> tasks() {
    return tasks;
  }

  /** Train examples the baseline's budget gives this algorithm on each task (8000 or 0). */
  public long trainExamples(Algorithm algorithm) {
    return budget.trainExamples(algorithm, TRAIN_EXAMPLES);
  }

  private TaskBatchInterpreter batch;
  private Interpreter batchOwner;

  /** One task-batch interpreter per corpus (the bench runs on one thread). */
  private TaskBatchInterpreter batch(Interpreter interpreter) {
    if (batch == null || batchOwner != interpreter) {
      batch = new TaskBatchInterpreter(interpreter.shape(), Interpreter.DEFAULT_MAX_ABS_ERROR);
      batchOwner = interpreter;
    }
    return batch;
  }

  /** The seed of entry {@code index}'s run on task {@code task}. */
  static long seed(int index, int task) {
    return Rng.deriveSeed(11, "bench-corpus", index, task);
  }

  /**
   * Per-task fitnesses of entry {@code index}: with liveness skipping as the in-process evaluator
   * runs it (all tasks in one pass when the task batch supports the algorithm), without it on
   * the single-task interpreter task by task (the reference);
   * adds the example steps (train + valid) to {@code steps[0]} when {@code steps} is not null.
   */
  public double[] fitnesses(int index, Interpreter interpreter, boolean skip, long[] steps) {
    Algorithm algorithm = entries.get(index).algorithm();
    CompiledAlgorithm compiled = skip ? CompiledAlgorithm.compile(algorithm, SHAPE)
        : CompiledAlgorithm.compileWithoutSkipping(algorithm, SHAPE);
    long examples = trainExamples(algorithm);
    double[] out = new double[tasks.size()];
    LearningTask[] all = tasks.toArray(new LearningTask[0]);
    if (skip && TaskBatchCoverage.supports(compiled, all, examples)) {
      // As the in-process evaluator does: the tasks in batches run in one pass (the same fitnesses).
      int size = TaskBatchCoverage.batchSize(compiled);
      for (int from = 0; from < all.length; from += size) {
        int n = Math.min(size, all.length - from);
        LearningTask[] group = java.util.Arrays.copyOfRange(all, from, from + n);
        Rng[] rngs = new Rng[n];
        for (int t = 0; t < n; t++) {
          rngs[t] = new Rng(seed(index, from + t));
        }
        double[] part = new double[n];
        if (n >= 2) {
          batch(interpreter).execute(compiled, group, examples, rngs, part);
          if (steps != null) {
            steps[0] += batch(interpreter).lastExampleSteps();
          }
        } else {
          part[0] = interpreter.execute(compiled, group[0], examples, rngs[0]);
          if (steps != null) {
            steps[0] += interpreter.lastTrainSteps() + interpreter.lastValidSteps();
          }
        }
        System.arraycopy(part, 0, out, from, n);
      }
      return out;
    }
    for (int t = 0; t < tasks.size(); t++) {
      out[t] = interpreter.execute(compiled, tasks.get(t), examples, new Rng(seed(index, t)));
      if (steps != null) {
        steps[0] += interpreter.lastTrainSteps() + interpreter.lastValidSteps();
      }
    }
    return out;
  }
}
