package org.automlzero.core.interpreter;

/**
 * Vector and matrix kernels for F = 16 (N entries per vector, NN per matrix, column-major as in
 * {@link Interpreter#matrices()}). Every loop bound is a compile-time constant, so the JIT
 * unrolls the short loops without the alignment and tail loops a variable bound needs. Each
 * kernel computes exactly what the interpreter's generic kernel computes (same operations in
 * the same order), so results are bit-identical. When {@link Simd#ENABLED}, the elementwise,
 * outer and matrix-vector kernels run their {@link SimdKernels16} bodies instead (same
 * results). Kernels8 and Kernels32 are this file with N changed (scripts/kernels.sh writes
 * them; do not edit them by hand).
 */
final class Kernels16 {
  private Kernels16() {}

  static final int N = 16;
  static final int NN = N * N;

  static void heaviside(double[] x, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.heaviside(x, out);
      return;
    }
    for (int i = 0; i < N; i++) {
      out[i] = Kernels.heaviside(x[i]);
    }
  }

  static void matrixHeaviside(double[] x, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.matrixHeaviside(x, out);
      return;
    }
    for (int i = 0; i < NN; i++) {
      out[i] = Kernels.heaviside(x[i]);
    }
  }

  static void scale(double k, double[] x, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.scale(k, x, out);
      return;
    }
    for (int i = 0; i < N; i++) {
      out[i] = x[i] * k;
    }
  }

  static void matrixScale(double k, double[] x, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.matrixScale(k, x, out);
      return;
    }
    for (int i = 0; i < NN; i++) {
      out[i] = x[i] * k;
    }
  }

  static void reciprocal(double[] x, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.reciprocal(x, out);
      return;
    }
    for (int i = 0; i < N; i++) {
      out[i] = 1.0 / x[i];
    }
  }

  static void abs(double[] x, double[] out) {
    for (int i = 0; i < N; i++) {
      out[i] = Math.abs(x[i]);
    }
  }

  static void sum(double[] x, double[] y, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.sum(x, y, out);
      return;
    }
    for (int i = 0; i < N; i++) {
      out[i] = x[i] + y[i];
    }
  }

  static void matrixSum(double[] x, double[] y, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.matrixSum(x, y, out);
      return;
    }
    for (int i = 0; i < NN; i++) {
      out[i] = x[i] + y[i];
    }
  }

  static void diff(double[] x, double[] y, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.diff(x, y, out);
      return;
    }
    for (int i = 0; i < N; i++) {
      out[i] = x[i] - y[i];
    }
  }

  static void matrixDiff(double[] x, double[] y, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.matrixDiff(x, y, out);
      return;
    }
    for (int i = 0; i < NN; i++) {
      out[i] = x[i] - y[i];
    }
  }

  static void product(double[] x, double[] y, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.product(x, y, out);
      return;
    }
    for (int i = 0; i < N; i++) {
      out[i] = x[i] * y[i];
    }
  }

  static void matrixProduct(double[] x, double[] y, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.matrixProduct(x, y, out);
      return;
    }
    for (int i = 0; i < NN; i++) {
      out[i] = x[i] * y[i];
    }
  }

  static void division(double[] x, double[] y, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.division(x, y, out);
      return;
    }
    for (int i = 0; i < N; i++) {
      out[i] = x[i] / y[i];
    }
  }

  static void min(double[] x, double[] y, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.min(x, y, out);
      return;
    }
    for (int i = 0; i < N; i++) {
      out[i] = Kernels.stdMin(x[i], y[i]);
    }
  }

  static void max(double[] x, double[] y, double[] out) {
    if (Simd.ENABLED) {
      SimdKernels16.max(x, y, out);
      return;
    }
    for (int i = 0; i < N; i++) {
      out[i] = Kernels.stdMax(x[i], y[i]);
    }
  }

  /** Sequential sum from +0.0, as the generic dot below 64 entries. */
  static double dot(double[] x, double[] y) {
    return dot(x, 0, y, 0);
  }

  /** {@link #dot(double[], double[])} of x[xFrom..xFrom+N) and y[yFrom..yFrom+N). */
  static double dot(double[] x, int xFrom, double[] y, int yFrom) {
    double sum = 0.0;
    for (int i = 0; i < N; i++) {
      sum += x[xFrom + i] * y[yFrom + i];
    }
    return sum;
  }

  static double mean(double[] x) {
    double sum = 0.0;
    for (int i = 0; i < N; i++) {
      sum += x[i];
    }
    return sum / N;
  }

  static double stDev(double[] x) {
    final double mean = mean(x);
    return Math.sqrt(dot(x, x) / N - mean * mean);
  }

  /** out = x y^T, column by column (entry x[i] * y[j], as the generic kernel). */
  static void outer(double[] x, double[] y, double[] out) {
    outer(x, 0, y, 0, out, 0);
  }

  /** {@link #outer(double[], double[], double[])} of vectors and a matrix at offsets. */
  static void outer(double[] x, int xFrom, double[] y, int yFrom, double[] out, int outFrom) {
    if (Simd.ENABLED) {
      SimdKernels16.outer(x, xFrom, y, yFrom, out, outFrom);
      return;
    }
    for (int j = 0; j < N; j++) {
      final double yj = y[yFrom + j];
      final int column = outFrom + j * N;
      for (int i = 0; i < N; i++) {
        out[column + i] = x[xFrom + i] * yj;
      }
    }
  }

  /** {@link Kernels#outerSum}: out = z + x y^T (x y^T + z when outerFirst), column by column. */
  static void outerSum(double[] x, double[] y, double[] z, double[] out, boolean outerFirst) {
    if (Simd.ENABLED) {
      SimdKernels16.outerSum(x, y, z, out, outerFirst);
      return;
    }
    for (int j = 0; j < N; j++) {
      final double yj = y[j];
      final int column = j * N;
      if (outerFirst) {
        for (int i = 0; i < N; i++) {
          out[column + i] = x[i] * yj + z[column + i];
        }
      } else {
        for (int i = 0; i < N; i++) {
          out[column + i] = z[column + i] + x[i] * yj;
        }
      }
    }
  }

  /**
   * target = M x, each row summed sequentially over the columns from +0.0 (as the generic
   * kernel), 16 (or for N = 8, 8) rows at a time so that the rows' dependency chains overlap.
   * target must not be x (the interpreter passes its scratch vector then).
   */
  static void matrixVectorProduct(double[] m, double[] x, double[] target) {
    matrixVectorProduct(m, 0, x, 0, target, 0);
  }

  /** The same for a matrix at {@code mFrom} and vectors at {@code xFrom} and {@code to}. */
  static void matrixVectorProduct(double[] m, int mFrom, double[] x, int xFrom, double[] target, int to) {
    if (Simd.ENABLED) {
      SimdKernels16.matrixVectorProduct(m, mFrom, x, xFrom, target, to);
      return;
    }
    if (N >= 16) {
      for (int h = 0; h < N; h += 16) {
        final int r = mFrom + h;
        double a0 = 0.0;
        double a1 = 0.0;
        double a2 = 0.0;
        double a3 = 0.0;
        double a4 = 0.0;
        double a5 = 0.0;
        double a6 = 0.0;
        double a7 = 0.0;
        double a8 = 0.0;
        double a9 = 0.0;
        double a10 = 0.0;
        double a11 = 0.0;
        double a12 = 0.0;
        double a13 = 0.0;
        double a14 = 0.0;
        double a15 = 0.0;
        for (int j = 0; j < N; j++) {
          final double xj = x[xFrom + j];
          final int o = r + j * N;
          a0 += m[o] * xj;
          a1 += m[o + 1] * xj;
          a2 += m[o + 2] * xj;
          a3 += m[o + 3] * xj;
          a4 += m[o + 4] * xj;
          a5 += m[o + 5] * xj;
          a6 += m[o + 6] * xj;
          a7 += m[o + 7] * xj;
          a8 += m[o + 8] * xj;
          a9 += m[o + 9] * xj;
          a10 += m[o + 10] * xj;
          a11 += m[o + 11] * xj;
          a12 += m[o + 12] * xj;
          a13 += m[o + 13] * xj;
          a14 += m[o + 14] * xj;
          a15 += m[o + 15] * xj;
        }
        target[to + h] = a0;
        target[to + h + 1] = a1;
        target[to + h + 2] = a2;
        target[to + h + 3] = a3;
        target[to + h + 4] = a4;
        target[to + h + 5] = a5;
        target[to + h + 6] = a6;
        target[to + h + 7] = a7;
        target[to + h + 8] = a8;
        target[to + h + 9] = a9;
        target[to + h + 10] = a10;
        target[to + h + 11] = a11;
        target[to + h + 12] = a12;
        target[to + h + 13] = a13;
        target[to + h + 14] = a14;
        target[to + h + 15] = a15;
      }
    } else {
      for (int h = 0; h < N; h += 8) {
        final int r = mFrom + h;
        double a0 = 0.0;
        double a1 = 0.0;
        double a2 = 0.0;
        double a3 = 0.0;
        double a4 = 0.0;
        double a5 = 0.0;
        double a6 = 0.0;
        double a7 = 0.0;
        for (int j = 0; j < N; j++) {
          final double xj = x[xFrom + j];
          final int o = r + j * N;
          a0 += m[o] * xj;
          a1 += m[o + 1] * xj;
          a2 += m[o + 2] * xj;
          a3 += m[o + 3] * xj;
          a4 += m[o + 4] * xj;
          a5 += m[o + 5] * xj;
          a6 += m[o + 6] * xj;
          a7 += m[o + 7] * xj;
        }
        target[to + h] = a0;
        target[to + h + 1] = a1;
        target[to + h + 2] = a2;
        target[to + h + 3] = a3;
        target[to + h + 4] = a4;
        target[to + h + 5] = a5;
        target[to + h + 6] = a6;
        target[to + h + 7] = a7;
      }
    }
  }
}
