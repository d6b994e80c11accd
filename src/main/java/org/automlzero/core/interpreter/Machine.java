package org.automlzero.core.interpreter;

import static org.automlzero.core.interpreter.OpCodes.*;

import java.util.Arrays;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.random.Rng;

/**
 * The memory of one {@link Interpreter} and the dispatch that runs decoded instructions on it:
 * one {@code double[]} of scalars and one {@code double[]} per vector (F entries) and per matrix
 * (F x F, column-major: see {@link Interpreter#matrices()}), plus scratch space for aliased
 * products. Each vector and matrix is its own array so that elementwise loops index every
 * operand with the same {@code i}, which lets the JIT vectorise them. The hot loop is a switch on an int op code; it never allocates.
 */
final class Machine {
  final double[] s;
  final double[][] v;
  final double[][] mt;
  private final int f;
  private final int ff;
  private final double[] scratchVector;
  private final double[] scratchMatrix;
  /** What is known about the matrices (used by the KNOWN_OFFSET codes only). */
  final KnownMatrices known;
  /** The stream of the run-time random ops, set by the interpreter per run. */
  Rng rng;

  Machine(MemoryShape shape) {
    this.f = shape.features();
    this.ff = f * f;
    this.s = new double[shape.scalars()];
    this.v = new double[shape.vectors()][f];
    this.mt = new double[shape.matrices()][ff];
    this.scratchVector = new double[f];
    this.scratchMatrix = new double[ff];
    this.known = new KnownMatrices(shape.matrices(), f);
  }

  /**
   * The scratch matrix holding {@code matrix} in row-major order, for the ops whose result
   * depends on the order in which they visit the entries.
   */
  private double[] rowMajor(double[] matrix) {
    Kernels.transpose(matrix, scratchMatrix, f);
    return scratchMatrix;
  }

  /** Runs {@code length} decoded instructions. */
  void run(int[] code, double[] data, int length) {
    final double[] s = this.s;
    final double[][] v = this.v;
    final double[][] mt = this.mt;
    final int f = this.f;
    final int ff = this.ff;
    // The code array holds exactly `length` instructions: looping to its length lets the JIT
    // drop the range checks of the four reads.
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      final int pc = base >> 2;
      final int a = code[base + 1];
      final int b = code[base + 2];
      final int c = code[base + 3];
      switch (code[base]) {
        case NO_OP -> { }
        case SCALAR_SUM -> s[c] = s[a] + s[b];
        case SCALAR_DIFF -> s[c] = s[a] - s[b];
        case SCALAR_PRODUCT -> s[c] = s[a] * s[b];
        case SCALAR_DIVISION -> s[c] = s[a] / s[b];
        case SCALAR_ABS -> s[c] = Math.abs(s[a]);
        case SCALAR_RECIPROCAL -> s[c] = 1.0 / s[a];
        case SCALAR_SIN -> s[c] = Math.sin(s[a]);
        case SCALAR_COS -> s[c] = Math.cos(s[a]);
        case SCALAR_TAN -> s[c] = Math.tan(s[a]);
        case SCALAR_ARCSIN -> s[c] = Math.asin(s[a]);
        case SCALAR_ARCCOS -> s[c] = Math.acos(s[a]);
        case SCALAR_ARCTAN -> s[c] = Math.atan(s[a]);
        case SCALAR_EXP -> s[c] = Math.exp(s[a]);
        case SCALAR_LOG -> s[c] = Math.log(s[a]);
        case SCALAR_HEAVYSIDE -> s[c] = s[a] >= 0.0 ? 1.0 : 0.0;
        case VECTOR_HEAVYSIDE -> Kernels.heaviside(v[a], v[c], f);
        case MATRIX_HEAVYSIDE -> Kernels.heaviside(mt[a], mt[c], ff);
        case SCALAR_VECTOR_PRODUCT -> Kernels.scale(s[a], v[b], v[c], f);
        case SCALAR_BROADCAST -> Arrays.fill(v[c], s[a]);
        case VECTOR_RECIPROCAL -> Kernels.reciprocal(v[a], v[c], f);
        case VECTOR_NORM -> s[c] = Math.sqrt(Kernels.dot(v[a], 0, v[a], f));
        case VECTOR_ABS -> Kernels.abs(v[a], v[c], f);
        case VECTOR_SUM -> Kernels.sum(v[a], v[b], v[c], f);
        case VECTOR_DIFF -> Kernels.diff(v[a], v[b], v[c], f);
        case VECTOR_PRODUCT -> Kernels.product(v[a], v[b], v[c], f);
        case VECTOR_DIVISION -> Kernels.division(v[a], v[b], v[c], f);
        case VECTOR_INNER_PRODUCT -> s[c] = Kernels.dot(v[a], 0, v[b], f);
        case VECTOR_OUTER_PRODUCT -> Kernels.outer(v[a], v[b], mt[c], f);
        case SCALAR_MATRIX_PRODUCT -> Kernels.scale(s[a], mt[b], mt[c], ff);
        case MATRIX_RECIPROCAL -> Kernels.reciprocal(mt[a], mt[c], ff);
        case MATRIX_VECTOR_PRODUCT -> Kernels.matrixVectorProduct(mt[a], v[b], v[c], f, scratchVector);
        case VECTOR_COLUMN_BROADCAST -> {
          // Every column is x (column-major: entry (i, j) = x[i]).
          final double[] x = v[a];
          final double[] out = mt[c];
          for (int j = 0; j < f; j++) {
            System.arraycopy(x, 0, out, j * f, f);
          }
        }
        case VECTOR_ROW_BROADCAST -> {
          // Every row is x: column j is filled with x[j].
          final double[] x = v[a];
          final double[] out = mt[c];
          for (int j = 0; j < f; j++) {
            Arrays.fill(out, j * f, j * f + f, x[j]);
          }
        }
        case MATRIX_NORM -> s[c] = Math.sqrt(Kernels.dot(rowMajor(mt[a]), 0, scratchMatrix, ff));
        case MATRIX_COLUMN_NORM -> {
          final double[] x = rowMajor(mt[a]);
          final double[] out = v[c];
          for (int j = 0; j < f; j++) {
            double sum = 0.0;
            for (int i = 0; i < f; i++) {
              final double e = x[i * f + j];
              sum += e * e;
            }
            out[j] = Math.sqrt(sum);
          }
        }
        case MATRIX_ROW_NORM -> {
          final double[] x = rowMajor(mt[a]);
          final double[] out = v[c];
          for (int i = 0; i < f; i++) {
            out[i] = Math.sqrt(Kernels.dot(x, i * f, x, i * f, f));
          }
        }
        case MATRIX_TRANSPOSE -> Kernels.transpose(mt[a], mt[c], f);
        case MATRIX_ABS -> Kernels.abs(mt[a], mt[c], ff);
        case MATRIX_SUM -> Kernels.sum(mt[a], mt[b], mt[c], ff);
        case MATRIX_DIFF -> Kernels.diff(mt[a], mt[b], mt[c], ff);
        case MATRIX_PRODUCT -> Kernels.product(mt[a], mt[b], mt[c], ff);
        case MATRIX_DIVISION -> Kernels.division(mt[a], mt[b], mt[c], ff);
        case MATRIX_MATRIX_PRODUCT -> Kernels.columnMajorProduct(mt[a], mt[b], mt[c], f, scratchMatrix);
        case SCALAR_MIN -> s[c] = Kernels.stdMin(s[a], s[b]);
        case VECTOR_MIN -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] out = v[c];
          for (int i = 0; i < f; i++) {
            out[i] = Kernels.stdMin(x[i], y[i]);
          }
        }
        case MATRIX_MIN -> {
          final double[] x = mt[a];
          final double[] y = mt[b];
          final double[] out = mt[c];
          for (int i = 0; i < ff; i++) {
            out[i] = x[i] < y[i] ? x[i] : y[i];
          }
        }
        case SCALAR_MAX -> s[c] = Kernels.stdMax(s[a], s[b]);
        case VECTOR_MAX -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] out = v[c];
          for (int i = 0; i < f; i++) {
            out[i] = Kernels.stdMax(x[i], y[i]);
          }
        }
        case MATRIX_MAX -> {
          final double[] x = mt[a];
          final double[] y = mt[b];
          final double[] out = mt[c];
          for (int i = 0; i < ff; i++) {
            out[i] = x[i] > y[i] ? x[i] : y[i];
          }
        }
        case VECTOR_MEAN -> s[c] = Kernels.sumOf(v[a], 0, f) / f;
        case MATRIX_MEAN -> s[c] = Kernels.sumOf(rowMajor(mt[a]), 0, ff) / ff;
        case MATRIX_ROW_MEAN -> {
          final double[] x = rowMajor(mt[a]);
          final double[] out = v[c];
          for (int i = 0; i < f; i++) {
            out[i] = Kernels.sumOf(x, i * f, f) / f;
          }
        }
        case MATRIX_ROW_ST_DEV -> {
          final double[] x = rowMajor(mt[a]);
          final double[] out = v[c];
          for (int i = 0; i < f; i++) {
            out[i] = Kernels.stDev(x, i * f, f);
          }
        }
        case VECTOR_ST_DEV -> s[c] = Kernels.stDev(v[a], 0, f);
        case MATRIX_ST_DEV -> s[c] = Kernels.stDev(rowMajor(mt[a]), 0, ff);
        case SCALAR_CONST_SET -> s[c] = data[pc * 2];
        case VECTOR_CONST_SET -> v[c][a] = data[pc * 2];
        case MATRIX_CONST_SET -> mt[c][a] = data[pc * 2];
        case SCALAR_UNIFORM_SET -> s[c] = rng.uniform(data[pc * 2], data[pc * 2 + 1]);
        case VECTOR_UNIFORM_SET -> Kernels.uniform(v[c], data[pc * 2], data[pc * 2 + 1], rng);
        case MATRIX_UNIFORM_SET -> Kernels.uniformMatrix(mt[c], data[pc * 2], data[pc * 2 + 1], rng, f);
        case SCALAR_GAUSSIAN_SET -> s[c] = rng.gaussian(data[pc * 2], data[pc * 2 + 1]);
        case VECTOR_GAUSSIAN_SET -> Kernels.gaussian(v[c], data[pc * 2], data[pc * 2 + 1], rng);
        case MATRIX_GAUSSIAN_SET -> Kernels.gaussianMatrix(mt[c], data[pc * 2], data[pc * 2 + 1], rng, f);
        case SKIP_DRAWS -> rng.skip(a);
        // A fused pair (OuterSumFusion): c = outer(a, b) is read only by the next instruction, a
        // MATRIX_SUM of it and another matrix, so add the product straight into that sum's output.
        case FUSED_OFFSET + VECTOR_OUTER_PRODUCT -> {
          final int left = code[base + CompiledAlgorithm.STRIDE + 1];
          final boolean outerFirst = left == c;
          final double[] other = mt[outerFirst ? code[base + CompiledAlgorithm.STRIDE + 2] : left];
          Kernels.outerSum(v[a], v[b], other, mt[code[base + CompiledAlgorithm.STRIDE + 3]], f, outerFirst);
        }
        case FUSED_OFFSET + MATRIX_SUM -> { }
        // F = 4 variants (F4_OFFSET + op id): unrolled, same results as above.
        case F4_OFFSET + VECTOR_HEAVYSIDE -> {
          final double[] x = v[a];
          final double[] out = v[c];
          out[0] = Kernels.heaviside(x[0]);
          out[1] = Kernels.heaviside(x[1]);
          out[2] = Kernels.heaviside(x[2]);
          out[3] = Kernels.heaviside(x[3]);
        }
        case F4_OFFSET + SCALAR_VECTOR_PRODUCT -> {
          final double k = s[a];
          final double[] x = v[b];
          final double[] out = v[c];
          out[0] = x[0] * k;
          out[1] = x[1] * k;
          out[2] = x[2] * k;
          out[3] = x[3] * k;
        }
        case F4_OFFSET + VECTOR_SUM -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] out = v[c];
          out[0] = x[0] + y[0];
          out[1] = x[1] + y[1];
          out[2] = x[2] + y[2];
          out[3] = x[3] + y[3];
        }
        case F4_OFFSET + VECTOR_DIFF -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] out = v[c];
          out[0] = x[0] - y[0];
          out[1] = x[1] - y[1];
          out[2] = x[2] - y[2];
          out[3] = x[3] - y[3];
        }
        case F4_OFFSET + VECTOR_PRODUCT -> {
          final double[] x = v[a];
          final double[] y = v[b];
          final double[] out = v[c];
          out[0] = x[0] * y[0];
          out[1] = x[1] * y[1];
          out[2] = x[2] * y[2];
          out[3] = x[3] * y[3];
        }
        case F4_OFFSET + VECTOR_INNER_PRODUCT -> {
          final double[] x = v[a];
          final double[] y = v[b];
          // Same order as the generic loop, which starts from +0.0.
          s[c] = 0.0 + x[0] * y[0] + x[1] * y[1] + x[2] * y[2] + x[3] * y[3];
        }
        // F = 8 variants (OpCodes.F8_OFFSET + op code): constant loop bounds, same results as above.
        case F8_OFFSET + VECTOR_HEAVYSIDE -> Kernels8.heaviside(v[a], v[c]);
        case F8_OFFSET + MATRIX_HEAVYSIDE -> Kernels8.matrixHeaviside(mt[a], mt[c]);
        case F8_OFFSET + SCALAR_VECTOR_PRODUCT -> Kernels8.scale(s[a], v[b], v[c]);
        case F8_OFFSET + VECTOR_RECIPROCAL -> Kernels8.reciprocal(v[a], v[c]);
        case F8_OFFSET + VECTOR_NORM -> s[c] = Math.sqrt(Kernels8.dot(v[a], v[a]));
        case F8_OFFSET + VECTOR_ABS -> Kernels8.abs(v[a], v[c]);
        case F8_OFFSET + VECTOR_SUM -> Kernels8.sum(v[a], v[b], v[c]);
        case F8_OFFSET + VECTOR_DIFF -> Kernels8.diff(v[a], v[b], v[c]);
        case F8_OFFSET + VECTOR_PRODUCT -> Kernels8.product(v[a], v[b], v[c]);
        case F8_OFFSET + VECTOR_DIVISION -> Kernels8.division(v[a], v[b], v[c]);
        case F8_OFFSET + VECTOR_INNER_PRODUCT -> s[c] = Kernels8.dot(v[a], v[b]);
        case F8_OFFSET + VECTOR_OUTER_PRODUCT -> Kernels8.outer(v[a], v[b], mt[c]);
        case F8_OFFSET + SCALAR_MATRIX_PRODUCT -> Kernels8.matrixScale(s[a], mt[b], mt[c]);
        case F8_OFFSET + MATRIX_VECTOR_PRODUCT -> {
          final double[] x = v[b];
          final double[] out = v[c];
          if (out == x) {
            Kernels8.matrixVectorProduct(mt[a], x, scratchVector);
            System.arraycopy(scratchVector, 0, out, 0, Kernels8.N);
          } else {
            Kernels8.matrixVectorProduct(mt[a], x, out);
          }
        }
        case F8_OFFSET + MATRIX_SUM -> Kernels8.matrixSum(mt[a], mt[b], mt[c]);
        case F8_OFFSET + MATRIX_DIFF -> Kernels8.matrixDiff(mt[a], mt[b], mt[c]);
        case F8_OFFSET + MATRIX_PRODUCT -> Kernels8.matrixProduct(mt[a], mt[b], mt[c]);
        case F8_OFFSET + VECTOR_MIN -> Kernels8.min(v[a], v[b], v[c]);
        case F8_OFFSET + VECTOR_MAX -> Kernels8.max(v[a], v[b], v[c]);
        case F8_OFFSET + VECTOR_MEAN -> s[c] = Kernels8.mean(v[a]);
        case F8_OFFSET + VECTOR_ST_DEV -> s[c] = Kernels8.stDev(v[a]);
        // F = 16 variants (OpCodes.F16_OFFSET + op code): constant loop bounds, same results as above.
        case F16_OFFSET + VECTOR_HEAVYSIDE -> Kernels16.heaviside(v[a], v[c]);
        case F16_OFFSET + MATRIX_HEAVYSIDE -> Kernels16.matrixHeaviside(mt[a], mt[c]);
        case F16_OFFSET + SCALAR_VECTOR_PRODUCT -> Kernels16.scale(s[a], v[b], v[c]);
        case F16_OFFSET + VECTOR_RECIPROCAL -> Kernels16.reciprocal(v[a], v[c]);
        case F16_OFFSET + VECTOR_NORM -> s[c] = Math.sqrt(Kernels16.dot(v[a], v[a]));
        case F16_OFFSET + VECTOR_ABS -> Kernels16.abs(v[a], v[c]);
        case F16_OFFSET + VECTOR_SUM -> Kernels16.sum(v[a], v[b], v[c]);
        case F16_OFFSET + VECTOR_DIFF -> Kernels16.diff(v[a], v[b], v[c]);
        case F16_OFFSET + VECTOR_PRODUCT -> Kernels16.product(v[a], v[b], v[c]);
        case F16_OFFSET + VECTOR_DIVISION -> Kernels16.division(v[a], v[b], v[c]);
        case F16_OFFSET + VECTOR_INNER_PRODUCT -> s[c] = Kernels16.dot(v[a], v[b]);
        case F16_OFFSET + VECTOR_OUTER_PRODUCT -> Kernels16.outer(v[a], v[b], mt[c]);
        case F16_OFFSET + SCALAR_MATRIX_PRODUCT -> Kernels16.matrixScale(s[a], mt[b], mt[c]);
        case F16_OFFSET + MATRIX_VECTOR_PRODUCT -> {
          final double[] x = v[b];
          final double[] out = v[c];
          if (out == x) {
            Kernels16.matrixVectorProduct(mt[a], x, scratchVector);
            System.arraycopy(scratchVector, 0, out, 0, Kernels16.N);
          } else {
            Kernels16.matrixVectorProduct(mt[a], x, out);
          }
        }
        case F16_OFFSET + MATRIX_SUM -> Kernels16.matrixSum(mt[a], mt[b], mt[c]);
        case F16_OFFSET + MATRIX_DIFF -> Kernels16.matrixDiff(mt[a], mt[b], mt[c]);
        case F16_OFFSET + MATRIX_PRODUCT -> Kernels16.matrixProduct(mt[a], mt[b], mt[c]);
        case F16_OFFSET + VECTOR_MIN -> Kernels16.min(v[a], v[b], v[c]);
        case F16_OFFSET + VECTOR_MAX -> Kernels16.max(v[a], v[b], v[c]);
        case F16_OFFSET + VECTOR_MEAN -> s[c] = Kernels16.mean(v[a]);
        case F16_OFFSET + VECTOR_ST_DEV -> s[c] = Kernels16.stDev(v[a]);
        // F = 32 variants (OpCodes.F32_OFFSET + op code): constant loop bounds, same results as above.
        case F32_OFFSET + VECTOR_HEAVYSIDE -> Kernels32.heaviside(v[a], v[c]);
        case F32_OFFSET + MATRIX_HEAVYSIDE -> Kernels32.matrixHeaviside(mt[a], mt[c]);
        case F32_OFFSET + SCALAR_VECTOR_PRODUCT -> Kernels32.scale(s[a], v[b], v[c]);
        case F32_OFFSET + VECTOR_RECIPROCAL -> Kernels32.reciprocal(v[a], v[c]);
        case F32_OFFSET + VECTOR_NORM -> s[c] = Math.sqrt(Kernels32.dot(v[a], v[a]));
        case F32_OFFSET + VECTOR_ABS -> Kernels32.abs(v[a], v[c]);
        case F32_OFFSET + VECTOR_SUM -> Kernels32.sum(v[a], v[b], v[c]);
        case F32_OFFSET + VECTOR_DIFF -> Kernels32.diff(v[a], v[b], v[c]);
        case F32_OFFSET + VECTOR_PRODUCT -> Kernels32.product(v[a], v[b], v[c]);
        case F32_OFFSET + VECTOR_DIVISION -> Kernels32.division(v[a], v[b], v[c]);
        case F32_OFFSET + VECTOR_INNER_PRODUCT -> s[c] = Kernels32.dot(v[a], v[b]);
        case F32_OFFSET + VECTOR_OUTER_PRODUCT -> Kernels32.outer(v[a], v[b], mt[c]);
        case F32_OFFSET + SCALAR_MATRIX_PRODUCT -> Kernels32.matrixScale(s[a], mt[b], mt[c]);
        case F32_OFFSET + MATRIX_VECTOR_PRODUCT -> {
          final double[] x = v[b];
          final double[] out = v[c];
          if (out == x) {
            Kernels32.matrixVectorProduct(mt[a], x, scratchVector);
            System.arraycopy(scratchVector, 0, out, 0, Kernels32.N);
          } else {
            Kernels32.matrixVectorProduct(mt[a], x, out);
          }
        }
        case F32_OFFSET + MATRIX_SUM -> Kernels32.matrixSum(mt[a], mt[b], mt[c]);
        case F32_OFFSET + MATRIX_DIFF -> Kernels32.matrixDiff(mt[a], mt[b], mt[c]);
        case F32_OFFSET + MATRIX_PRODUCT -> Kernels32.matrixProduct(mt[a], mt[b], mt[c]);
        case F32_OFFSET + VECTOR_MIN -> Kernels32.min(v[a], v[b], v[c]);
        case F32_OFFSET + VECTOR_MAX -> Kernels32.max(v[a], v[b], v[c]);
        case F32_OFFSET + VECTOR_MEAN -> s[c] = Kernels32.mean(v[a]);
        case F32_OFFSET + VECTOR_ST_DEV -> s[c] = Kernels32.stDev(v[a]);
        default -> {
          if (code[base] < KNOWN_OFFSET) {
            throw new IllegalStateException("unknown op code " + code[base]);
          }
          runKnown(code[base] - KNOWN_OFFSET, a, b, c, (int) data[pc * 2]);
        }
      }
    }
  }

  /**
   * A marked matrix instruction (KnownMatrices; {@code op} is its plain code): done if what is
   * known about its matrices suffices, else its plain kernel runs and the facts follow. Out of
   * the main switch, so that unmarked code pays nothing for it.
   */
  private void runKnown(int op, int a, int b, int c, int slot) {
    if (known.known(op, mt, v, a, b, c, slot)) {
      return;
    }
    switch (op) {
      case MATRIX_SUM -> Kernels.sum(mt[a], mt[b], mt[c], ff);
      case F8_OFFSET + MATRIX_SUM -> Kernels8.matrixSum(mt[a], mt[b], mt[c]);
      case F16_OFFSET + MATRIX_SUM -> Kernels16.matrixSum(mt[a], mt[b], mt[c]);
      case F32_OFFSET + MATRIX_SUM -> Kernels32.matrixSum(mt[a], mt[b], mt[c]);
      case MATRIX_DIFF -> Kernels.diff(mt[a], mt[b], mt[c], ff);
      case F8_OFFSET + MATRIX_DIFF -> Kernels8.matrixDiff(mt[a], mt[b], mt[c]);
      case F16_OFFSET + MATRIX_DIFF -> Kernels16.matrixDiff(mt[a], mt[b], mt[c]);
      case F32_OFFSET + MATRIX_DIFF -> Kernels32.matrixDiff(mt[a], mt[b], mt[c]);
      case MATRIX_PRODUCT -> Kernels.product(mt[a], mt[b], mt[c], ff);
      case F8_OFFSET + MATRIX_PRODUCT -> Kernels8.matrixProduct(mt[a], mt[b], mt[c]);
      case F16_OFFSET + MATRIX_PRODUCT -> Kernels16.matrixProduct(mt[a], mt[b], mt[c]);
      case F32_OFFSET + MATRIX_PRODUCT -> Kernels32.matrixProduct(mt[a], mt[b], mt[c]);
      case VECTOR_OUTER_PRODUCT -> Kernels.outer(v[a], v[b], mt[c], f);
      case F8_OFFSET + VECTOR_OUTER_PRODUCT -> Kernels8.outer(v[a], v[b], mt[c]);
      case F16_OFFSET + VECTOR_OUTER_PRODUCT -> Kernels16.outer(v[a], v[b], mt[c]);
      case F32_OFFSET + VECTOR_OUTER_PRODUCT -> Kernels32.outer(v[a], v[b], mt[c]);
      case MATRIX_VECTOR_PRODUCT -> Kernels.matrixVectorProduct(mt[a], v[b], v[c], f, scratchVector);
      case F8_OFFSET + MATRIX_VECTOR_PRODUCT, F16_OFFSET + MATRIX_VECTOR_PRODUCT,
          F32_OFFSET + MATRIX_VECTOR_PRODUCT -> {
        final double[] x = v[b];
        final double[] target = v[c] == x ? scratchVector : v[c];
        switch (f) {
          case 8 -> Kernels8.matrixVectorProduct(mt[a], x, target);
          case 16 -> Kernels16.matrixVectorProduct(mt[a], x, target);
          default -> Kernels32.matrixVectorProduct(mt[a], x, target);
        }
        if (target != v[c]) {
          System.arraycopy(target, 0, v[c], 0, f);
        }
      }
      default -> throw new IllegalStateException("unknown op code " + (KNOWN_OFFSET + op));
    }
    known.written(op, mt, a, b, c, slot);
  }
}
