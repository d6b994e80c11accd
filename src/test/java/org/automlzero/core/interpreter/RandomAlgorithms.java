package org.automlzero.core.interpreter;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;

/** Random algorithms, shapes and tasks for property tests. */
final class RandomAlgorithms {
  private RandomAlgorithms() {}

  static MemoryShape randomShape(Rng rng) {
    return new MemoryShape(2 + rng.nextInt(6), 1 + rng.nextInt(5), rng.nextInt(4), 1 + rng.nextInt(6));
  }

  static List<Op> supportedOps(MemoryShape shape) {
    List<Op> ops = new ArrayList<>();
    for (Op op : Op.values()) {
      if (shape.supports(op)) {
        ops.add(op);
      }
    }
    return ops;
  }

  static Algorithm randomAlgorithm(MemoryShape shape, List<Op> ops, int setup, int predict, int learn, Rng rng) {
    return new Algorithm(instructions(shape, ops, setup, rng), instructions(shape, ops, predict, rng),
        instructions(shape, ops, learn, rng));
  }

  static List<Instruction> instructions(MemoryShape shape, List<Op> ops, int n, Rng rng) {
    List<Instruction> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(Instruction.random(ops.get(rng.nextInt(ops.size())), shape, rng));
    }
    return list;
  }

  /** A small task with gaussian features; labels linear (RMS_ERROR) or 0/1 (ACCURACY). */
  static LearningTask randomTask(int features, int numTrain, int numValid, int epochs, EvalType evalType, Rng rng) {
    double[] w = new double[features];
    for (int j = 0; j < features; j++) {
      w[j] = rng.gaussian(0, 1);
    }
    double[] trainX = new double[numTrain * features];
    double[] trainY = new double[numTrain];
    double[] validX = new double[numValid * features];
    double[] validY = new double[numValid];
    fill(trainX, trainY, w, features, evalType, rng);
    fill(validX, validY, w, features, evalType, rng);
    return new LearningTask(0, evalType, features, trainX, trainY, validX, validY, epochs, rng.nextLong(), 0);
  }

  private static void fill(double[] x, double[] y, double[] w, int f, EvalType evalType, Rng rng) {
    for (int e = 0; e < y.length; e++) {
      double s = 0;
      for (int j = 0; j < f; j++) {
        x[e * f + j] = rng.gaussian(0, 1);
        s += w[j] * x[e * f + j];
      }
      y[e] = evalType == EvalType.ACCURACY ? (s > 0 ? 1.0 : 0.0) : s;
    }
  }
}
