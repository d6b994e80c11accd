package org.automlzero.core.interpreter;

import java.util.Arrays;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;

/**
 * Runs compiled algorithms on tasks exactly as docs/semantics.md says (the original's executor):
 * the run protocol (Setup, training over epochs with early stopping, validation, the fitness).
 * One instance per thread: it owns a {@link Machine}, the memory it reuses and wipes per task and
 * the dispatch that runs the decoded instructions on it.
 */
public final class Interpreter {
  /** The original's default early-stopping threshold on |error|. */
  public static final double DEFAULT_MAX_ABS_ERROR = 100.0;

  private static final double MINUS_TWO_OVER_PI = -0.63661977236758138243;

  private final MemoryShape shape;
  private final double maxAbsError;
  private final int f;
  /** The memory and the instruction dispatch; {@code s}, {@code v} and {@code mt} are its banks. */
  private final Machine machine;
  private final double[] s;
  private final double[][] v;
  private final double[][] mt;

  private long trainSteps;
  private long validSteps;
  private int validErrorCount;

  public Interpreter(MemoryShape shape, double maxAbsError) {
    if (shape == null) {
      throw new IllegalArgumentException("memory shape must not be null");
    }
    if (!(maxAbsError > 0.0)) {
      throw new IllegalArgumentException("max_abs_error must be > 0, but was " + maxAbsError);
    }
    this.shape = shape;
    this.maxAbsError = maxAbsError;
    this.f = shape.features();
    this.machine = new Machine(shape);
    this.s = machine.s;
    this.v = machine.v;
    this.mt = machine.mt;
  }

  /** The memory shape this interpreter runs. */
  public MemoryShape shape() {
    return shape;
  }

  /**
   * Full evaluation: zero memory, Setup, then {@code numTrainExamples} training steps over
   * epochs (validating after each epoch on all validation examples), returns the best
   * validation fitness in [0, 1]. {@code rng} feeds the run-time random ops.
   *
   * <p>As in the original: the count is capped at the task's epochs x train examples; each
   * epoch trains min(train examples, remaining) steps and then validates; stopping early in the
   * first epoch (or training 0 examples) gives fitness 0, later the best so far is kept.
   */
  public double execute(CompiledAlgorithm algorithm, LearningTask task, long numTrainExamples, Rng rng) {
    check(algorithm, task);
    if (numTrainExamples < 0) {
      throw new IllegalArgumentException("number of train examples must be >= 0, but was " + numTrainExamples);
    }
    machine.rng = rng;
    trainSteps = 0;
    validSteps = 0;
    setup(algorithm);
    long all = Math.min(numTrainExamples, task.maxTrainExamples());
    int perEpoch = task.numTrain();
    long remaining = all;
    long position = 0;
    double best = 0.0;
    while (remaining > 0) {
      int steps = (int) Math.min(perEpoch, remaining);
      if (train(algorithm, task, position, steps, null) >= 0) {
        if (remaining == all) {
          return 0.0;
        }
        break;
      }
      position += steps;
      remaining -= perEpoch;
      best = Math.max(best, validate(algorithm, task, task.numValid(), null));
    }
    return best;
  }

  /**
   * The FEC fingerprint run: train on the first {@code numTrain} examples of epoch 0 and
   * validate on the first {@code numValid}, recording |error| per example (as the original's
   * executor does with its error vectors). Returns how many train errors were recorded (fewer
   * than numTrain when training stopped early); valid errors go to {@code validErrors} and
   * their count is {@link #lastValidErrorCount()}. No validation runs when training stopped early.
   */
  public int fingerprint(CompiledAlgorithm algorithm, LearningTask task, int numTrain, int numValid, Rng rng,
      double[] trainErrors, double[] validErrors) {
    check(algorithm, task);
    int trainCount = Math.min(Math.max(numTrain, 0), task.numTrain());
    int validCount = Math.min(Math.max(numValid, 0), task.numValid());
    if (trainErrors.length < trainCount || validErrors.length < validCount) {
      throw new IllegalArgumentException("error arrays too small: need " + trainCount + " train and " + validCount
          + " valid entries, got " + trainErrors.length + " and " + validErrors.length);
    }
    machine.rng = rng;
    trainSteps = 0;
    validSteps = 0;
    validErrorCount = 0;
    setup(algorithm);
    int recorded = trainCount;
    if (trainCount > 0) {
      int failedAt = train(algorithm, task, 0, trainCount, trainErrors);
      if (failedAt >= 0) {
        recorded = failedAt;
      } else {
        validate(algorithm, task, validCount, validErrors);
      }
    }
    return recorded;
  }

  /** Valid errors recorded by the last {@link #fingerprint} call. */
  public int lastValidErrorCount() {
    return validErrorCount;
  }

  /** Training steps (Predict+Learn pairs) the last execute/fingerprint call performed. */
  public long lastTrainSteps() {
    return trainSteps;
  }

  /** Validation steps (Predict only) the last execute/fingerprint call performed. */
  public long lastValidSteps() {
    return validSteps;
  }

  /** Test hook: the scalar bank. */
  double[] scalars() {
    return s;
  }

  /** Test hook: the vector bank (one array of F per address). */
  double[][] vectors() {
    return v;
  }

  /**
   * Test hook: the matrix bank, one array of F x F per address, column-major: entry (i, j) at
   * {@code j * F + i}. Columns are contiguous so that the matrix-vector product can run over
   * the rows of a column with the rows' sums side by side (each still sequential over the
   * columns, so bit-identical). The layout is internal: ops whose result depends on the order
   * they visit the entries (norms, means, standard deviations, random fills, const set) visit
   * them in row-major order as the original does.
   */
  double[][] matrices() {
    return mt;
  }

  /** Test hook: whether the uniform-matrix kernels know matrix {@code m} to hold one value. */
  boolean uniformMatrix(int m) {
    return machine.known.known(m);
  }

  /** Wipes the memory and runs Setup (the task batch's per-task start). */
  void runSetup(CompiledAlgorithm algorithm, Rng rng) {
    machine.rng = rng;
    setup(algorithm);
  }

  /** Test hook: runs Setup on the current memory, without wiping it first. */
  void runSetupOnCurrentMemory(CompiledAlgorithm algorithm, Rng rng) {
    machine.rng = rng;
    machine.run(algorithm.setupCode, algorithm.setupData, algorithm.setupLength);
    machine.known.reset();
  }

  private void check(CompiledAlgorithm algorithm, LearningTask task) {
    if (!algorithm.shape.equals(shape)) {
      throw new IllegalArgumentException(
          "algorithm compiled for " + algorithm.shape + " cannot run on an interpreter for " + shape);
    }
    if (task.features() != f) {
      throw new IllegalArgumentException(
          "task " + task.index() + " has F=" + task.features() + " but the memory shape has F=" + f);
    }
  }

  private void setup(CompiledAlgorithm algorithm) {
    Arrays.fill(s, 0.0);
    for (double[] vector : v) {
      Arrays.fill(vector, 0.0);
    }
    for (double[] matrix : mt) {
      Arrays.fill(matrix, 0.0);
    }
    machine.run(algorithm.setupCode, algorithm.setupData, algorithm.setupLength);
    machine.known.reset();
  }

  /**
   * Trains {@code steps} steps from global position {@code position} (epoch = position / n).
   * Returns -1 on success, else the index (within this call) of the step that stopped early.
   */
  private int train(CompiledAlgorithm algorithm, LearningTask task, long position, int steps, double[] errors) {
    final double[] sc = s;
    final double[] x = v[MemoryShape.FEATURES];
    final double[] features = task.trainFeatures();
    final double[] labels = task.trainLabels();
    final int n = task.numTrain();
    final boolean accuracy = task.evalType() == EvalType.ACCURACY;
    final int[] pCode = algorithm.predictCode;
    final double[] pData = algorithm.predictData;
    final int pLen = algorithm.predictLength;
    final int[] lCode = algorithm.learnCode;
    final double[] lData = algorithm.learnData;
    final int lLen = algorithm.learnLength;
    final boolean predictWritesFeatures = algorithm.predictWritesFeatures;
    final boolean readsFeatures = algorithm.readsFeatures;
    final boolean lazySigmoid = !algorithm.learnReadsPrediction && errors == null && maxAbsError >= 1.0;
    final boolean idle = pLen == 0 && lLen == 0;
    boolean fixedPoint = false;
    int epoch = (int) (position / n);
    int at = (int) (position % n);
    int[] order = task.epochOrder(epoch);
    for (int step = 0; step < steps; step++) {
      trainSteps++;
      int example = order[at];
      int row = example * f;
      if (readsFeatures) {
        loadFeatures(features, row, x);
      }
      sc[MemoryShape.LABEL] = 0.0;
      machine.run(pCode, pData, pLen);
      double label = labels[example];
      double prediction = sc[MemoryShape.PREDICTION];
      if (accuracy && lazySigmoid && label >= 0.0 && label <= 1.0) {
        // Nothing reads sigmoid(s1) and |label - sigmoid(x)| <= 1 <= maxAbsError for any x but
        // NaN, so only NaN stops training: the same outcome without computing exp.
        if (Double.isNaN(prediction)) {
          return step;
        }
      } else {
        if (accuracy && !fixedPoint) {
          double p = sigmoid(prediction);
          // With no Predict or Learn code, s1 only ever becomes sigmoid(s1): once that is s1
          // itself (bit for bit), every later step would compute the same, so skip the exp.
          fixedPoint = idle && Double.doubleToRawLongBits(p) == Double.doubleToRawLongBits(prediction);
          prediction = p;
          sc[MemoryShape.PREDICTION] = prediction;
        }
        double error = Math.abs(label - prediction);
        if (Double.isNaN(error) || error > maxAbsError) {
          return step;
        }
        if (errors != null) {
          errors[step] = error;
        }
      }
      if (predictWritesFeatures && readsFeatures) {
        loadFeatures(features, row, x);
      }
      sc[MemoryShape.LABEL] = label;
      if (lLen > 0) {
        machine.run(lCode, lData, lLen);
      }
      if (++at == n) {
        at = 0;
        epoch++;
        if (step + 1 < steps) {
          order = task.epochOrder(epoch);
        }
      }
    }
    return -1;
  }

  /** Validates on the first {@code count} examples; the loss is divided by all valid examples. */
  private double validate(CompiledAlgorithm algorithm, LearningTask task, int count, double[] errors) {
    final double[] sc = s;
    final double[] x = v[MemoryShape.FEATURES];
    final double[] features = task.validFeatures();
    final double[] labels = task.validLabels();
    final int[] pCode = algorithm.predictCode;
    final double[] pData = algorithm.predictData;
    final int pLen = algorithm.predictLength;
    final boolean accuracy = task.evalType() == EvalType.ACCURACY;
    double loss = 0.0;
    final boolean readsFeatures = algorithm.readsFeatures;
    for (int i = 0; i < count; i++) {
      validSteps++;
      if (readsFeatures) {
        loadFeatures(features, i * f, x);
      }
      sc[MemoryShape.LABEL] = 0.0;
      machine.run(pCode, pData, pLen);
      double label = labels[i];
      double error;
      if (accuracy) {
        double logit = sc[MemoryShape.PREDICTION];
        boolean positive;
        if (logit > 1e-3) {
          positive = true; // sigmoid(logit) > 0.5 for sure: skip exp
        } else if (logit < -1e-3) {
          positive = false;
        } else {
          double p = sigmoid(logit); // near 0 (and NaN): decide exactly as the original
          if (p > 1.0 || p < 0.0) {
            return 0.0;
          }
          positive = p > 0.5;
        }
        error = ((label > 0.5) == positive) ? 0.0 : 1.0;
        loss += error;
      } else {
        error = label - sc[MemoryShape.PREDICTION];
        loss += error * error;
      }
      double absError = Math.abs(error);
      if (Double.isNaN(absError) || absError > maxAbsError) {
        return 0.0;
      }
      if (errors != null) {
        errors[validErrorCount++] = absError;
      }
    }
    loss /= task.numValid();
    return accuracy ? 1.0 - loss : flipAndSquash(Math.sqrt(loss));
  }

  /** v0 = one example's features (a plain copy; unrolled for F = 4, where arraycopy's set-up dominates). */
  private void loadFeatures(double[] features, int from, double[] x) {
    if (f == 4) {
      x[0] = features[from];
      x[1] = features[from + 1];
      x[2] = features[from + 2];
      x[3] = features[from + 3];
    } else {
      System.arraycopy(features, from, x, 0, f);
    }
  }

  /** Maps a loss in [0, inf] to a fitness in [0, 1]; NaN and infinity give 0. */
  static double flipAndSquash(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return 0.0;
    }
    return 1.0 + MINUS_TWO_OVER_PI * Math.atan(value);
  }

  static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }
}
