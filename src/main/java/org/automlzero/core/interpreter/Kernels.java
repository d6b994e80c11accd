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

  /**
   * out[i] = x[i] op y[i] for i from {@code from} below n, op being {@code id}'s MATRIX_SUM, DIFF
   * or PRODUCT; true when some entry's raw bits changed ({@link KnownMatrices}). The scalar loop,
   * and the remainder of {@link SimdLoops#elementwiseChanged}.
   */
  static boolean elementwiseChanged(int id, double[] x, double[] y, double[] out, int from, int n) {
    long t = 0;
    for (int i = from; i < n; i++) {
      final double r = id == OpCodes.MATRIX_SUM ? x[i] + y[i] : id == OpCodes.MATRIX_DIFF ? x[i] - y[i] : x[i] * y[i];
      t |= Double.doubleToRawLongBits(r) ^ Double.doubleToRawLongBits(out[i]);
      out[i] = r;
    }
    return t != 0;
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

  /**
   * out = x y^T in the interpreter's column-major layout: column j is x times y[j] (each entry
   * x[i] * y[j], as in the original), a contiguous loop the JIT vectorises.
   */
  static void outer(double[] x, double[] y, double[] out, int f) {
    for (int j = 0; j < f; j++) {
      final double yj = y[j];
      final int column = j * f;
      for (int i = 0; i < f; i++) {
        out[column + i] = x[i] * yj;
      }
    }
  }

  /**
   * The fused outer product and sum ({@link OuterSumFusion}): out = z + x y^T, or x y^T + z when
   * {@code outerFirst} (the sum's operand order), column-major, each entry's product rounded
   * before the add as in the two separate ops. Runs the F = 8/16/32 kernel when there is one.
   */
  static void outerSum(double[] x, double[] y, double[] z, double[] out, int f, boolean outerFirst) {
    switch (f) {
      case 8 -> Kernels8.outerSum(x, y, z, out, outerFirst);
      case 16 -> Kernels16.outerSum(x, y, z, out, outerFirst);
      case 32 -> Kernels32.outerSum(x, y, z, out, outerFirst);
      default -> {
        for (int j = 0; j < f; j++) {
          final double yj = y[j];
          final int column = j * f;
          if (outerFirst) {
            for (int i = 0; i < f; i++) {
              out[column + i] = x[i] * yj + z[column + i];
            }
          } else {
            for (int i = 0; i < f; i++) {
              out[column + i] = z[column + i] + x[i] * yj;
            }
          }
        }
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
   * A column-major matrix of uniform draws, drawn in row-major order (row by row, as the
   * original fills its matrices) so that each entry gets the same draw as before.
   */
  static void uniformMatrix(double[] out, double low, double high, Rng r, int f) {
    for (int i = 0; i < f; i++) {
      for (int j = 0; j < f; j++) {
        out[j * f + i] = r.uniform(low, high);
      }
    }
  }

  /** {@link #uniformMatrix} for Gaussian draws. */
  static void gaussianMatrix(double[] out, double mean, double stdev, Rng r, int f) {
    for (int i = 0; i < f; i++) {
      for (int j = 0; j < f; j++) {
        out[j * f + i] = r.gaussian(mean, stdev);
      }
    }
  }


  /**
   * out = M x for a column-major M; when out is x itself, the product goes through the scratch
   * vector first. Row r is summed sequentially over the columns from +0.0 (the order of a
   * sequential dot of row r with x); the loop runs over the rows of one column at a time, so
   * the rows' sums are independent chains that the JIT vectorises.
   */
  static void matrixVectorProduct(double[] matrix, double[] x, double[] out, int f, double[] scratchVector) {
    final double[] target = out == x ? scratchVector : out;
    for (int r = 0; r < f; r++) {
      target[r] = 0.0;
    }
    for (int c = 0; c < f; c++) {
      final double xc = x[c];
      final int column = c * f;
      for (int r = 0; r < f; r++) {
        target[r] += matrix[column + r] * xc;
      }
    }
    if (target != out) {
      System.arraycopy(target, 0, out, 0, f);
    }
  }

  /**
   * out = A B for column-major matrices: stored, A and B are the row-major A^T and B^T, and
   * (AB)^T = B^T A^T, so this is the row-major product of the stored B and A. Entry (i, j) is
   * summed over k in the same order with the same products (multiplication commutes exactly).
   */
  static void columnMajorProduct(double[] a, double[] b, double[] out, int f, double[] scratchMatrix) {
    matrixMatrixProduct(b, a, out, f, scratchMatrix);
  }

  /** Row-major out = A B; when out aliases an input, the product goes through the scratch matrix first. */
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
