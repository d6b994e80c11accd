package org.automlzero.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every one of the 65 ops on hand-picked inputs with exact expected results (F = 3). */
class OpsTest {
  private static final int F = 3;
  private static final MemoryShape SHAPE = new MemoryShape(4, 3, 3, F);
  private static final Set<Op> COVERED = EnumSet.noneOf(Op.class);

  private Interpreter interpreter;

  @BeforeEach
  void setUp() {
    interpreter = new Interpreter(SHAPE, 100.0);
    // s2 = 2, s3 = -0.5; v1 = [1, -2, 0.5], v2 = [3, 4, -1];
    // m0 = [[1,2,3],[4,5,6],[7,8,9]], m1 = [[0,1,0],[1,0,0],[0,0,2]], m2 = [[-1,0,2],[0,-3,0],[1,1,0]]
    s(2, 2.0);
    s(3, -0.5);
    v(1, 1, -2, 0.5);
    v(2, 3, 4, -1);
    mat(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    mat(1, 0, 1, 0, 1, 0, 0, 0, 0, 2);
    mat(2, -1, 0, 2, 0, -3, 0, 1, 1, 0);
  }

  /**
   * Runs every other test of this class on a fresh instance and checks that together they
   * executed every op: it does not depend on which tests ran before it (or whether they did).
   */
  @Test
  void everyOpIsCovered() throws Exception {
    COVERED.clear();
    for (Method method : OpsTest.class.getDeclaredMethods()) {
      if (method.isAnnotationPresent(Test.class) && !method.getName().equals("everyOpIsCovered")) {
        OpsTest test = new OpsTest();
        test.setUp();
        method.setAccessible(true);
        method.invoke(test);
      }
    }
    assertThat(EnumSet.complementOf(EnumSet.copyOf(COVERED))).isEmpty();
  }

  @Test
  void scalarArithmetic() {
    exec(Op.NO_OP, 0, 0, 0);
    assertThat(s(2)).isEqualTo(2.0);
    exec(Op.SCALAR_SUM, 2, 3, 1);
    assertThat(s(1)).isEqualTo(1.5);
    exec(Op.SCALAR_DIFF, 2, 3, 1);
    assertThat(s(1)).isEqualTo(2.5);
    exec(Op.SCALAR_PRODUCT, 2, 3, 1);
    assertThat(s(1)).isEqualTo(-1.0);
    exec(Op.SCALAR_DIVISION, 2, 3, 1);
    assertThat(s(1)).isEqualTo(-4.0);
    exec(Op.SCALAR_DIVISION, 2, 0, 1);
    assertThat(s(1)).isEqualTo(Double.POSITIVE_INFINITY);
    exec(Op.SCALAR_ABS, 3, 0, 1);
    assertThat(s(1)).isEqualTo(0.5);
    exec(Op.SCALAR_RECIPROCAL, 3, 0, 1);
    assertThat(s(1)).isEqualTo(-2.0);
    exec(Op.SCALAR_MIN, 2, 3, 1);
    assertThat(s(1)).isEqualTo(-0.5);
    exec(Op.SCALAR_MAX, 2, 3, 1);
    assertThat(s(1)).isEqualTo(2.0);
  }

  @Test
  void scalarFunctions() {
    exec(Op.SCALAR_SIN, 3, 0, 1);
    assertThat(s(1)).isEqualTo(Math.sin(-0.5));
    exec(Op.SCALAR_COS, 3, 0, 1);
    assertThat(s(1)).isEqualTo(Math.cos(-0.5));
    exec(Op.SCALAR_TAN, 3, 0, 1);
    assertThat(s(1)).isEqualTo(Math.tan(-0.5));
    exec(Op.SCALAR_ARCSIN, 3, 0, 1);
    assertThat(s(1)).isEqualTo(Math.asin(-0.5));
    exec(Op.SCALAR_ARCCOS, 3, 0, 1);
    assertThat(s(1)).isEqualTo(Math.acos(-0.5));
    exec(Op.SCALAR_ARCSIN, 2, 0, 1);
    assertThat(s(1)).isNaN();
    exec(Op.SCALAR_ARCTAN, 2, 0, 1);
    assertThat(s(1)).isEqualTo(Math.atan(2.0));
    exec(Op.SCALAR_EXP, 2, 0, 1);
    assertThat(s(1)).isEqualTo(Math.exp(2.0));
    exec(Op.SCALAR_LOG, 2, 0, 1);
    assertThat(s(1)).isEqualTo(Math.log(2.0));
    exec(Op.SCALAR_LOG, 3, 0, 1);
    assertThat(s(1)).isNaN();
  }

  @Test
  void heavisideIsNonStrictForScalarsAndStrictForVectorsAndMatrices() {
    exec(Op.SCALAR_HEAVYSIDE, 0, 0, 1); // s0 = 0
    assertThat(s(1)).isEqualTo(1.0);
    exec(Op.SCALAR_HEAVYSIDE, 3, 0, 1);
    assertThat(s(1)).isEqualTo(0.0);
    v(1, 0.0, -2, 0.5);
    exec(Op.VECTOR_HEAVYSIDE, 1, 0, 1); // in place
    assertThat(v(1)).containsExactly(0.0, 0.0, 1.0);
    mat(2, 0, 1, -1, 0, 0, 3, -0.0, 2, 0);
    exec(Op.MATRIX_HEAVYSIDE, 2, 0, 0);
    assertThat(mat(0)).containsExactly(0, 1, 0, 0, 0, 1, 0, 1, 0);
  }

  @Test
  void vectorOps() {
    exec(Op.SCALAR_VECTOR_PRODUCT, 2, 1, 1); // in place
    assertThat(v(1)).containsExactly(2, -4, 1);
    exec(Op.SCALAR_BROADCAST, 3, 0, 2);
    assertThat(v(2)).containsExactly(-0.5, -0.5, -0.5);
    setUp();
    exec(Op.VECTOR_RECIPROCAL, 1, 0, 2);
    assertThat(v(2)).containsExactly(1, -0.5, 2);
    exec(Op.VECTOR_NORM, 1, 0, 1);
    assertThat(s(1)).isEqualTo(Math.sqrt(1 + 4 + 0.25));
    exec(Op.VECTOR_ABS, 1, 0, 2);
    assertThat(v(2)).containsExactly(1, 2, 0.5);
    setUp();
    exec(Op.VECTOR_SUM, 1, 2, 0);
    assertThat(v(0)).containsExactly(4, 2, -0.5);
    exec(Op.VECTOR_DIFF, 1, 2, 0);
    assertThat(v(0)).containsExactly(-2, -6, 1.5);
    exec(Op.VECTOR_PRODUCT, 1, 2, 0);
    assertThat(v(0)).containsExactly(3, -8, -0.5);
    exec(Op.VECTOR_DIVISION, 1, 2, 0);
    assertThat(v(0)).containsExactly(1.0 / 3, -0.5, -0.5);
    exec(Op.VECTOR_INNER_PRODUCT, 1, 2, 1);
    assertThat(s(1)).isEqualTo(3 - 8 - 0.5);
    exec(Op.VECTOR_MIN, 1, 2, 0);
    assertThat(v(0)).containsExactly(1, -2, -1);
    exec(Op.VECTOR_MAX, 1, 2, 0);
    assertThat(v(0)).containsExactly(3, 4, 0.5);
    exec(Op.VECTOR_MEAN, 2, 0, 1);
    assertThat(s(1)).isEqualTo(2.0);
    exec(Op.VECTOR_ST_DEV, 2, 0, 1);
    assertThat(s(1)).isEqualTo(Math.sqrt((9 + 16 + 1) / 3.0 - 4.0));
  }

  @Test
  void vectorMatrixOps() {
    exec(Op.VECTOR_OUTER_PRODUCT, 1, 2, 2);
    assertThat(mat(2)).containsExactly(3, 4, -1, -6, -8, 2, 1.5, 2, -0.5);
    exec(Op.SCALAR_MATRIX_PRODUCT, 2, 0, 0); // in place
    assertThat(mat(0)).containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18);
    setUp();
    exec(Op.MATRIX_VECTOR_PRODUCT, 0, 1, 2);
    assertThat(v(2)).containsExactly(1 - 4 + 1.5, 4 - 10 + 3, 7 - 16 + 4.5);
    setUp();
    exec(Op.MATRIX_VECTOR_PRODUCT, 0, 1, 1); // out aliases the vector input
    assertThat(v(1)).containsExactly(1 - 4 + 1.5, 4 - 10 + 3, 7 - 16 + 4.5);
    setUp();
    exec(Op.VECTOR_COLUMN_BROADCAST, 1, 0, 2);
    assertThat(mat(2)).containsExactly(1, 1, 1, -2, -2, -2, 0.5, 0.5, 0.5);
    exec(Op.VECTOR_ROW_BROADCAST, 1, 0, 2);
    assertThat(mat(2)).containsExactly(1, -2, 0.5, 1, -2, 0.5, 1, -2, 0.5);
    exec(Op.MATRIX_COLUMN_NORM, 0, 0, 1);
    assertThat(v(1)).containsExactly(Math.sqrt(1 + 16 + 49), Math.sqrt(4 + 25 + 64), Math.sqrt(9 + 36 + 81));
    exec(Op.MATRIX_ROW_NORM, 0, 0, 1);
    assertThat(v(1)).containsExactly(Math.sqrt(1 + 4 + 9), Math.sqrt(16 + 25 + 36), Math.sqrt(49 + 64 + 81));
    exec(Op.MATRIX_ROW_MEAN, 0, 0, 1);
    assertThat(v(1)).containsExactly(2, 5, 8);
    exec(Op.MATRIX_ROW_ST_DEV, 0, 0, 1);
    double rowStDev = Math.sqrt(2.0 / 3.0);
    assertThat(v(1)).containsExactly(
        Math.sqrt(14 / 3.0 - 4), Math.sqrt(77 / 3.0 - 25), Math.sqrt(194 / 3.0 - 64));
    assertThat(v(1)[0]).isCloseTo(rowStDev, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void matrixOps() {
    exec(Op.MATRIX_NORM, 0, 0, 1);
    assertThat(s(1)).isEqualTo(Math.sqrt(285));
    exec(Op.MATRIX_MEAN, 0, 0, 1);
    assertThat(s(1)).isEqualTo(5.0);
    exec(Op.MATRIX_ST_DEV, 0, 0, 1);
    assertThat(s(1)).isEqualTo(Math.sqrt(285 / 9.0 - 25));
    exec(Op.MATRIX_TRANSPOSE, 0, 0, 2);
    assertThat(mat(2)).containsExactly(1, 4, 7, 2, 5, 8, 3, 6, 9);
    exec(Op.MATRIX_ABS, 2, 0, 2);
    assertThat(mat(2)).containsExactly(1, 4, 7, 2, 5, 8, 3, 6, 9);
    setUp();
    exec(Op.MATRIX_RECIPROCAL, 1, 0, 2);
    assertThat(mat(2)).containsExactly(Double.POSITIVE_INFINITY, 1, Double.POSITIVE_INFINITY, 1,
        Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0.5);
    setUp();
    exec(Op.MATRIX_SUM, 0, 1, 2);
    assertThat(mat(2)).containsExactly(1, 3, 3, 5, 5, 6, 7, 8, 11);
    exec(Op.MATRIX_DIFF, 0, 1, 2);
    assertThat(mat(2)).containsExactly(1, 1, 3, 3, 5, 6, 7, 8, 7);
    exec(Op.MATRIX_PRODUCT, 0, 1, 2);
    assertThat(mat(2)).containsExactly(0, 2, 0, 4, 0, 0, 0, 0, 18);
    exec(Op.MATRIX_DIVISION, 1, 0, 2);
    assertThat(mat(2)).containsExactly(0, 0.5, 0, 0.25, 0, 0, 0, 0, 2.0 / 9);
    setUp();
    exec(Op.MATRIX_MIN, 0, 2, 1);
    assertThat(mat(1)).containsExactly(-1, 0, 2, 0, -3, 0, 1, 1, 0);
    exec(Op.MATRIX_MAX, 0, 2, 1);
    assertThat(mat(1)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void transposeInPlace() {
    exec(Op.MATRIX_TRANSPOSE, 0, 0, 0);
    assertThat(mat(0)).containsExactly(1, 4, 7, 2, 5, 8, 3, 6, 9);
  }

  @Test
  void matrixMatrixProductWithAndWithoutAliasing() {
    double[] expected = {2, 1, 6, 5, 4, 12, 8, 7, 18}; // m0 * m1
    exec(Op.MATRIX_MATRIX_PRODUCT, 0, 1, 2);
    assertThat(mat(2)).containsExactly(expected);
    setUp();
    exec(Op.MATRIX_MATRIX_PRODUCT, 0, 1, 0); // out == in1
    assertThat(mat(0)).containsExactly(expected);
    setUp();
    exec(Op.MATRIX_MATRIX_PRODUCT, 0, 1, 1); // out == in2
    assertThat(mat(1)).containsExactly(expected);
    setUp();
    exec(Op.MATRIX_MATRIX_PRODUCT, 0, 0, 0); // out == in1 == in2: m0 squared
    assertThat(mat(0)).containsExactly(30, 36, 42, 66, 81, 96, 102, 126, 150);
  }

  @Test
  void constSets() {
    execInstruction(Instruction.constant(2, 0.25));
    assertThat(s(2)).isEqualTo(0.25);
    // FloatToIndex: (int) (F * d0): 0.7 * 3 = 2.1 -> 2.
    execInstruction(Instruction.withData(Op.VECTOR_CONST_SET, 1, 0.7f, -0.25f, 0f));
    assertThat(v(1)).containsExactly(1, -2, -0.25);
    execInstruction(Instruction.withData(Op.VECTOR_CONST_SET, 1, 0.0f, 0.125f, 0f));
    assertThat(v(1)).containsExactly(0.125, -2, -0.25);
    // Row (int) (3 * 0.5) = 1, column (int) (3 * 0.34) = 1.
    execInstruction(Instruction.withData(Op.MATRIX_CONST_SET, 0, 0.5f, 0.34f, 0.75f));
    assertThat(mat(0)).containsExactly(1, 2, 3, 4, 0.75, 6, 7, 8, 9);
    // A fraction that float-rounded to exactly 1 selects the last entry.
    execInstruction(Instruction.withData(Op.VECTOR_CONST_SET, 2, 1.0f, 9f, 0f));
    assertThat(v(2)).containsExactly(3, 4, 9);
  }

  @Test
  void constSetIndexOutOfRangeIsAClearError() {
    Algorithm algorithm = new Algorithm(List.of(Instruction.withData(Op.VECTOR_CONST_SET, 1, 1.5f, 1f, 0f)),
        List.of(), List.of());
    assertThatThrownBy(() -> CompiledAlgorithm.compile(algorithm, SHAPE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Setup instruction 0: index d0 = 1.5 is out of range: it must be a fraction in [0, 1) that"
            + " selects one of F=3 entries");
  }

  @Test
  void randomSetsDrawFromTheRunTimeStream() {
    execInstruction(Instruction.withData(Op.SCALAR_UNIFORM_SET, 2, -1f, 3f, 0f), new Rng(7));
    Rng expected = new Rng(7);
    assertThat(s(2)).isEqualTo(expected.uniform(-1.0, 3.0));
    execInstruction(Instruction.withData(Op.VECTOR_UNIFORM_SET, 1, 0.5f, 1f, 0f), new Rng(8));
    expected = new Rng(8);
    assertThat(v(1)).containsExactly(expected.uniform(0.5, 1), expected.uniform(0.5, 1), expected.uniform(0.5, 1));
    execInstruction(Instruction.withData(Op.MATRIX_UNIFORM_SET, 2, 0f, 0.5f, 0f), new Rng(9));
    expected = new Rng(9);
    double[] m = new double[9];
    for (int i = 0; i < 9; i++) {
      m[i] = expected.uniform(0, 0.5);
    }
    assertThat(mat(2)).containsExactly(m);
    execInstruction(Instruction.withData(Op.SCALAR_GAUSSIAN_SET, 2, 1f, 0.5f, 0f), new Rng(10));
    expected = new Rng(10);
    assertThat(s(2)).isEqualTo(expected.gaussian(1, 0.5));
    execInstruction(Instruction.withData(Op.VECTOR_GAUSSIAN_SET, 1, 0f, 2f, 0f), new Rng(11));
    expected = new Rng(11);
    assertThat(v(1)).containsExactly(expected.gaussian(0, 2), expected.gaussian(0, 2), expected.gaussian(0, 2));
    execInstruction(Instruction.withData(Op.MATRIX_GAUSSIAN_SET, 0, -1f, 0.25f, 0f), new Rng(12));
    expected = new Rng(12);
    for (int i = 0; i < 9; i++) {
      m[i] = expected.gaussian(-1, 0.25);
    }
    assertThat(mat(0)).containsExactly(m);
  }

  @Test
  void minAndMaxFollowTheOriginalsNanOrder() {
    s(2, Double.NaN);
    s(3, 1.0);
    exec(Op.SCALAR_MIN, 2, 3, 1); // std::min(NaN, 1) = NaN
    assertThat(s(1)).isNaN();
    exec(Op.SCALAR_MIN, 3, 2, 1); // std::min(1, NaN) = 1
    assertThat(s(1)).isEqualTo(1.0);
    exec(Op.SCALAR_MAX, 2, 3, 1); // std::max(NaN, 1) = NaN
    assertThat(s(1)).isNaN();
  }

  @Test
  void unrolledFourFeatureVariantsAndFourWayDotsMatchTheirDefinitions() {
    for (int f : new int[] {4, 16}) {
      MemoryShape shape = new MemoryShape(4, 4, 1, f);
      Interpreter interp = new Interpreter(shape, 100.0);
      Rng rng = new Rng(f);
      double[] x = new double[f];
      double[] y = new double[f];
      for (int i = 0; i < f; i++) {
        x[i] = rng.gaussian(0, 1);
        y[i] = i == 1 ? -0.0 : rng.gaussian(0, 1);
      }
      double k = -1.5;
      double[] sum = new double[f];
      double[] diff = new double[f];
      double[] prod = new double[f];
      double[] scaled = new double[f];
      double[] step = new double[f];
      for (int i = 0; i < f; i++) {
        sum[i] = x[i] + y[i];
        diff[i] = x[i] - y[i];
        prod[i] = x[i] * y[i];
        scaled[i] = y[i] * k;
        step[i] = x[i] > 0 ? 1 : 0;
      }
      double dot = 0.0;
      for (int i = 0; i < f; i++) {
        dot += x[i] * y[i];
      }
      Object[][] cases = {
          {Instruction.of(Op.VECTOR_SUM, 1, 2, 3), sum},
          {Instruction.of(Op.VECTOR_DIFF, 1, 2, 3), diff},
          {Instruction.of(Op.VECTOR_PRODUCT, 1, 2, 3), prod},
          {Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 2, 2, 3), scaled},
          {Instruction.of(Op.VECTOR_HEAVYSIDE, 1, 0, 3), step}};
      for (Object[] c : cases) {
        System.arraycopy(x, 0, interp.vectors()[1], 0, f);
        System.arraycopy(y, 0, interp.vectors()[2], 0, f);
        interp.scalars()[2] = k;
        interp.runSetupOnCurrentMemory(CompiledAlgorithm.compileWithoutSkipping(
            new Algorithm(List.of((Instruction) c[0]), List.of(), List.of()), shape), new Rng(1));
        assertThat(interp.vectors()[3]).as("%s at F=%d", c[0], f).containsExactly((double[]) c[1]);
      }
      interp.runSetupOnCurrentMemory(CompiledAlgorithm.compileWithoutSkipping(
          new Algorithm(List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 2, 3)), List.of(), List.of()), shape),
          new Rng(1));
      assertThat(interp.scalars()[3]).isEqualTo(dot);
    }
  }

  @Test
  void longSumsUseFourInterleavedPartialSums() {
    int f = 9; // 81 entries: four-way from 64 on, with a tail of one
    MemoryShape shape = new MemoryShape(4, 2, 2, f);
    Interpreter interp = new Interpreter(shape, 100.0);
    Rng rng = new Rng(99);
    double[] m = new double[f * f]; // row-major
    double[] p = new double[4];
    for (int i = 0; i < f * f; i++) {
      m[i] = rng.gaussian(0, 1);
    }
    setRowMajor(interp.matrices()[0], m, f);
    for (int i = 0; i < 80; i++) {
      p[i % 4] += m[i] * m[i];
    }
    p[0] += m[80] * m[80];
    interp.runSetupOnCurrentMemory(CompiledAlgorithm.compileWithoutSkipping(
        new Algorithm(List.of(Instruction.of(Op.MATRIX_NORM, 0, 0, 2)), List.of(), List.of()), shape), new Rng(1));
    assertThat(interp.scalars()[2]).isEqualTo(Math.sqrt((p[0] + p[1]) + (p[2] + p[3])));
    // Matrix-vector rows are sequential sums, like a short dot product.
    double[] x = interp.vectors()[1];
    for (int j = 0; j < f; j++) {
      x[j] = rng.gaussian(0, 1);
    }
    double[] before = x.clone();
    interp.runSetupOnCurrentMemory(CompiledAlgorithm.compileWithoutSkipping(
        new Algorithm(List.of(Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 1, 1)), List.of(), List.of()), shape),
        new Rng(1));
    double[] expected = new double[f];
    for (int i = 0; i < f; i++) {
      double sum = 0.0;
      for (int j = 0; j < f; j++) {
        sum += m[i * f + j] * before[j];
      }
      expected[i] = sum;
    }
    assertThat(x).containsExactly(expected);
  }

  // ---- harness ----

  private void exec(Op op, int in1, int in2, int out) {
    execInstruction(Instruction.of(op, in1, in2, out));
  }

  private void execInstruction(Instruction instruction) {
    execInstruction(instruction, new Rng(1));
  }

  private void execInstruction(Instruction instruction, Rng rng) {
    COVERED.add(instruction.op());
    Algorithm algorithm = new Algorithm(List.of(instruction), List.of(), List.of());
    interpreter.runSetupOnCurrentMemory(CompiledAlgorithm.compileWithoutSkipping(algorithm, SHAPE), rng);
  }

  private void s(int i, double x) {
    interpreter.scalars()[i] = x;
  }

  private double s(int i) {
    return interpreter.scalars()[i];
  }

  private void v(int i, double... xs) {
    System.arraycopy(xs, 0, interpreter.vectors()[i], 0, F);
  }

  private double[] v(int i) {
    return interpreter.vectors()[i].clone();
  }

  /** Sets matrix i from its entries in row-major order (the interpreter stores it column-major). */
  private void mat(int i, double... xs) {
    setRowMajor(interpreter.matrices()[i], xs, F);
  }

  /** Matrix i's entries in row-major order. */
  private double[] mat(int i) {
    return rowMajor(interpreter.matrices()[i], F);
  }

  private static void setRowMajor(double[] columnMajor, double[] rowMajor, int f) {
    for (int r = 0; r < f; r++) {
      for (int c = 0; c < f; c++) {
        columnMajor[c * f + r] = rowMajor[r * f + c];
      }
    }
  }

  private static double[] rowMajor(double[] columnMajor, int f) {
    double[] out = new double[f * f];
    for (int r = 0; r < f; r++) {
      for (int c = 0; c < f; c++) {
        out[r * f + c] = columnMajor[c * f + r];
      }
    }
    return out;
  }
}
