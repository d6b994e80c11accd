package org.automlzero.core.interpreter;

import static org.automlzero.core.interpreter.OpCodes.*;

import java.util.Arrays;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;

/**
 * Runs one compiled algorithm on several tasks in one pass: every Predict and Learn
 * instruction is decoded once per step and applied to all tasks, whose memories sit side by
 * side (scalar address a of task t at {@code s[a][t]}, vector entry i at {@code v[a][t*F+i]},
 * matrix entry k at {@code m[a][t*F*F+k]}). Elementwise loops then run over T x F entries (long
 * enough for the JIT to vectorise), and the per-task sums of dot and matrix-vector products are
 * independent chains the CPU overlaps. Each task's arithmetic is exactly the single-task
 * interpreter's (same operations in the same order), so fitnesses are bit-identical.
 *
 * <p>It covers the common case ({@link #supports}): tasks of the same shape and F < 64, one epoch (at most
 * one validation, so a task whose validation stops early has nothing left to run), and Predict
 * and Learn of the ops below (the baseline's, plus a few), none random. Setup runs per task on
 * the single-task interpreter. A task that stops early keeps computing in its slot, unread.
 */
public final class TaskBatchInterpreter {
  private final MemoryShape shape;
  private final double maxAbsError;
  private final int f;
  private final int ff;
  private final Interpreter single;
  private int capacity;
  private double[][] s;
  private double[][] v;
  private double[][] mt;
  private final double[] scratchVector;
  private long exampleSteps;

  public TaskBatchInterpreter(MemoryShape shape, double maxAbsError) {
    this.shape = shape;
    this.maxAbsError = maxAbsError;
    this.f = shape.features();
    this.ff = f * f;
    this.single = new Interpreter(shape, maxAbsError);
    this.scratchVector = new double[f];
  }

  /** Base op ids the batch runs in Predict and Learn. */
  private static boolean supportedOp(int code) {
    int id = code >= F4_OFFSET ? code % 100 : code;
    return switch (id) {
      case SCALAR_SUM, SCALAR_DIFF, SCALAR_PRODUCT, VECTOR_HEAVYSIDE, SCALAR_VECTOR_PRODUCT, VECTOR_SUM, VECTOR_DIFF, VECTOR_PRODUCT, VECTOR_INNER_PRODUCT, VECTOR_OUTER_PRODUCT, MATRIX_VECTOR_PRODUCT, MATRIX_SUM, VECTOR_MIN, VECTOR_MAX, SCALAR_CONST_SET -> code != SKIP_DRAWS;
      default -> false;
    };
  }

  /**
   * How many tasks to run together: up to 16 when Predict and Learn touch no matrix; else 1 (no
   * batch). Measured: with matrices each step streams through every task's F x F entries, and
   * the batch ran the hand-coded neural net slower than the single-task F-specialised kernels.
   */
  public static int batchSize(CompiledAlgorithm algorithm) {
    return touchesMatrices(algorithm.predictCode) || touchesMatrices(algorithm.learnCode) ? 1 : 16;
  }

  private static boolean touchesMatrices(int[] code) {
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      int id = code[base] >= F4_OFFSET ? code[base] % 100 : code[base];
      if (id == VECTOR_OUTER_PRODUCT || id == MATRIX_VECTOR_PRODUCT || id == MATRIX_SUM) {
        return true;
      }
    }
    return false;
  }

  private static boolean supportedCode(int[] code) {
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      if (!supportedOp(code[base])) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when {@link #execute} can run this algorithm on these tasks with this train count:
   * the same F, sizes and eval type, at most one epoch of training, supported Predict/Learn ops.
   */
  public static boolean supports(CompiledAlgorithm algorithm, LearningTask[] tasks, long numTrainExamples) {
    if (tasks.length < 2 || tasks[0].features() >= 64 || !supportedCode(algorithm.predictCode) || !supportedCode(algorithm.learnCode)) {
      return false;
    }
    LearningTask first = tasks[0];
    for (LearningTask t : tasks) {
      if (t.features() != first.features() || t.numTrain() != first.numTrain() || t.numValid() != first.numValid()
          || t.evalType() != first.evalType() || t.epochs() != first.epochs()) {
        return false;
      }
    }
    long all = Math.min(numTrainExamples, first.maxTrainExamples());
    return all <= first.numTrain();
  }

  /**
   * Per-task fitness into {@code out}, exactly {@link Interpreter#execute} for each task with its
   * own rng (callers check {@link #supports} first).
   */
  public void execute(CompiledAlgorithm algorithm, LearningTask[] tasks, long numTrainExamples, Rng[] rngs,
      double[] out) {
    if (!supports(algorithm, tasks, numTrainExamples)) {
      throw new IllegalArgumentException("this algorithm and task list cannot run as one batch");
    }
    if (!algorithm.shape.equals(shape) || tasks[0].features() != f) {
      throw new IllegalArgumentException("algorithm compiled for " + algorithm.shape + " or tasks of F="
          + tasks[0].features() + " do not fit a batch interpreter for " + shape);
    }
    if (numTrainExamples < 0) {
      throw new IllegalArgumentException("number of train examples must be >= 0, but was " + numTrainExamples);
    }
    final int tn = tasks.length;
    exampleSteps = 0;
    ensureCapacity(tn);
    for (int t = 0; t < tn; t++) {
      single.runSetup(algorithm, rngs[t]);
      double[] ss = single.scalars();
      for (int a = 0; a < ss.length; a++) {
        s[a][t] = ss[a];
      }
      double[][] sv = single.vectors();
      for (int a = 0; a < sv.length; a++) {
        System.arraycopy(sv[a], 0, v[a], t * f, f);
      }
      double[][] sm = single.matrices();
      for (int a = 0; a < sm.length; a++) {
        System.arraycopy(sm[a], 0, mt[a], t * ff, ff);
      }
    }
    final long all = Math.min(numTrainExamples, tasks[0].maxTrainExamples());
    if (all <= 0) {
      Arrays.fill(out, 0, tn, 0.0);
      return;
    }
    boolean[] alive = new boolean[tn];
    Arrays.fill(alive, true);
    int living = train(algorithm, tasks, (int) all, alive);
    for (int t = 0; t < tn; t++) {
      out[t] = 0.0; // stopped in the first epoch
    }
    if (living > 0) {
      validate(algorithm, tasks, alive, out);
    }
  }

  /** Train plus validation steps of all tasks in the last {@link #execute} (as the single-task counters). */
  public long lastExampleSteps() {
    return exampleSteps;
  }

  private void ensureCapacity(int tn) {
    if (tn <= capacity) {
      return;
    }
    capacity = tn;
    s = new double[shape.scalars()][tn];
    v = new double[shape.vectors()][tn * f];
    mt = new double[shape.matrices()][tn * ff];
  }

  /** Trains every task {@code steps} steps of epoch 0; marks stopped tasks; returns how many live. */
  private int train(CompiledAlgorithm algorithm, LearningTask[] tasks, int steps, boolean[] alive) {
    final int tn = tasks.length;
    final double[] label0 = s[MemoryShape.LABEL];
    final double[] prediction1 = s[MemoryShape.PREDICTION];
    final double[] x = v[MemoryShape.FEATURES];
    final boolean accuracy = tasks[0].evalType() == EvalType.ACCURACY;
    final boolean readsFeatures = algorithm.readsFeatures;
    final boolean reload = algorithm.predictWritesFeatures && readsFeatures;
    final boolean lazySigmoid = !algorithm.learnReadsPrediction && maxAbsError >= 1.0;
    final boolean learn = algorithm.learnCode.length > 0;
    final boolean idle = algorithm.predictCode.length == 0 && !learn;
    final boolean[] fixedPoint = new boolean[tn];
    final int[][] orders = new int[tn][];
    final double[][] features = new double[tn][];
    final double[][] labels = new double[tn][];
    for (int t = 0; t < tn; t++) {
      orders[t] = tasks[t].epochOrder(0);
      features[t] = tasks[t].trainFeatures();
      labels[t] = tasks[t].trainLabels();
    }
    int living = tn;
    for (int step = 0; step < steps; step++) {
      if (readsFeatures) {
        for (int t = 0; t < tn; t++) {
          System.arraycopy(features[t], orders[t][step] * f, x, t * f, f);
        }
      }
      Arrays.fill(label0, 0, tn, 0.0);
      run(algorithm.predictCode, algorithm.predictData, tn);
      exampleSteps += living;
      for (int t = 0; t < tn; t++) {
        if (!alive[t]) {
          continue;
        }
        double label = labels[t][orders[t][step]];
        double prediction = prediction1[t];
        boolean stop;
        if (accuracy && lazySigmoid && label >= 0.0 && label <= 1.0) {
          stop = Double.isNaN(prediction);
        } else {
          if (accuracy && !fixedPoint[t]) {
            double p = Interpreter.sigmoid(prediction);
            // As Interpreter.train: with no Predict/Learn code s1 stays put once sigmoid(s1) = s1.
            fixedPoint[t] = idle && Double.doubleToRawLongBits(p) == Double.doubleToRawLongBits(prediction);
            prediction = p;
            prediction1[t] = prediction;
          }
          double error = Math.abs(label - prediction);
          stop = Double.isNaN(error) || error > maxAbsError;
        }
        if (stop) {
          alive[t] = false;
          living--;
        }
        label0[t] = label;
      }
      if (living == 0) {
        return 0;
      }
      if (reload) {
        for (int t = 0; t < tn; t++) {
          System.arraycopy(features[t], orders[t][step] * f, x, t * f, f);
        }
      }
      if (learn) {
        run(algorithm.learnCode, algorithm.learnData, tn);
      }
    }
    return living;
  }

  /** Validates the live tasks on all their validation examples (Interpreter.validate per task). */
  private void validate(CompiledAlgorithm algorithm, LearningTask[] tasks, boolean[] alive, double[] out) {
    final int tn = tasks.length;
    final double[] label0 = s[MemoryShape.LABEL];
    final double[] prediction1 = s[MemoryShape.PREDICTION];
    final double[] x = v[MemoryShape.FEATURES];
    final boolean accuracy = tasks[0].evalType() == EvalType.ACCURACY;
    final boolean readsFeatures = algorithm.readsFeatures;
    final int count = tasks[0].numValid();
    final double[] loss = new double[tn];
    final boolean[] open = alive.clone();
    int opened = 0;
    for (boolean o : open) {
      opened += o ? 1 : 0;
    }
    for (int i = 0; i < count && opened > 0; i++) {
      if (readsFeatures) {
        for (int t = 0; t < tn; t++) {
          System.arraycopy(tasks[t].validFeatures(), i * f, x, t * f, f);
        }
      }
      Arrays.fill(label0, 0, tn, 0.0);
      run(algorithm.predictCode, algorithm.predictData, tn);
      exampleSteps += opened;
      for (int t = 0; t < tn; t++) {
        if (!open[t]) {
          continue;
        }
        double label = tasks[t].validLabels()[i];
        double error;
        boolean fail = false;
        if (accuracy) {
          double logit = prediction1[t];
          boolean positive;
          if (logit > 1e-3) {
            positive = true;
          } else if (logit < -1e-3) {
            positive = false;
          } else {
            double p = Interpreter.sigmoid(logit);
            if (p > 1.0 || p < 0.0) {
              fail = true;
            }
            positive = p > 0.5;
          }
          error = ((label > 0.5) == positive) ? 0.0 : 1.0;
        } else {
          error = label - prediction1[t];
        }
        double absError = Math.abs(error);
        if (fail || Double.isNaN(absError) || absError > maxAbsError) {
          open[t] = false;
          opened--;
          loss[t] = Double.NaN; // validation fitness 0
          continue;
        }
        loss[t] += accuracy ? error : error * error;
      }
    }
    for (int t = 0; t < tn; t++) {
      if (!alive[t] || !open[t]) {
        out[t] = 0.0;
        continue;
      }
      double l = loss[t] / tasks[t].numValid();
      double fitness = accuracy ? 1.0 - l : Interpreter.flipAndSquash(Math.sqrt(l));
      out[t] = Math.max(0.0, fitness);
    }
  }

  /** Runs decoded Predict or Learn code on all {@code tn} tasks. */
  private void run(int[] code, double[] data, int tn) {
    final double[][] s = this.s;
    final double[][] v = this.v;
    final double[][] mt = this.mt;
    final int f = this.f;
    final int ff = this.ff;
    final int vn = tn * f;
    final int mn = tn * ff;
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      final int a = code[base + 1];
      final int b = code[base + 2];
      final int c = code[base + 3];
      final int op = code[base];
      switch (op >= F4_OFFSET ? op % 100 : op) {
        case SCALAR_SUM -> {
          final double[] x = s[a];
          final double[] y = s[b];
          final double[] o = s[c];
          for (int t = 0; t < tn; t++) {
            o[t] = x[t] + y[t];
          }
        }
        case SCALAR_DIFF -> {
          final double[] x = s[a];
          final double[] y = s[b];
          final double[] o = s[c];
          for (int t = 0; t < tn; t++) {
            o[t] = x[t] - y[t];
          }
        }
        case SCALAR_PRODUCT -> {
          final double[] x = s[a];
          final double[] y = s[b];
          final double[] o = s[c];
          for (int t = 0; t < tn; t++) {
            o[t] = x[t] * y[t];
          }
        }
        case VECTOR_HEAVYSIDE -> {
          final double[] x = v[a];
          final double[] o = v[c];
          if (Simd.ENABLED) {
            SimdLoops.heaviside(x, o, vn);
            continue;
          }
          for (int i = 0; i < vn; i++) {
            o[i] = Kernels.heaviside(x[i]);
          }
        }
        case SCALAR_VECTOR_PRODUCT -> {
          final double[] k = s[a];
          final double[] x = v[b];
          final double[] o = v[c];
          for (int t = 0; t < tn; t++) {
            final double kt = k[t];
            final int from = t * f;
            for (int i = from; i < from + f; i++) {
              o[i] = x[i] * kt;
            }
          }
        }
        case VECTOR_SUM -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = v[c];
          for (int i = 0; i < vn; i++) {
            o[i] = x[i] + y[i];
          }
        }
        case VECTOR_DIFF -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = v[c];
          for (int i = 0; i < vn; i++) {
            o[i] = x[i] - y[i];
          }
        }
        case VECTOR_PRODUCT -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = v[c];
          for (int i = 0; i < vn; i++) {
            o[i] = x[i] * y[i];
          }
        }
        case VECTOR_INNER_PRODUCT -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = s[c];
          switch (f) {
            case 8 -> {
              for (int t = 0; t < tn; t++) {
                o[t] = Kernels8.dot(x, t * 8, y, t * 8);
              }
            }
            case 16 -> {
              for (int t = 0; t < tn; t++) {
                o[t] = Kernels16.dot(x, t * 16, y, t * 16);
              }
            }
            case 32 -> {
              for (int t = 0; t < tn; t++) {
                o[t] = Kernels32.dot(x, t * 32, y, t * 32);
              }
            }
            default -> {
              for (int t = 0; t < tn; t++) {
                final int from = t * f;
                double sum = 0.0;
                for (int i = from; i < from + f; i++) {
                  sum += x[i] * y[i];
                }
                o[t] = sum;
              }
            }
          }
        }
        case VECTOR_OUTER_PRODUCT -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = mt[c];
          if (f == 16) {
            for (int t = 0; t < tn; t++) {
              Kernels16.outer(x, t * 16, y, t * 16, o, t * 256);
            }
            continue;
          }
          // Column-major (Interpreter#matrices): column j of task t is x times y[j].
          for (int t = 0; t < tn; t++) {
            final int xf = t * f;
            final int of = t * ff;
            for (int j = 0; j < f; j++) {
              final double yj = y[xf + j];
              final int column = of + j * f;
              for (int i = 0; i < f; i++) {
                o[column + i] = x[xf + i] * yj;
              }
            }
          }
        }
        case MATRIX_VECTOR_PRODUCT -> {
          final double[] m = mt[a];
          final double[] x = v[b];
          final double[] o = v[c];
          for (int t = 0; t < tn; t++) {
            matrixVectorProduct(m, t * ff, x, o, t * f);
          }
        }
        case MATRIX_SUM -> {
          final double[] x = mt[a];
          final double[] y = mt[b];
          final double[] o = mt[c];
          for (int i = 0; i < mn; i++) {
            o[i] = x[i] + y[i];
          }
        }
        case VECTOR_MIN -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = v[c];
          if (Simd.ENABLED) {
            SimdLoops.min(x, y, o, vn);
            continue;
          }
          for (int i = 0; i < vn; i++) {
            o[i] = Kernels.stdMin(x[i], y[i]);
          }
        }
        case VECTOR_MAX -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = v[c];
          if (Simd.ENABLED) {
            SimdLoops.max(x, y, o, vn);
            continue;
          }
          for (int i = 0; i < vn; i++) {
            o[i] = Kernels.stdMax(x[i], y[i]);
          }
        }
        case SCALAR_CONST_SET -> Arrays.fill(s[c], 0, tn, data[(base >> 2) * 2]);
        default -> throw new IllegalStateException("op code " + op + " is not supported in a task batch");
      }
    }
  }

  /**
   * One task's out = M x (matrix at {@code mFrom}, vectors at {@code from}): each row summed
   * sequentially over j from +0.0 as in the single-task kernels; through the scratch vector
   * when out is x.
   */
  private void matrixVectorProduct(double[] m, int mFrom, double[] x, double[] out, int from) {
    final int f = this.f;
    final double[] target = out == x ? scratchVector : out;
    final int to = out == x ? 0 : from;
    switch (f) {
      case 8 -> Kernels8.matrixVectorProduct(m, mFrom, x, from, target, to);
      case 16 -> Kernels16.matrixVectorProduct(m, mFrom, x, from, target, to);
      case 32 -> Kernels32.matrixVectorProduct(m, mFrom, x, from, target, to);
      default -> generic(m, mFrom, x, target, from, to);
    }
    if (target != out) {
      System.arraycopy(target, 0, out, from, f);
    }
  }

  /** The generic column-major product (Kernels#matrixVectorProduct) at offsets; target is not x. */
  private void generic(double[] m, int mFrom, double[] x, double[] target, int from, int to) {
    final int f = this.f;
    for (int r = 0; r < f; r++) {
      target[to + r] = 0.0;
    }
    for (int c = 0; c < f; c++) {
      final double xc = x[from + c];
      final int column = mFrom + c * f;
      for (int r = 0; r < f; r++) {
        target[to + r] += m[column + r] * xc;
      }
    }
  }
}
