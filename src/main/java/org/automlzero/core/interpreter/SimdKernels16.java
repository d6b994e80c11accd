package org.automlzero.core.interpreter;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API bodies of {@link Kernels16}'s elementwise, outer and matrix-vector kernels for
 * F = 16 (used when {@link Simd#ENABLED}). Lanes run only across entries that the scalar loops
 * compute independently: elementwise ops entry by entry, the outer product down a column, the
 * matrix-vector product across rows (matrices are column-major, {@link Interpreter#matrices()}),
 * each row's sum still sequential over the columns from +0.0. Multiplies and adds stay
 * separate (no fused multiply-add, which rounds once), selects use the scalar kernels'
 * comparisons, so every entry is bit-identical to the scalar result. SimdKernels8 and
 * SimdKernels32 are this file with N changed (scripts/kernels.sh writes them).
 */
final class SimdKernels16 {
  private SimdKernels16() {}

  static final int N = 16;
  static final int NN = N * N;
  /**
   * 256-bit lanes where the hardware has them (on AVX-512 machines too: measured faster than
   * 512-bit vectors for the neural net on JDK 17), else the preferred shape. One species for all
   * kernels: a JVM that mixes species runs the Vector API far slower.
   */
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256
      ? DoubleVector.SPECIES_256 : DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /** True when the preferred species has 2 to N lanes dividing N (so no tail loops). */
  static boolean usable() {
    return L >= 2 && L <= N && N % L == 0;
  }

  static String species() {
    return L + " x " + S.elementSize() + "-bit lanes";
  }

  private static DoubleVector at(double[] a, int i) {
    return DoubleVector.fromArray(S, a, i);
  }

  /** 1.0 where x > 0, else +0.0 (NaN gives 0): {@link Kernels#heaviside(double)}. */
  static void heaviside(double[] x, double[] out) {
    final DoubleVector zero = DoubleVector.zero(S);
    final DoubleVector one = DoubleVector.broadcast(S, 1.0);
    for (int i = 0; i < N; i += L) {
      zero.blend(one, zero.lt(at(x, i))).intoArray(out, i);
    }
  }

  /** 1.0 where x > 0, else +0.0 (NaN gives 0): {@link Kernels#heaviside(double)}. */
  static void matrixHeaviside(double[] x, double[] out) {
    final DoubleVector zero = DoubleVector.zero(S);
    final DoubleVector one = DoubleVector.broadcast(S, 1.0);
    for (int i = 0; i < NN; i += L) {
      zero.blend(one, zero.lt(at(x, i))).intoArray(out, i);
    }
  }

  static void scale(double k, double[] x, double[] out) {
    for (int i = 0; i < N; i += L) {
      at(x, i).mul(k).intoArray(out, i);
    }
  }

  static void matrixScale(double k, double[] x, double[] out) {
    for (int i = 0; i < NN; i += L) {
      at(x, i).mul(k).intoArray(out, i);
    }
  }

  static void reciprocal(double[] x, double[] out) {
    final DoubleVector one = DoubleVector.broadcast(S, 1.0);
    for (int i = 0; i < N; i += L) {
      one.div(at(x, i)).intoArray(out, i);
    }
  }

  static void sum(double[] x, double[] y, double[] out) {
    for (int i = 0; i < N; i += L) {
      at(x, i).add(at(y, i)).intoArray(out, i);
    }
  }

  static void matrixSum(double[] x, double[] y, double[] out) {
    for (int i = 0; i < NN; i += L) {
      at(x, i).add(at(y, i)).intoArray(out, i);
    }
  }

  static void diff(double[] x, double[] y, double[] out) {
    for (int i = 0; i < N; i += L) {
      at(x, i).sub(at(y, i)).intoArray(out, i);
    }
  }

  static void matrixDiff(double[] x, double[] y, double[] out) {
    for (int i = 0; i < NN; i += L) {
      at(x, i).sub(at(y, i)).intoArray(out, i);
    }
  }

  static void product(double[] x, double[] y, double[] out) {
    for (int i = 0; i < N; i += L) {
      at(x, i).mul(at(y, i)).intoArray(out, i);
    }
  }

  static void matrixProduct(double[] x, double[] y, double[] out) {
    for (int i = 0; i < NN; i += L) {
      at(x, i).mul(at(y, i)).intoArray(out, i);
    }
  }

  static void division(double[] x, double[] y, double[] out) {
    for (int i = 0; i < N; i += L) {
      at(x, i).div(at(y, i)).intoArray(out, i);
    }
  }

  /** y where y < x, else x: {@link Kernels#stdMin}. */
  static void min(double[] x, double[] y, double[] out) {
    for (int i = 0; i < N; i += L) {
      final DoubleVector a = at(x, i);
      final DoubleVector b = at(y, i);
      a.blend(b, b.lt(a)).intoArray(out, i);
    }
  }

  /** y where x < y, else x: {@link Kernels#stdMax}. */
  static void max(double[] x, double[] y, double[] out) {
    for (int i = 0; i < N; i += L) {
      final DoubleVector a = at(x, i);
      final DoubleVector b = at(y, i);
      a.blend(b, a.lt(b)).intoArray(out, i);
    }
  }

  /** Column-major out = x y^T at offsets: column j is x times y[j]. */
  static void outer(double[] x, int xFrom, double[] y, int yFrom, double[] out, int outFrom) {
    for (int j = 0; j < N; j++) {
      final double yj = y[yFrom + j];
      final int column = outFrom + j * N;
      for (int i = 0; i < N; i += L) {
        at(x, xFrom + i).mul(yj).intoArray(out, column + i);
      }
    }
  }

  /** Column-major out = z + x y^T (x y^T + z when outerFirst): {@link Kernels#outerSum}. */
  static void outerSum(double[] x, double[] y, double[] z, double[] out, boolean outerFirst) {
    for (int j = 0; j < N; j++) {
      final double yj = y[j];
      final int column = j * N;
      if (outerFirst) {
        for (int i = 0; i < N; i += L) {
          at(x, i).mul(yj).add(at(z, column + i)).intoArray(out, column + i);
        }
      } else {
        for (int i = 0; i < N; i += L) {
          at(z, column + i).add(at(x, i).mul(yj)).intoArray(out, column + i);
        }
      }
    }
  }

  /**
   * target = M x for a column-major M at offsets, rows in lanes: per row, +0.0 then, column by
   * column, plus M[r][c] * x[c], the scalar kernel's sequential sum. Up to four accumulators
   * (4 L rows) per pass over the columns so their add chains overlap. target must not be x
   * (as for the scalar kernel; the callers pass a scratch vector then).
   */
  static void matrixVectorProduct(double[] m, int mFrom, double[] x, int xFrom, double[] target, int to) {
    if (N % (4 * L) == 0) {
      for (int h = 0; h < N; h += 4 * L) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        for (int c = 0; c < N; c++) {
          final double xc = x[xFrom + c];
          final int o = mFrom + c * N + h;
          a0 = a0.add(at(m, o).mul(xc));
          a1 = a1.add(at(m, o + L).mul(xc));
          a2 = a2.add(at(m, o + 2 * L).mul(xc));
          a3 = a3.add(at(m, o + 3 * L).mul(xc));
        }
        a0.intoArray(target, to + h);
        a1.intoArray(target, to + h + L);
        a2.intoArray(target, to + h + 2 * L);
        a3.intoArray(target, to + h + 3 * L);
      }
    } else if (N % (2 * L) == 0) {
      for (int h = 0; h < N; h += 2 * L) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        for (int c = 0; c < N; c++) {
          final double xc = x[xFrom + c];
          final int o = mFrom + c * N + h;
          a0 = a0.add(at(m, o).mul(xc));
          a1 = a1.add(at(m, o + L).mul(xc));
        }
        a0.intoArray(target, to + h);
        a1.intoArray(target, to + h + L);
      }
    } else {
      DoubleVector a0 = DoubleVector.zero(S);
      for (int c = 0; c < N; c++) {
        a0 = a0.add(at(m, mFrom + c * N).mul(x[xFrom + c]));
      }
      a0.intoArray(target, to);
    }
  }
}
