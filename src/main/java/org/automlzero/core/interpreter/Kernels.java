package org.automlzero.core.interpreter;

import org.automlzero.core.random.Rng;

/**
 * The generic kernels of the ops, for any F: what each op computes, one static method per
 * shape of loop. The interpreter's dispatch ({@link Machine}) calls them; {@link Kernels8},
 * {@link Kernels16} and {@link Kernels32} are the same loops with constant bounds, and give the
 * same results bit for bit.
 */
final class Kernels {
  private Kernels() {}

  // The original's scalar and vector min/max are std::min/std::max, whose NaN handling
  // depends on argument order; its matrix min/max are written out as a < b ? a : b.
  // Both select raw bits rather than doubles: the JIT can then use an integer conditional move
  // (x86 has none for doubles, so a double select becomes a branch, mispredicted half the time
  // on signs that look random). The result is the same value, bit for bit.
  static double stdMin(double x, double y) {
    return Double.longBitsToDouble(y < x ? Double.doubleToRawLongBits(y) : Double.doubleToRawLongBits(x));
  }

  static double stdMax(double x, double y) {
    return Double.longBitsToDouble(x < y ? Double.doubleToRawLongBits(y) : Double.doubleToRawLongBits(x));
  }

  static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
  static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  /**
   * {@code x > 0.0 ? 1.0 : 0.0} without a branch: x > 0 exactly when its raw bits t + 1 lie in
   * [1, bits of +infinity] (positive, not zero, not NaN), i.e. when t >= 0 and t < those bits.
   */
  static double heaviside(double x) {
    final long t = Double.doubleToRawLongBits(x) - 1;
    final long mask = ((t - INFINITY_BITS) & ~t) >> 63;
    return Double.longBitsToDouble(mask & ONE_BITS);
  }

  // Elementwise loops index every operand with the same i (so out may alias an input and the
  // JIT can vectorise them).

  static void heaviside(double[] x, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = heaviside(x[i]);
    }
  }

  static void scale(double k, double[] x, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = x[i] * k;
    }
  }

  static void reciprocal(double[] x, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = 1.0 / x[i];
    }
  }

  static void abs(double[] x, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = Math.abs(x[i]);
    }
  }

  static void sum(double[] x, double[] y, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = x[i] + y[i];
    }
  }

  static void diff(double[] x, double[] y, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = x[i] - y[i];
    }
  }

  static void product(double[] x, double[] y, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = x[i] * y[i];
    }
  }

  static void division(double[] x, double[] y, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = x[i] / y[i];
    }
  }

  /**
   * Dot product of {@code x[xFrom..xFrom+n)} and {@code y[yFrom..yFrom+n)}: summed sequentially
   * below 64 entries (every vector at the usual F), and with four interleaved partial sums
   * ((p0 + p1) + (p2 + p3), tail into p0) from 64 on (matrices), which shortens the dependency
   * chain. The order is fixed, so results are the same on every machine.
   */
  static double dot(double[] x, int xFrom, double[] y, int n) {
    return dot(x, xFrom, y, 0, n);
  }

  static double dot(double[] x, int xFrom, double[] y, int yFrom, int n) {
    if (n < 64) {
      double sum = 0.0;
      for (int i = 0; i < n; i++) {
        sum += x[xFrom + i] * y[yFrom + i];
      }
      return sum;
    }
    double p0 = 0.0;
    double p1 = 0.0;
    double p2 = 0.0;
    double p3 = 0.0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      p0 += x[xFrom + i] * y[yFrom + i];
      p1 += x[xFrom + i + 1] * y[yFrom + i + 1];
      p2 += x[xFrom + i + 2] * y[yFrom + i + 2];
      p3 += x[xFrom + i + 3] * y[yFrom + i + 3];
    }
    for (; i < n; i++) {
      p0 += x[xFrom + i] * y[yFrom + i];
    }
    return (p0 + p1) + (p2 + p3);
  }

  static double sumOf(double[] x, int from, int n) {
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      sum += x[from + i];
    }
    return sum;
  }

  static double stDev(double[] x, int from, int n) {
    final double mean = sumOf(x, from, n) / n;
    return Math.sqrt(dot(x, from, x, from, n) / n - mean * mean);
  }

  /** out = x y^T, four rows at a time (each y[j] is loaded once for four stores). */
  static void outer(double[] x, double[] y, double[] out, int f) {
    int i = 0;
    for (; i + 3 < f; i += 4) {
      final double u0 = x[i];
      final double u1 = x[i + 1];
      final double u2 = x[i + 2];
      final double u3 = x[i + 3];
      final int r0 = i * f;
      final int r1 = r0 + f;
      final int r2 = r1 + f;
      final int r3 = r2 + f;
      for (int j = 0; j < f; j++) {
        final double yj = y[j];
        out[r0 + j] = u0 * yj;
        out[r1 + j] = u1 * yj;
        out[r2 + j] = u2 * yj;
        out[r3 + j] = u3 * yj;
      }
    }
    for (; i < f; i++) {
      final double u = x[i];
      final int row = i * f;
      for (int j = 0; j < f; j++) {
        out[row + j] = u * y[j];
      }
    }
  }

  static void uniform(double[] out, double low, double high, Rng r) {
    for (int i = 0; i < out.length; i++) {
      out[i] = r.uniform(low, high);
    }
  }

  static void gaussian(double[] out, double mean, double stdev, Rng r) {
    for (int i = 0; i < out.length; i++) {
      out[i] = r.gaussian(mean, stdev);
    }
  }

  /**
   * out = M x; when out is x itself, the product goes through the scratch vector first. Eight
   * (then four) rows at a time, each summed sequentially over j (the same order as a sequential
   * dot), so independent dependency chains overlap.
   */
  static void matrixVectorProduct(double[] matrix, double[] x, double[] out, int f, double[] scratchVector) {
    final double[] target = out == x ? scratchVector : out;
    int i = 0;
    for (; i + 7 < f; i += 8) {
      final int r0 = i * f;
      double a0 = 0.0;
      double a1 = 0.0;
      double a2 = 0.0;
      double a3 = 0.0;
      double a4 = 0.0;
      double a5 = 0.0;
      double a6 = 0.0;
      double a7 = 0.0;
      for (int j = 0; j < f; j++) {
        final double xj = x[j];
        a0 += matrix[r0 + j] * xj;
        a1 += matrix[r0 + f + j] * xj;
        a2 += matrix[r0 + 2 * f + j] * xj;
        a3 += matrix[r0 + 3 * f + j] * xj;
        a4 += matrix[r0 + 4 * f + j] * xj;
        a5 += matrix[r0 + 5 * f + j] * xj;
        a6 += matrix[r0 + 6 * f + j] * xj;
        a7 += matrix[r0 + 7 * f + j] * xj;
      }
      target[i] = a0;
      target[i + 1] = a1;
      target[i + 2] = a2;
      target[i + 3] = a3;
      target[i + 4] = a4;
      target[i + 5] = a5;
      target[i + 6] = a6;
      target[i + 7] = a7;
    }
    for (; i + 3 < f; i += 4) {
      final int r0 = i * f;
      final int r1 = r0 + f;
      final int r2 = r1 + f;
      final int r3 = r2 + f;
      double a0 = 0.0;
      double a1 = 0.0;
      double a2 = 0.0;
      double a3 = 0.0;
      for (int j = 0; j < f; j++) {
        final double xj = x[j];
        a0 += matrix[r0 + j] * xj;
        a1 += matrix[r1 + j] * xj;
        a2 += matrix[r2 + j] * xj;
        a3 += matrix[r3 + j] * xj;
      }
      target[i] = a0;
      target[i + 1] = a1;
      target[i + 2] = a2;
      target[i + 3] = a3;
    }
    for (; i < f; i++) {
      double sum = 0.0;
      for (int j = 0; j < f; j++) {
        sum += matrix[i * f + j] * x[j];
      }
      target[i] = sum;
    }
    if (target != out) {
      System.arraycopy(target, 0, out, 0, f);
    }
  }

  /** out = A B; when out aliases an input, the product goes through the scratch matrix first. */
  static void matrixMatrixProduct(double[] x, double[] y, double[] out, int f, double[] scratchMatrix) {
    final double[] target = (out == x || out == y) ? scratchMatrix : out;
    for (int i = 0; i < f; i++) {
      final int row = i * f;
      for (int j = 0; j < f; j++) {
        double sum = 0.0;
        for (int k = 0; k < f; k++) {
          sum += x[row + k] * y[k * f + j];
        }
        target[row + j] = sum;
      }
    }
    if (target != out) {
      System.arraycopy(target, 0, out, 0, f * f);
    }
  }

  static void transpose(double[] x, double[] out, int f) {
    if (x == out) {
      for (int i = 0; i < f; i++) {
        for (int j = i + 1; j < f; j++) {
          final double t = x[i * f + j];
          x[i * f + j] = x[j * f + i];
          x[j * f + i] = t;
        }
      }
    } else {
      for (int i = 0; i < f; i++) {
        for (int j = 0; j < f; j++) {
          out[j * f + i] = x[i * f + j];
        }
      }
    }
  }
}
