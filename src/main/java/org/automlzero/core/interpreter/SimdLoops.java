package org.automlzero.core.interpreter;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loops of any length (used when {@link Simd#ENABLED}): the task batch's selects over
 * T x F entries, which as scalar code compile to a branch on a sign that looks random, and the
 * elementwise matrix ops that also tell whether they changed their output ({@link KnownMatrices}). Lanes over
 * entries, the remainder scalar; each entry is the scalar kernel's value, bit for bit. Uses the
 * species of {@link SimdKernels16} (one species per JVM).
 */
final class SimdLoops {
  private SimdLoops() {}

  private static final VectorSpecies<Double> S = SimdKernels16.S;
  private static final int L = S.length();

  /** out[i] = {@link Kernels#heaviside(double)} of x[i] for i below n. */
  static void heaviside(double[] x, double[] out, int n) {
    final DoubleVector zero = DoubleVector.zero(S);
    final DoubleVector one = DoubleVector.broadcast(S, 1.0);
    int i = 0;
    for (; i + L <= n; i += L) {
      zero.blend(one, zero.lt(DoubleVector.fromArray(S, x, i))).intoArray(out, i);
    }
    for (; i < n; i++) {
      out[i] = Kernels.heaviside(x[i]);
    }
  }

  /** out[i] = {@link Kernels#stdMin}(x[i], y[i]) for i below n. */
  static void min(double[] x, double[] y, double[] out, int n) {
    int i = 0;
    for (; i + L <= n; i += L) {
      final DoubleVector a = DoubleVector.fromArray(S, x, i);
      final DoubleVector b = DoubleVector.fromArray(S, y, i);
      a.blend(b, b.lt(a)).intoArray(out, i);
    }
    for (; i < n; i++) {
      out[i] = Kernels.stdMin(x[i], y[i]);
    }
  }

  /** out[i] = {@link Kernels#stdMax}(x[i], y[i]) for i below n. */
  static void max(double[] x, double[] y, double[] out, int n) {
    int i = 0;
    for (; i + L <= n; i += L) {
      final DoubleVector a = DoubleVector.fromArray(S, x, i);
      final DoubleVector b = DoubleVector.fromArray(S, y, i);
      a.blend(b, a.lt(b)).intoArray(out, i);
    }
    for (; i < n; i++) {
      out[i] = Kernels.stdMax(x[i], y[i]);
    }
  }

  /**
   * out[i] = x[i] op y[i] for i below n, op being {@code id}'s MATRIX_SUM, DIFF or PRODUCT; true
   * when some entry's raw bits changed.
   */
  static boolean elementwiseChanged(int id, double[] x, double[] y, double[] out, int n) {
    return switch (id) {
      case OpCodes.MATRIX_SUM -> changed(VectorOperators.ADD, id, x, y, out, n);
      case OpCodes.MATRIX_DIFF -> changed(VectorOperators.SUB, id, x, y, out, n);
      default -> changed(VectorOperators.MUL, id, x, y, out, n);
    };
  }

  /** The lanes of {@link #elementwiseChanged}; each call site passes a constant {@code op}, which the JIT folds. */
  private static boolean changed(VectorOperators.Binary op, int id, double[] x, double[] y, double[] out, int n) {
    LongVector d = DoubleVector.zero(S).reinterpretAsLongs();
    int i = 0;
    for (; i + L <= n; i += L) {
      final DoubleVector r = DoubleVector.fromArray(S, x, i).lanewise(op, DoubleVector.fromArray(S, y, i));
      d = d.or(r.reinterpretAsLongs().lanewise(VectorOperators.XOR, DoubleVector.fromArray(S, out, i).reinterpretAsLongs()));
      r.intoArray(out, i);
    }
    return d.reduceLanes(VectorOperators.OR) != 0 | Kernels.elementwiseChanged(id, x, y, out, i, n);
  }
}
