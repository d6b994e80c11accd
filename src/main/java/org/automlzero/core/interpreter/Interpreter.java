package org.automlzero.core.interpreter;

import java.util.Arrays;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;

/**
 * Runs compiled algorithms on tasks exactly as SEMANTICS.md says (the original's executor).
 * One instance per thread: it owns one flat {@code double[]} memory (scalars, then vectors,
 * then row-major matrices, then a scratch matrix for aliased products) that it wipes per task.
 * The hot loop is a switch on an int op code over primitive arrays; it never allocates.
 */
public final class Interpreter {
  /** The original's default early-stopping threshold on |error|. */
  public static final double DEFAULT_MAX_ABS_ERROR = 100.0;

  private static final double MINUS_TWO_OVER_PI = -0.63661977236758138243;

  private final MemoryShape shape;
  private final double maxAbsError;
  private final int f;
  private final int ff;
  private final int memorySize;
  private final int scratch;
  private final int featuresOffset;
  private final double[] m;

  private Rng rng;
  private long trainSteps;
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
    this.ff = f * f;
    this.memorySize = shape.scalars() + shape.vectors() * f + shape.matrices() * ff;
    this.scratch = memorySize;
    this.featuresOffset = shape.scalars() + MemoryShape.FEATURES * f;
    this.m = new double[memorySize + ff];
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
    this.rng = rng;
    trainSteps = 0;
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
    this.rng = null;
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
    this.rng = rng;
    trainSteps = 0;
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
    this.rng = null;
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

  /** Test hook: the flat memory (scalars, vectors, row-major matrices). */
  double[] memory() {
    return m;
  }

  /** Test hook: runs Setup on the current memory, without wiping it first. */
  void runSetupOnCurrentMemory(CompiledAlgorithm algorithm, Rng rng) {
    this.rng = rng;
    run(algorithm.setupCode, algorithm.setupData, algorithm.setupLength);
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
    Arrays.fill(m, 0, memorySize, 0.0);
    run(algorithm.setupCode, algorithm.setupData, algorithm.setupLength);
  }

  /**
   * Trains {@code steps} steps from global position {@code position} (epoch = position / n).
   * Returns -1 on success, else the index (within this call) of the step that stopped early.
   */
  private int train(CompiledAlgorithm algorithm, LearningTask task, long position, int steps, double[] errors) {
    final double[] mem = m;
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
    int epoch = (int) (position / n);
    int at = (int) (position % n);
    int[] order = task.epochOrder(epoch);
    for (int step = 0; step < steps; step++) {
      trainSteps++;
      int example = order[at];
      int row = example * f;
      System.arraycopy(features, row, mem, featuresOffset, f);
      mem[MemoryShape.LABEL] = 0.0;
      run(pCode, pData, pLen);
      double prediction = mem[MemoryShape.PREDICTION];
      if (accuracy) {
        prediction = sigmoid(prediction);
        mem[MemoryShape.PREDICTION] = prediction;
      }
      double label = labels[example];
      double error = Math.abs(label - prediction);
      if (Double.isNaN(error) || error > maxAbsError) {
        return step;
      }
      if (errors != null) {
        errors[step] = error;
      }
      System.arraycopy(features, row, mem, featuresOffset, f);
      mem[MemoryShape.LABEL] = label;
      run(lCode, lData, lLen);
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
    final double[] mem = m;
    final double[] features = task.validFeatures();
    final double[] labels = task.validLabels();
    final int[] pCode = algorithm.predictCode;
    final double[] pData = algorithm.predictData;
    final int pLen = algorithm.predictLength;
    final boolean accuracy = task.evalType() == EvalType.ACCURACY;
    double loss = 0.0;
    for (int i = 0; i < count; i++) {
      System.arraycopy(features, i * f, mem, featuresOffset, f);
      mem[MemoryShape.LABEL] = 0.0;
      run(pCode, pData, pLen);
      double label = labels[i];
      double error;
      if (accuracy) {
        double p = sigmoid(mem[MemoryShape.PREDICTION]);
        if (p > 1.0 || p < 0.0) {
          error = Double.POSITIVE_INFINITY;
        } else {
          error = ((label > 0.5) == (p > 0.5)) ? 0.0 : 1.0;
        }
        loss += error;
      } else {
        error = label - mem[MemoryShape.PREDICTION];
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

  /** Runs {@code length} decoded instructions. */
  private void run(int[] code, double[] data, int length) {
    final double[] m = this.m;
    final int f = this.f;
    final int ff = this.ff;
    for (int pc = 0; pc < length; pc++) {
      final int base = pc * CompiledAlgorithm.STRIDE;
      final int a = code[base + 1];
      final int b = code[base + 2];
      final int c = code[base + 3];
      switch (code[base]) {
        case 0 -> { }
        case 1 -> m[c] = m[a] + m[b];
        case 2 -> m[c] = m[a] - m[b];
        case 3 -> m[c] = m[a] * m[b];
        case 4 -> m[c] = m[a] / m[b];
        case 5 -> m[c] = Math.abs(m[a]);
        case 6 -> m[c] = 1.0 / m[a];
        case 7 -> m[c] = Math.sin(m[a]);
        case 8 -> m[c] = Math.cos(m[a]);
        case 9 -> m[c] = Math.tan(m[a]);
        case 10 -> m[c] = Math.asin(m[a]);
        case 11 -> m[c] = Math.acos(m[a]);
        case 12 -> m[c] = Math.atan(m[a]);
        case 13 -> m[c] = Math.exp(m[a]);
        case 14 -> m[c] = Math.log(m[a]);
        case 15 -> m[c] = m[a] >= 0.0 ? 1.0 : 0.0;
        case 16 -> heaviside(m, a, c, f);
        case 17 -> heaviside(m, a, c, ff);
        case 18 -> {
          final double s = m[a];
          for (int i = 0; i < f; i++) {
            m[c + i] = m[b + i] * s;
          }
        }
        case 19 -> Arrays.fill(m, c, c + f, m[a]);
        case 20 -> reciprocal(m, a, c, f);
        case 21 -> m[c] = Math.sqrt(dot(m, a, a, f));
        case 22 -> abs(m, a, c, f);
        case 23 -> sum(m, a, b, c, f);
        case 24 -> diff(m, a, b, c, f);
        case 25 -> product(m, a, b, c, f);
        case 26 -> division(m, a, b, c, f);
        case 27 -> m[c] = dot(m, a, b, f);
        case 28 -> {
          for (int i = 0; i < f; i++) {
            final double u = m[a + i];
            final int row = c + i * f;
            for (int j = 0; j < f; j++) {
              m[row + j] = u * m[b + j];
            }
          }
        }
        case 29 -> {
          final double s = m[a];
          for (int i = 0; i < ff; i++) {
            m[c + i] = m[b + i] * s;
          }
        }
        case 30 -> reciprocal(m, a, c, ff);
        case 31 -> matrixVectorProduct(m, a, b, c);
        case 32 -> {
          for (int i = 0; i < f; i++) {
            Arrays.fill(m, c + i * f, c + i * f + f, m[a + i]);
          }
        }
        case 33 -> {
          for (int i = 0; i < f; i++) {
            System.arraycopy(m, a, m, c + i * f, f);
          }
        }
        case 34 -> m[c] = Math.sqrt(dot(m, a, a, ff));
        case 35 -> {
          for (int j = 0; j < f; j++) {
            double s = 0.0;
            for (int i = 0; i < f; i++) {
              final double x = m[a + i * f + j];
              s += x * x;
            }
            m[c + j] = Math.sqrt(s);
          }
        }
        case 36 -> {
          for (int i = 0; i < f; i++) {
            m[c + i] = Math.sqrt(dot(m, a + i * f, a + i * f, f));
          }
        }
        case 37 -> transpose(m, a, c);
        case 38 -> abs(m, a, c, ff);
        case 39 -> sum(m, a, b, c, ff);
        case 40 -> diff(m, a, b, c, ff);
        case 41 -> product(m, a, b, c, ff);
        case 42 -> division(m, a, b, c, ff);
        case 43 -> matrixMatrixProduct(m, a, b, c);
        case 44 -> m[c] = stdMin(m[a], m[b]);
        case 45 -> {
          for (int i = 0; i < f; i++) {
            m[c + i] = stdMin(m[a + i], m[b + i]);
          }
        }
        case 46 -> {
          for (int i = 0; i < ff; i++) {
            final double x = m[a + i];
            final double y = m[b + i];
            m[c + i] = x < y ? x : y;
          }
        }
        case 47 -> m[c] = stdMax(m[a], m[b]);
        case 48 -> {
          for (int i = 0; i < f; i++) {
            m[c + i] = stdMax(m[a + i], m[b + i]);
          }
        }
        case 49 -> {
          for (int i = 0; i < ff; i++) {
            final double x = m[a + i];
            final double y = m[b + i];
            m[c + i] = x > y ? x : y;
          }
        }
        case 50 -> m[c] = sumOf(m, a, f) / f;
        case 51 -> m[c] = sumOf(m, a, ff) / ff;
        case 52 -> {
          for (int i = 0; i < f; i++) {
            m[c + i] = sumOf(m, a + i * f, f) / f;
          }
        }
        case 53 -> {
          for (int i = 0; i < f; i++) {
            m[c + i] = stDev(m, a + i * f, f);
          }
        }
        case 54 -> m[c] = stDev(m, a, f);
        case 55 -> m[c] = stDev(m, a, ff);
        case 56, 57, 58 -> m[c] = data[pc * 2];
        case 59 -> m[c] = rng.uniform(data[pc * 2], data[pc * 2 + 1]);
        case 60 -> uniform(m, c, f, data[pc * 2], data[pc * 2 + 1]);
        case 61 -> uniform(m, c, ff, data[pc * 2], data[pc * 2 + 1]);
        case 62 -> m[c] = rng.gaussian(data[pc * 2], data[pc * 2 + 1]);
        case 63 -> gaussian(m, c, f, data[pc * 2], data[pc * 2 + 1]);
        case 64 -> gaussian(m, c, ff, data[pc * 2], data[pc * 2 + 1]);
        case CompiledAlgorithm.SKIP_DRAWS -> rng.skip(a);
        default -> throw new IllegalStateException("unknown op code " + code[base]);
      }
    }
  }

  // The original's scalar and vector min/max are std::min/std::max, whose NaN handling
  // depends on argument order; its matrix min/max are written out as a < b ? a : b.
  private static double stdMin(double x, double y) {
    return y < x ? y : x;
  }

  private static double stdMax(double x, double y) {
    return x < y ? y : x;
  }

  private static void heaviside(double[] m, int a, int c, int n) {
    for (int i = 0; i < n; i++) {
      m[c + i] = m[a + i] > 0.0 ? 1.0 : 0.0;
    }
  }

  private static void reciprocal(double[] m, int a, int c, int n) {
    for (int i = 0; i < n; i++) {
      m[c + i] = 1.0 / m[a + i];
    }
  }

  private static void abs(double[] m, int a, int c, int n) {
    for (int i = 0; i < n; i++) {
      m[c + i] = Math.abs(m[a + i]);
    }
  }

  private static void sum(double[] m, int a, int b, int c, int n) {
    for (int i = 0; i < n; i++) {
      m[c + i] = m[a + i] + m[b + i];
    }
  }

  private static void diff(double[] m, int a, int b, int c, int n) {
    for (int i = 0; i < n; i++) {
      m[c + i] = m[a + i] - m[b + i];
    }
  }

  private static void product(double[] m, int a, int b, int c, int n) {
    for (int i = 0; i < n; i++) {
      m[c + i] = m[a + i] * m[b + i];
    }
  }

  private static void division(double[] m, int a, int b, int c, int n) {
    for (int i = 0; i < n; i++) {
      m[c + i] = m[a + i] / m[b + i];
    }
  }

  private static double dot(double[] m, int a, int b, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      s += m[a + i] * m[b + i];
    }
    return s;
  }

  private static double sumOf(double[] m, int a, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      s += m[a + i];
    }
    return s;
  }

  private static double stDev(double[] m, int a, int n) {
    final double mean = sumOf(m, a, n) / n;
    return Math.sqrt(dot(m, a, a, n) / n - mean * mean);
  }

  private void uniform(double[] m, int c, int n, double low, double high) {
    final Rng r = rng;
    for (int i = 0; i < n; i++) {
      m[c + i] = r.uniform(low, high);
    }
  }

  private void gaussian(double[] m, int c, int n, double mean, double stdev) {
    final Rng r = rng;
    for (int i = 0; i < n; i++) {
      m[c + i] = r.gaussian(mean, stdev);
    }
  }

  /** out = M v; when out is v itself, the product goes through the scratch area first. */
  private void matrixVectorProduct(double[] m, int a, int b, int c) {
    final int f = this.f;
    final int target = c == b ? scratch : c;
    for (int i = 0; i < f; i++) {
      m[target + i] = dot(m, a + i * f, b, f);
    }
    if (target != c) {
      System.arraycopy(m, target, m, c, f);
    }
  }

  /** out = A B; when out aliases an input, the product goes through the scratch matrix first. */
  private void matrixMatrixProduct(double[] m, int a, int b, int c) {
    final int f = this.f;
    final int target = (c == a || c == b) ? scratch : c;
    for (int i = 0; i < f; i++) {
      final int rowA = a + i * f;
      final int rowOut = target + i * f;
      for (int j = 0; j < f; j++) {
        double s = 0.0;
        for (int k = 0; k < f; k++) {
          s += m[rowA + k] * m[b + k * f + j];
        }
        m[rowOut + j] = s;
      }
    }
    if (target != c) {
      System.arraycopy(m, target, m, c, ff);
    }
  }

  private void transpose(double[] m, int a, int c) {
    final int f = this.f;
    if (a == c) {
      for (int i = 0; i < f; i++) {
        for (int j = i + 1; j < f; j++) {
          final double t = m[a + i * f + j];
          m[a + i * f + j] = m[a + j * f + i];
          m[a + j * f + i] = t;
        }
      }
    } else {
      for (int i = 0; i < f; i++) {
        for (int j = 0; j < f; j++) {
          m[c + j * f + i] = m[a + i * f + j];
        }
      }
    }
  }
}
