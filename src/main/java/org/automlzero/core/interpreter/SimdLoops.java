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
   * when some entry's raw bits changed. One loop per op, each naming its operation: a Vector API
   * operation given as a parameter compiles to the API's slow Java fallback whenever the JIT
   * does not inline the loop into a caller that passes a constant, and whether it does depends
   * on the profile the process has gathered (docs/benchmarks-engine.md, "JIT profile history").
   */
  static boolean elementwiseChanged(int id, double[] x, double[] y, double[] out, int n) {
    final int lanes = n - n % L;
    final boolean changed = switch (id) {
      case OpCodes.MATRIX_SUM -> sumChanged(x, y, out, lanes);
      case OpCodes.MATRIX_DIFF -> diffChanged(x, y, out, lanes);
      default -> productChanged(x, y, out, lanes);
    };
    return changed | Kernels.elementwiseChanged(id, x, y, out, lanes, n);
  }

  private static boolean sumChanged(double[] x, double[] y, double[] out, int lanes) {
    LongVector d = DoubleVector.zero(S).reinterpretAsLongs();
    for (int i = 0; i < lanes; i += L) {
      final DoubleVector r = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, y, i));
      d = d.or(r.reinterpretAsLongs().lanewise(VectorOperators.XOR, DoubleVector.fromArray(S, out, i).reinterpretAsLongs()));
      r.intoArray(out, i);
    }
    return d.reduceLanes(VectorOperators.OR) != 0;
  }

  private static boolean diffChanged(double[] x, double[] y, double[] out, int lanes) {
    LongVector d = DoubleVector.zero(S).reinterpretAsLongs();
    for (int i = 0; i < lanes; i += L) {
      final DoubleVector r = DoubleVector.fromArray(S, x, i).sub(DoubleVector.fromArray(S, y, i));
      d = d.or(r.reinterpretAsLongs().lanewise(VectorOperators.XOR, DoubleVector.fromArray(S, out, i).reinterpretAsLongs()));
      r.intoArray(out, i);
    }
    return d.reduceLanes(VectorOperators.OR) != 0;
  }

  private static boolean productChanged(double[] x, double[] y, double[] out, int lanes) {
    LongVector d = DoubleVector.zero(S).reinterpretAsLongs();
    for (int i = 0; i < lanes; i += L) {
      final DoubleVector r = DoubleVector.fromArray(S, x, i).mul(DoubleVector.fromArray(S, y, i));
      d = d.or(r.reinterpretAsLongs().lanewise(VectorOperators.XOR, DoubleVector.fromArray(S, out, i).reinterpretAsLongs()));
      r.intoArray(out, i);
    }
    return d.reduceLanes(VectorOperators.OR) != 0;
  }
}
