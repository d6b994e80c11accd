package org.automlzero.core.interpreter;

import java.util.Arrays;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;

/**
 * Runs one compiled algorithm on several tasks in one pass: the episodes (train steps in each
 * task's own order, then validation) of {@link Interpreter}, with every Predict and Learn
 * instruction decoded once per step and applied to all tasks, whose memories sit side by side
 * in a {@link BatchMachine}. Each task's arithmetic is exactly the single-task interpreter's
 * (same operations in the same order), so fitnesses are bit-identical.
 *
 * <p>It covers the common case ({@link TaskBatchCoverage}). Setup runs per task on the
 * single-task interpreter. A task that stops early keeps computing in its slot, unread.
 */
public final class TaskBatchInterpreter {
  private final MemoryShape shape;
  private final double maxAbsError;
  private final int f;
  private final Interpreter single;
  private final BatchMachine machine;
  private long exampleSteps;

  public TaskBatchInterpreter(MemoryShape shape, double maxAbsError) {
    this.shape = shape;
    this.maxAbsError = maxAbsError;
    this.f = shape.features();
    this.single = new Interpreter(shape, maxAbsError);
    this.machine = new BatchMachine(shape);
  }

  /**
   * Per-task fitness into {@code out}, exactly {@link Interpreter#execute} for each task with its
   * own rng (callers check {@link TaskBatchCoverage#supports} first).
   */
  public void execute(CompiledAlgorithm algorithm, LearningTask[] tasks, long numTrainExamples, Rng[] rngs,
      double[] out) {
    if (!TaskBatchCoverage.supports(algorithm, tasks, numTrainExamples)) {
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
    machine.ensureCapacity(tn);
    for (int t = 0; t < tn; t++) {
      single.runSetup(algorithm, rngs[t]);
      machine.load(t, single);
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

  /** Trains every task {@code steps} steps of epoch 0; marks stopped tasks; returns how many live. */
  private int train(CompiledAlgorithm algorithm, LearningTask[] tasks, int steps, boolean[] alive) {
    final int tn = tasks.length;
    final double[] label0 = machine.s[MemoryShape.LABEL];
    final double[] prediction1 = machine.s[MemoryShape.PREDICTION];
    final double[] x = machine.v[MemoryShape.FEATURES];
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
      machine.run(algorithm.predictCode, algorithm.predictData, tn);
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
        machine.run(algorithm.learnCode, algorithm.learnData, tn);
      }
    }
    return living;
  }

  /** Validates the live tasks on all their validation examples (Interpreter.validate per task). */
  private void validate(CompiledAlgorithm algorithm, LearningTask[] tasks, boolean[] alive, double[] out) {
    final int tn = tasks.length;
    final double[] label0 = machine.s[MemoryShape.LABEL];
    final double[] prediction1 = machine.s[MemoryShape.PREDICTION];
    final double[] x = machine.v[MemoryShape.FEATURES];
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
      machine.run(algorithm.predictCode, algorithm.predictData, tn);
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
}
