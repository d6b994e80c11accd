package org.automlzero.core.interpreter;

import static org.automlzero.core.interpreter.OpCodes.*;

import java.util.Arrays;
import org.automlzero.core.algorithm.MemoryShape;

/**
 * The memory of one {@link TaskBatchInterpreter} and the dispatch that runs decoded Predict and
 * Learn code on all its tasks at once, as {@link Machine} does for one task. The tasks' memories
 * sit side by side: scalar address a of task t at {@code s[a][t]}, vector entry i at
 * {@code v[a][t*F+i]}, matrix entry k at {@code m[a][t*F*F+k]}. Elementwise loops run over T x F
 * entries (long enough for the JIT to vectorise); the per-task sums of dot and matrix-vector
 * products are independent chains the CPU overlaps. Each task's arithmetic is exactly the
 * single-task machine's, in the same order.
 */
final class BatchMachine {
  private final MemoryShape shape;
  private final int f;
  private final int ff;
  private final double[] scratchVector;
  private int capacity;
  double[][] s;
  double[][] v;
  double[][] mt;

  BatchMachine(MemoryShape shape) {
    this.shape = shape;
    this.f = shape.features();
    this.ff = f * f;
    this.scratchVector = new double[f];
  }

  /** Room for {@code tn} tasks (the arrays grow, never shrink). */
  void ensureCapacity(int tn) {
    if (tn <= capacity) {
      return;
    }
    capacity = tn;
    s = new double[shape.scalars()][tn];
    v = new double[shape.vectors()][tn * f];
    mt = new double[shape.matrices()][tn * ff];
  }

  /** Task t's slots take the single-task interpreter's memory (after its Setup). */
  void load(int t, Interpreter single) {
    double[] ss = single.scalars();
    for (int a = 0; a < ss.length; a++) {
      s[a][t] = ss[a];
    }
    double[][] sv = single.vectors();
    for (int a = 0; a < sv.length; a++) {
      System.arraycopy(sv[a], 0, v[a], t * f, f);
    }
    double[][] sm = single.matrices();
    for (int a = 0; a < sm.length; a++) {
      System.arraycopy(sm[a], 0, mt[a], t * ff, ff);
    }
  }

  /** Runs decoded Predict or Learn code on all {@code tn} tasks. */
  void run(int[] code, double[] data, int tn) {
    final double[][] s = this.s;
    final double[][] v = this.v;
    final double[][] mt = this.mt;
    final int f = this.f;
    final int ff = this.ff;
    final int vn = tn * f;
    final int mn = tn * ff;
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      final int a = code[base + 1];
      final int b = code[base + 2];
      final int c = code[base + 3];
      final int op = code[base];
      switch (op >= F4_OFFSET ? op % 100 : op) {
        case SCALAR_SUM -> {
          final double[] x = s[a];
          final double[] y = s[b];
          final double[] o = s[c];
          for (int t = 0; t < tn; t++) {
            o[t] = x[t] + y[t];
          }
        }
        case SCALAR_DIFF -> {
          final double[] x = s[a];
          final double[] y = s[b];
          final double[] o = s[c];
          for (int t = 0; t < tn; t++) {
            o[t] = x[t] - y[t];
          }
        }
        case SCALAR_PRODUCT -> {
          final double[] x = s[a];
          final double[] y = s[b];
          final double[] o = s[c];
          for (int t = 0; t < tn; t++) {
            o[t] = x[t] * y[t];
          }
        }
        case VECTOR_HEAVYSIDE -> {
          final double[] x = v[a];
          final double[] o = v[c];
          if (Simd.ENABLED) {
            SimdLoops.heaviside(x, o, vn);
            continue;
          }
          for (int i = 0; i < vn; i++) {
            o[i] = Kernels.heaviside(x[i]);
          }
        }
        case SCALAR_VECTOR_PRODUCT -> {
          final double[] k = s[a];
          final double[] x = v[b];
          final double[] o = v[c];
          for (int t = 0; t < tn; t++) {
            final double kt = k[t];
            final int from = t * f;
            for (int i = from; i < from + f; i++) {
              o[i] = x[i] * kt;
            }
          }
        }
        case VECTOR_SUM -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = v[c];
          for (int i = 0; i < vn; i++) {
            o[i] = x[i] + y[i];
          }
        }
        case VECTOR_DIFF -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = v[c];
          for (int i = 0; i < vn; i++) {
            o[i] = x[i] - y[i];
          }
        }
        case VECTOR_PRODUCT -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = v[c];
          for (int i = 0; i < vn; i++) {
            o[i] = x[i] * y[i];
          }
        }
        case VECTOR_INNER_PRODUCT -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = s[c];
          switch (f) {
            case 8 -> {
              for (int t = 0; t < tn; t++) {
                o[t] = Kernels8.dot(x, t * 8, y, t * 8);
              }
            }
            case 16 -> {
              for (int t = 0; t < tn; t++) {
                o[t] = Kernels16.dot(x, t * 16, y, t * 16);
              }
            }
            case 32 -> {
              for (int t = 0; t < tn; t++) {
                o[t] = Kernels32.dot(x, t * 32, y, t * 32);
              }
            }
            default -> {
              for (int t = 0; t < tn; t++) {
                final int from = t * f;
                double sum = 0.0;
                for (int i = from; i < from + f; i++) {
                  sum += x[i] * y[i];
                }
                o[t] = sum;
              }
            }
          }
        }
        case VECTOR_OUTER_PRODUCT -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = mt[c];
          if (f == 16) {
            for (int t = 0; t < tn; t++) {
              Kernels16.outer(x, t * 16, y, t * 16, o, t * 256);
            }
            continue;
          }
          // Column-major (Interpreter#matrices): column j of task t is x times y[j].
          for (int t = 0; t < tn; t++) {
            final int xf = t * f;
            final int of = t * ff;
            for (int j = 0; j < f; j++) {
              final double yj = y[xf + j];
              final int column = of + j * f;
              for (int i = 0; i < f; i++) {
                o[column + i] = x[xf + i] * yj;
              }
            }
          }
        }
        case MATRIX_VECTOR_PRODUCT -> {
          final double[] m = mt[a];
          final double[] x = v[b];
          final double[] o = v[c];
          for (int t = 0; t < tn; t++) {
            matrixVectorProduct(m, t * ff, x, o, t * f);
          }
        }
        case MATRIX_SUM -> {
          final double[] x = mt[a];
          final double[] y = mt[b];
          final double[] o = mt[c];
          for (int i = 0; i < mn; i++) {
            o[i] = x[i] + y[i];
          }
        }
        case VECTOR_MIN -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = v[c];
          if (Simd.ENABLED) {
            SimdLoops.min(x, y, o, vn);
            continue;
          }
          for (int i = 0; i < vn; i++) {
            o[i] = Kernels.stdMin(x[i], y[i]);
          }
        }
        case VECTOR_MAX -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] o = v[c];
          if (Simd.ENABLED) {
            SimdLoops.max(x, y, o, vn);
            continue;
          }
          for (int i = 0; i < vn; i++) {
            o[i] = Kernels.stdMax(x[i], y[i]);
          }
        }
        case SCALAR_CONST_SET -> Arrays.fill(s[c], 0, tn, data[(base >> 2) * 2]);
        default -> throw new IllegalStateException("op code " + op + " is not supported in a task batch");
      }
    }
  }

  /**
   * One task's out = M x (matrix at {@code mFrom}, vectors at {@code from}): each row summed
   * sequentially over j from +0.0 as in the single-task kernels; through the scratch vector
   * when out is x.
   */
  private void matrixVectorProduct(double[] m, int mFrom, double[] x, double[] out, int from) {
    final int f = this.f;
    final double[] target = out == x ? scratchVector : out;
    final int to = out == x ? 0 : from;
    switch (f) {
      case 8 -> Kernels8.matrixVectorProduct(m, mFrom, x, from, target, to);
      case 16 -> Kernels16.matrixVectorProduct(m, mFrom, x, from, target, to);
      case 32 -> Kernels32.matrixVectorProduct(m, mFrom, x, from, target, to);
      default -> generic(m, mFrom, x, target, from, to);
    }
    if (target != out) {
      System.arraycopy(target, 0, out, from, f);
    }
  }

  /** The generic column-major product (Kernels#matrixVectorProduct) at offsets; target is not x. */
  private void generic(double[] m, int mFrom, double[] x, double[] target, int from, int to) {
    final int f = this.f;
    for (int r = 0; r < f; r++) {
      target[to + r] = 0.0;
    }
    for (int c = 0; c < f; c++) {
      final double xc = x[from + c];
      final int column = mFrom + c * f;
      for (int r = 0; r < f; r++) {
        target[to + r] += m[column + r] * xc;
      }
    }
  }
}
