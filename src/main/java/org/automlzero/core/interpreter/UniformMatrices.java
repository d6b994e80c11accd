package org.automlzero.core.interpreter;

import static org.automlzero.core.interpreter.OpCodes.F4_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.FUSED_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.MATRIX_DIFF;
import static org.automlzero.core.interpreter.OpCodes.MATRIX_PRODUCT;
import static org.automlzero.core.interpreter.OpCodes.MATRIX_SUM;
import static org.automlzero.core.interpreter.OpCodes.MATRIX_VECTOR_PRODUCT;
import static org.automlzero.core.interpreter.OpCodes.SKIP_DRAWS;
import static org.automlzero.core.interpreter.OpCodes.UNIFORM_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.VECTOR_OUTER_PRODUCT;

import java.util.Arrays;
import org.automlzero.core.algorithm.Kind;
import org.automlzero.core.algorithm.Op;

/**
 * Which matrices of a {@link Machine} hold one value in every entry (the same raw bits), and the
 * matrix kernels that use it. Evolved programs often double their matrices step after step
 * ({@code m1 = m1 + m1}, {@code m0 = m1 + m0}) until every entry is infinite; from then on each
 * elementwise op computes the same value F x F times. When both operands of MATRIX_SUM, DIFF
 * or PRODUCT are uniform, the result is too: one scalar operation gives every entry's value (the
 * entries' computations are the same operation on the same bits), and the output is written
 * only when it does not already hold that value. A matrix-vector product with a uniform matrix
 * sums every row in the same order over the same products, so it computes one row and fills
 * the output. Memory ends up bit for bit as the plain kernels leave it.
 *
 * <p>A matrix becomes known as uniform only through these kernels: after a plain elementwise
 * op, if its first entry is not finite, the output is scanned (a finite first entry skips the
 * scan, so finite matrices cost one compare; a failed scan backs off, doubling the number of
 * writes until the next scan, at most {@link #MAX_BACKOFF}). {@link CompiledAlgorithm} uses the
 * kernels only for algorithms whose every kept Predict and Learn instruction that writes a
 * matrix runs here (MATRIX_SUM, MATRIX_DIFF, MATRIX_PRODUCT and VECTOR_OUTER_PRODUCT, which
 * forgets its output), and the interpreter forgets everything after Setup, so the flags always
 * describe the memory.
 */
final class UniformMatrices {
  static final int MAX_BACKOFF = 1024;
  private static final Kind[] OUT_BY_ID = outById();

  private final int f;
  private final int ff;
  private final boolean[] known;
  private final long[] bits;
  /** Writes left before the next scan of a matrix, and the back-off after a failed one. */
  private final int[] skip;
  private final int[] backoff;
  private final double[] scratchVector;

  UniformMatrices(int matrices, int f, double[] scratchVector) {
    this.f = f;
    this.ff = f * f;
    this.known = new boolean[matrices];
    this.bits = new long[matrices];
    this.skip = new int[matrices];
    this.backoff = new int[matrices];
    this.scratchVector = scratchVector;
  }

  /**
   * Switches compiled Predict and Learn code (after {@link OuterSumFusion}) to these kernels,
   * in place, when every kept instruction that writes a matrix has one, none is fused and at
   * least one can carry a uniform value (MATRIX_SUM, DIFF or PRODUCT); returns whether it did.
   */
  static boolean mark(int[] predict, int[] learn) {
    if (!eligible(predict) || !eligible(learn) || !(propagates(predict) || propagates(learn))) {
      return false;
    }
    rewrite(predict);
    rewrite(learn);
    return true;
  }

  private static int id(int code) {
    return code >= F4_OFFSET ? code % 100 : code;
  }

  private static boolean eligible(int[] code) {
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      if (code[base] >= FUSED_OFFSET) {
        return false;
      }
      int id = id(code[base]);
      if (id != SKIP_DRAWS && OUT_BY_ID[id] == Kind.MATRIX && !handled(id)) {
        return false;
      }
    }
    return true;
  }

  private static boolean handled(int id) {
    return id == MATRIX_SUM || id == MATRIX_DIFF || id == MATRIX_PRODUCT || id == VECTOR_OUTER_PRODUCT;
  }

  private static boolean propagates(int[] code) {
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      int id = id(code[base]);
      if (id == MATRIX_SUM || id == MATRIX_DIFF || id == MATRIX_PRODUCT) {
        return true;
      }
    }
    return false;
  }

  private static void rewrite(int[] code) {
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      int id = id(code[base]);
      if (handled(id) || id == MATRIX_VECTOR_PRODUCT) {
        code[base] = UNIFORM_OFFSET + id;
      }
    }
  }

  private static Kind[] outById() {
    Kind[] out = new Kind[SKIP_DRAWS];
    for (Op op : Op.values()) {
      out[op.id()] = op.out();
    }
    return out;
  }

  /** Forgets every matrix (their entries may have changed outside these kernels). */
  void reset() {
    Arrays.fill(known, false);
    Arrays.fill(skip, 0);
    Arrays.fill(backoff, 0);
  }

  /** Test hook: whether matrix {@code m} is known to hold one value. */
  boolean known(int m) {
    return known[m];
  }

  /** mt[c] = mt[a] + mt[b]. */
  void sum(double[][] mt, int a, int b, int c) {
    if (known[a] && known[b]) {
      store(mt, c, value(a) + value(b));
      return;
    }
    switch (f) {
      case 8 -> Kernels8.matrixSum(mt[a], mt[b], mt[c]);
      case 16 -> Kernels16.matrixSum(mt[a], mt[b], mt[c]);
      case 32 -> Kernels32.matrixSum(mt[a], mt[b], mt[c]);
      default -> Kernels.sum(mt[a], mt[b], mt[c], ff);
    }
    written(mt, c);
  }

  /** mt[c] = mt[a] - mt[b]. */
  void diff(double[][] mt, int a, int b, int c) {
    if (known[a] && known[b]) {
      store(mt, c, value(a) - value(b));
      return;
    }
    switch (f) {
      case 8 -> Kernels8.matrixDiff(mt[a], mt[b], mt[c]);
      case 16 -> Kernels16.matrixDiff(mt[a], mt[b], mt[c]);
      case 32 -> Kernels32.matrixDiff(mt[a], mt[b], mt[c]);
      default -> Kernels.diff(mt[a], mt[b], mt[c], ff);
    }
    written(mt, c);
  }

  /** mt[c] = mt[a] * mt[b], entry by entry. */
  void product(double[][] mt, int a, int b, int c) {
    if (known[a] && known[b]) {
      store(mt, c, value(a) * value(b));
      return;
    }
    switch (f) {
      case 8 -> Kernels8.matrixProduct(mt[a], mt[b], mt[c]);
      case 16 -> Kernels16.matrixProduct(mt[a], mt[b], mt[c]);
      case 32 -> Kernels32.matrixProduct(mt[a], mt[b], mt[c]);
      default -> Kernels.product(mt[a], mt[b], mt[c], ff);
    }
    written(mt, c);
  }

  /** mt[c] = x y^T (never uniform as far as this class knows). */
  void outer(double[] x, double[] y, double[][] mt, int c) {
    switch (f) {
      case 8 -> Kernels8.outer(x, y, mt[c]);
      case 16 -> Kernels16.outer(x, y, mt[c]);
      case 32 -> Kernels32.outer(x, y, mt[c]);
      default -> Kernels.outer(x, y, mt[c], f);
    }
    known[c] = false;
  }

  /**
   * out = mt[a] x, as the plain kernels: every row summed from +0.0 over the columns in order,
   * plus M[r][c] * x[c]. With a uniform matrix every row is the same sum.
   */
  void matrixVectorProduct(double[][] mt, int a, double[] x, double[] out) {
    if (known[a]) {
      final double u = value(a);
      double row = 0.0;
      for (int c = 0; c < f; c++) {
        row += u * x[c];
      }
      Arrays.fill(out, 0, f, row);
      return;
    }
    final double[] m = mt[a];
    final double[] target = out == x ? scratchVector : out;
    switch (f) {
      case 8 -> Kernels8.matrixVectorProduct(m, x, target);
      case 16 -> Kernels16.matrixVectorProduct(m, x, target);
      case 32 -> Kernels32.matrixVectorProduct(m, x, target);
      default -> {
        Kernels.matrixVectorProduct(m, x, out, f, scratchVector);
        return;
      }
    }
    if (target != out) {
      System.arraycopy(target, 0, out, 0, f);
    }
  }

  private double value(int m) {
    return Double.longBitsToDouble(bits[m]);
  }

  /** Every entry of mt[c] becomes {@code x}; written only if mt[c] does not already hold it. */
  private void store(double[][] mt, int c, double x) {
    final long b = Double.doubleToRawLongBits(x);
    if (known[c] && bits[c] == b) {
      return;
    }
    Arrays.fill(mt[c], x);
    known[c] = true;
    bits[c] = b;
  }

  /** After a plain kernel wrote mt[c]: scans it for one value unless its first entry is finite. */
  private void written(double[][] mt, int c) {
    known[c] = false;
    final double[] m = mt[c];
    if (Double.isFinite(m[0])) {
      return;
    }
    if (skip[c] > 0) {
      skip[c]--;
      return;
    }
    final long first = Double.doubleToRawLongBits(m[0]);
    for (int i = 1; i < ff; i++) {
      if (Double.doubleToRawLongBits(m[i]) != first) {
        backoff[c] = Math.min(MAX_BACKOFF, 2 * backoff[c] + 1);
        skip[c] = backoff[c];
        return;
      }
    }
    known[c] = true;
    bits[c] = first;
    backoff[c] = 0;
  }
}
