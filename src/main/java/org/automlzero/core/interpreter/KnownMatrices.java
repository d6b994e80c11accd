package org.automlzero.core.interpreter;

import static org.automlzero.core.interpreter.OpCodes.F4_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.FUSED_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.MATRIX_DIFF;
import static org.automlzero.core.interpreter.OpCodes.MATRIX_PRODUCT;
import static org.automlzero.core.interpreter.OpCodes.MATRIX_SUM;
import static org.automlzero.core.interpreter.OpCodes.MATRIX_VECTOR_PRODUCT;
import static org.automlzero.core.interpreter.OpCodes.SKIP_DRAWS;
import static org.automlzero.core.interpreter.OpCodes.KNOWN_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.VECTOR_OUTER_PRODUCT;

import java.util.Arrays;
import org.automlzero.core.algorithm.Kind;
import org.automlzero.core.algorithm.Op;

/**
 * What a {@link Machine} knows about its matrices beyond their entries, and the matrix
 * instructions that use it. Evolved programs often double their matrices step after step
 * ({@code m1 = m1 + m1}, {@code m0 = m1 + m0}) until every entry is infinite; from then on the
 * elementwise ops recompute what the matrices already hold. Two facts are tracked:
 * <ul>
 *   <li><b>unchanged</b>: every matrix has a version, bumped whenever its entries change; each
 *       MATRIX_SUM, DIFF or PRODUCT remembers its operands' versions and its output's version
 *       after it ran. If all three are the same when it runs again, the output already holds the
 *       result and nothing is done. A plain op whose output's first entry is not finite (the
 *       saturated case) compares the new entries with the old ones as it writes them and bumps
 *       the version only if some raw bits changed;
 *   <li><b>uniform</b>: a matrix whose entries all have the same raw bits. If both operands of an
 *       elementwise op are uniform, one scalar operation gives every entry's value (the entries'
 *       computations are the same operation on the same bits); a matrix-vector product with a
 *       uniform matrix sums every row in the same order over the same products, so it computes one
 *       row. A matrix becomes known as uniform when a plain op leaves its first entry not finite
 *       and a scan finds one value (a failed scan backs off, doubling the writes until the next
 *       one, at most {@link #MAX_BACKOFF}).
 * </ul>
 * Memory ends up bit for bit as the plain kernels leave it. {@link CompiledAlgorithm} marks
 * (with {@link OpCodes#KNOWN_OFFSET}) only algorithms whose every kept Predict and Learn
 * instruction that writes a matrix is MATRIX_SUM, DIFF, PRODUCT or VECTOR_OUTER_PRODUCT (which
 * bumps its output), and the interpreter forgets everything after Setup, so the facts always
 * describe the memory.
 */
final class KnownMatrices {
  static final int MAX_BACKOFF = 1024;
  private static final Kind[] OUT_BY_ID = outById();

  private final int f;
  private final int ff;
  private final boolean[] known;
  private final long[] bits;
  /** Writes left before the next scan of a matrix, and the back-off after a failed one. */
  private final int[] skip;
  private final int[] backoff;
  /** Per matrix: bumped whenever its entries change. */
  private final int[] version;
  /** Per memo slot: the operands' versions when the instruction last ran, its output's after. */
  private int[] memoA = new int[0];
  private int[] memoB = new int[0];
  private int[] memoC = new int[0];

  KnownMatrices(int matrices, int f) {
    this.f = f;
    this.ff = f * f;
    this.known = new boolean[matrices];
    this.bits = new long[matrices];
    this.skip = new int[matrices];
    this.backoff = new int[matrices];
    this.version = new int[matrices];
  }

  /**
   * Switches compiled Predict and Learn code (after {@link OuterSumFusion}) to these kernels,
   * in place, when every kept instruction that writes a matrix has one, none is fused and at
   * least one can carry a uniform value (MATRIX_SUM, DIFF or PRODUCT); returns whether it did.
   */
  static boolean mark(int[] predict, double[] predictData, int[] learn, double[] learnData) {
    if (!eligible(predict) || !eligible(learn) || !(propagates(predict) || propagates(learn))) {
      return false;
    }
    rewrite(learn, learnData, rewrite(predict, predictData, 0));
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

  /**
   * Marks one function's instructions; each gets a memo slot (from {@code slot} on) in its first
   * data entry, which these ops do not otherwise use. Returns the next free slot.
   */
  private static int rewrite(int[] code, double[] data, int slot) {
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      int id = id(code[base]);
      if (handled(id) || id == MATRIX_VECTOR_PRODUCT) {
        code[base] += KNOWN_OFFSET;
        data[(base / CompiledAlgorithm.STRIDE) * 2] = slot++;
      }
    }
    return slot;
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
    Arrays.fill(memoC, -1); // versions are never negative
  }

  /** Whether matrix {@code m} is known to hold one value (a test hook). */
  boolean known(int m) {
    return known[m];
  }

  /**
   * Runs marked instruction {@code code} (KNOWN_OFFSET plus an op's code; memo slot {@code slot})
   * when what is known suffices, and returns whether it did; else the caller runs the plain
   * kernel and then {@link #written}.
   */
  boolean known(int code, double[][] mt, double[][] v, int a, int b, int c, int slot) {
    final int id = code % 100;
    if (id == MATRIX_VECTOR_PRODUCT) {
      if (!known[a]) {
        return false;
      }
      // Every row: +0.0, then plus M[r][c] * x[c] column by column, as the plain kernels.
      final double u = value(a);
      final double[] x = v[b];
      double row = 0.0;
      for (int j = 0; j < f; j++) {
        row += u * x[j];
      }
      Arrays.fill(v[c], 0, f, row);
      return true;
    }
    if (id == VECTOR_OUTER_PRODUCT) {
      return false;
    }
    if (slot >= memoC.length) {
      grow(slot);
    }
    final int va = version[a];
    final int vb = version[b];
    if (memoC[slot] == version[c] && memoA[slot] == va && memoB[slot] == vb) {
      return true; // unchanged since this instruction computed it
    }
    if (known[a] && known[b]) {
      final double x = value(a);
      final double y = value(b);
      store(mt, c, id == MATRIX_SUM ? x + y : id == MATRIX_DIFF ? x - y : x * y);
    } else if (!Double.isFinite(mt[c][0])) {
      final double[] out = mt[c];
      final boolean changed = Simd.ENABLED
          ? SimdLoops.elementwiseChanged(id, mt[a], mt[b], out, ff)
          : Kernels.elementwiseChanged(id, mt[a], mt[b], out, 0, ff);
      if (changed) {
        changed(mt, c);
      }
    } else {
      return false;
    }
    memoA[slot] = va;
    memoB[slot] = vb;
    memoC[slot] = version[c];
    return true;
  }

  /**
   * After the plain kernel of marked op {@code code} ran: a matrix output has changed (and is
   * scanned for one value when its first entry is not finite); an elementwise op remembers the
   * versions.
   */
  void written(int code, double[][] mt, int a, int b, int c, int slot) {
    final int id = code % 100;
    if (id == MATRIX_VECTOR_PRODUCT) {
      return;
    }
    if (id == VECTOR_OUTER_PRODUCT) {
      changed(mt, c); // a and b are vectors
      return;
    }
    final int va = version[a];
    final int vb = version[b];
    changed(mt, c);
    memoA[slot] = va;
    memoB[slot] = vb;
    memoC[slot] = version[c];
  }

  /** Matrix c's entries changed: a new version, and a scan for one value if its first entry is not finite. */
  private void changed(double[][] mt, int c) {
    version[c]++;
    forget(c);
    if (!Double.isFinite(mt[c][0])) {
      scan(mt[c], c);
    }
  }

  private void grow(int slot) {
    int n = Math.max(2 * memoC.length, slot + 1);
    memoA = Arrays.copyOf(memoA, n);
    memoB = Arrays.copyOf(memoB, n);
    int old = memoC.length;
    memoC = Arrays.copyOf(memoC, n);
    Arrays.fill(memoC, old, n, -1);
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
    version[c]++;
    remember(c, b);
  }

  private void forget(int c) {
    known[c] = false;
  }

  private void remember(int c, long value) {
    known[c] = true;
    bits[c] = value;
  }

  /** Scans matrix {@code c} for one value unless it is backing off from a failed scan. */
  private void scan(double[] m, int c) {
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
    remember(c, first);
    backoff[c] = 0;
  }
}
