package org.automlzero.core.task;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.random.Rng;

/**
 * Materialises a {@link TaskList} into {@link LearningTask}s, deterministically from the seeds:
 * task i of the list gets index i, counting across the specs in order.
 *
 * <ul>
 *   <li>SCALAR_LINEAR_REGRESSION: x ~ N(0,1)^F (data seed), w ~ N(0,1)^F (parameter seed),
 *       label = w . x.</li>
 *   <li>SCALAR_NONLINEAR_REGRESSION: W1 ~ N(0,1)^{FxF} (row-major) then w2 ~ N(0,1)^F from the
 *       parameter seed, rows 0 and 2 of W1 and entries 0 and 2 of w2 zeroed,
 *       label = w2 . relu(W1 x).</li>
 *   <li>UNIT_TEST_SUM: integer features uniform in {-2..2} (data seed), label = their sum, so
 *       every value is exact.</li>
 *   <li>PROJECTED_BINARY_CLASSIFICATION: read through a {@link ProjectedBinarySource}; see
 *       {@link #projectedChoice}.</li>
 * </ul>
 * Train and valid features come from independent streams derived from the data seed, so
 * changing the train count leaves the valid examples unchanged (and vice versa).
 */
public final class TaskGenerator {
  private final ProjectedBinarySource projectedSource;

  /** A generator for synthetic tasks only; projected binary specs fail with a clear message. */
  public TaskGenerator() {
    this(null);
  }

  /** A generator that reads projected binary tasks from {@code projectedSource} (may be null). */
  public TaskGenerator(ProjectedBinarySource projectedSource) {
    this.projectedSource = projectedSource;
  }

  /** All tasks of the list, in order (task i has index i). */
  public List<LearningTask> generate(TaskList list) {
    List<LearningTask> tasks = new ArrayList<>(list.size());
    int index = 0;
    for (LearningTaskSpec spec : list.specs()) {
      for (int i = 0; i < spec.numTasks(); i++) {
        tasks.add(generate(list.name(), spec, i, index++));
      }
    }
    return tasks;
  }

  /** One task: the {@code i}-th of {@code spec}, placed at {@code index} of its list. */
  public LearningTask generate(String listName, LearningTaskSpec spec, int i, int index) {
    if (i < 0 || i >= spec.numTasks()) {
      throw new IllegalArgumentException(
          "task " + i + " of a spec with " + spec.numTasks() + " tasks does not exist (list '" + listName + "')");
    }
    long dataSeed = spec.dataSeed(i);
    long paramSeed = spec.paramSeed(i);
    return switch (spec.type()) {
      case SCALAR_LINEAR_REGRESSION -> regression(spec, index, dataSeed, paramSeed, false, listName);
      case SCALAR_NONLINEAR_REGRESSION -> regression(spec, index, dataSeed, paramSeed, true, listName);
      case UNIT_TEST_SUM -> unitTestSum(spec, index, dataSeed, paramSeed);
      case PROJECTED_BINARY_CLASSIFICATION -> projected(spec, index, dataSeed, paramSeed, listName);
    };
  }

  /** Which (pair, data seed) a projected binary task reads. */
  public record ProjectedChoice(ClassPair pair, int dataSeed) {}

  /**
   * The original's rule, with this project's random generator: when the spec lists one pair,
   * that pair is used with data seed {@code floorMod(seed, maxDataSeed)}; when it lists
   * several (the original's "all pairs except the held-out ones"), a stream derived from the
   * task's data seed (purpose "projected-binary-choice") draws the pair uniformly from the list
   * and then the data seed uniformly from [0, maxDataSeed).
   */
  public static ProjectedChoice projectedChoice(LearningTaskSpec spec, long taskDataSeed) {
    if (spec.pairs().isEmpty()) {
      throw new IllegalArgumentException(
          "projected binary spec for data set '" + spec.dataset() + "' lists no class pairs: at least one is needed");
    }
    if (spec.maxDataSeed() <= 0) {
      throw new IllegalArgumentException("projected binary spec for data set '" + spec.dataset()
          + "' has max data seed " + spec.maxDataSeed() + ": it must be > 0 (data seeds are 0..max-1)");
    }
    if (spec.pairs().size() == 1) {
      return new ProjectedChoice(spec.pairs().get(0), (int) Math.floorMod(taskDataSeed, (long) spec.maxDataSeed()));
    }
    Rng rng = Rng.derive(taskDataSeed, "projected-binary-choice");
    ClassPair pair = spec.pairs().get(rng.nextInt(spec.pairs().size()));
    return new ProjectedChoice(pair, rng.nextInt(spec.maxDataSeed()));
  }

  private LearningTask projected(LearningTaskSpec spec, int index, long dataSeed, long paramSeed, String listName) {
    if (projectedSource == null) {
      throw new IllegalArgumentException("task list '" + listName + "' has projected binary tasks (data set '"
          + spec.dataset() + "') but no projected binary source was given");
    }
    ProjectedChoice choice = projectedChoice(spec, dataSeed);
    ProjectedBinaryExamples examples = projectedSource.load(spec.dataset(), choice.pair(), choice.dataSeed(),
        spec.features(), spec.numTrain(), spec.numValid());
    examples.checkSizes("projected binary task " + spec.dataset() + " pair " + choice.pair() + " seed "
        + choice.dataSeed(), spec.features(), spec.numTrain(), spec.numValid());
    return new LearningTask(index, spec.evalType(), spec.features(), examples.trainFeatures(),
        examples.trainLabels(), examples.validFeatures(), examples.validLabels(), spec.epochs(), choice.dataSeed(),
        paramSeed);
  }

  private static LearningTask regression(LearningTaskSpec spec, int index, long dataSeed, long paramSeed,
      boolean nonlinear, String listName) {
    if (spec.evalType() != EvalType.RMS_ERROR) {
      throw new IllegalArgumentException("task list '" + listName + "': " + spec.type()
          + " tasks need eval type RMS_ERROR, but the spec has " + spec.evalType());
    }
    int f = spec.features();
    double[] trainX = gaussians(Rng.derive(dataSeed, "task-train-features"), spec.numTrain() * f);
    double[] validX = gaussians(Rng.derive(dataSeed, "task-valid-features"), spec.numValid() * f);
    Rng weights = Rng.derive(paramSeed, nonlinear ? "nonlinear-regression-weights" : "linear-regression-weights");
    double[] trainY;
    double[] validY;
    if (nonlinear) {
      double[] w1 = gaussians(weights, f * f);
      double[] w2 = gaussians(weights, f);
      for (int zeroed : new int[] {0, 2}) {
        if (zeroed < f) {
          java.util.Arrays.fill(w1, zeroed * f, zeroed * f + f, 0.0);
          w2[zeroed] = 0.0;
        }
      }
      trainY = nonlinearLabels(trainX, w1, w2, f);
      validY = nonlinearLabels(validX, w1, w2, f);
    } else {
      double[] w = gaussians(weights, f);
      trainY = linearLabels(trainX, w, f);
      validY = linearLabels(validX, w, f);
    }
    return new LearningTask(index, EvalType.RMS_ERROR, f, trainX, trainY, validX, validY, spec.epochs(), dataSeed,
        paramSeed);
  }

  private static LearningTask unitTestSum(LearningTaskSpec spec, int index, long dataSeed, long paramSeed) {
    int f = spec.features();
    double[] trainX = smallIntegers(Rng.derive(dataSeed, "task-train-features"), spec.numTrain() * f);
    double[] validX = smallIntegers(Rng.derive(dataSeed, "task-valid-features"), spec.numValid() * f);
    double[] ones = new double[f];
    java.util.Arrays.fill(ones, 1.0);
    return new LearningTask(index, spec.evalType(), f, trainX, linearLabels(trainX, ones, f), validX,
        linearLabels(validX, ones, f), spec.epochs(), dataSeed, paramSeed);
  }

  private static double[] gaussians(Rng rng, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = rng.gaussian(0.0, 1.0);
    }
    return values;
  }

  private static double[] smallIntegers(Rng rng, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = rng.nextInt(5) - 2;
    }
    return values;
  }

  private static double[] linearLabels(double[] x, double[] w, int f) {
    double[] y = new double[x.length / f];
    for (int e = 0; e < y.length; e++) {
      double s = 0.0;
      for (int j = 0; j < f; j++) {
        s += w[j] * x[e * f + j];
      }
      y[e] = s;
    }
    return y;
  }

  private static double[] nonlinearLabels(double[] x, double[] w1, double[] w2, int f) {
    double[] y = new double[x.length / f];
    for (int e = 0; e < y.length; e++) {
      double s = 0.0;
      for (int i = 0; i < f; i++) {
        double h = 0.0;
        for (int j = 0; j < f; j++) {
          h += w1[i * f + j] * x[e * f + j];
        }
        s += w2[i] * Math.max(h, 0.0);
      }
      y[e] = s;
    }
    return y;
  }
}
