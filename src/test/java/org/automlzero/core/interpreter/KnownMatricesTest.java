package org.automlzero.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;
import org.junit.jupiter.api.Test;

/**
 * The known-matrix checks ({@link KnownMatrices}: uniform matrices, unchanged outputs) run only
 * where every matrix write of Predict and Learn is theirs, and give the same fitness and
 * per-example errors, bit for bit, as the reference path (no skipping, plain kernels), on random
 * algorithms whose matrices start uniform (broadcast from a scalar) or not, and are summed,
 * subtracted, multiplied and squared until they overflow to infinities and NaN (uniform, mixed,
 * or at a fixed point), with outer products and matrix-vector products in between.
 */
class KnownMatricesTest {
  private static final List<Op> SETUP = List.of(Op.SCALAR_GAUSSIAN_SET, Op.SCALAR_CONST_SET, Op.SCALAR_BROADCAST,
      Op.VECTOR_COLUMN_BROADCAST, Op.VECTOR_ROW_BROADCAST, Op.MATRIX_GAUSSIAN_SET, Op.VECTOR_GAUSSIAN_SET);
  private static final List<Op> BODY = List.of(Op.MATRIX_SUM, Op.MATRIX_DIFF, Op.MATRIX_PRODUCT,
      Op.MATRIX_VECTOR_PRODUCT, Op.MATRIX_VECTOR_PRODUCT, Op.VECTOR_OUTER_PRODUCT, Op.VECTOR_SUM, Op.VECTOR_MAX,
      Op.VECTOR_INNER_PRODUCT, Op.SCALAR_VECTOR_PRODUCT, Op.SCALAR_SUM, Op.VECTOR_HEAVYSIDE);

  @Test
  void onlyAlgorithmsWhoseMatrixWritesAreAllCoveredUseTheKernels() {
    MemoryShape shape = new MemoryShape(4, 4, 2, 16);
    List<Instruction> predict = List.of(Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 0, 2),
        Instruction.of(Op.VECTOR_INNER_PRODUCT, 2, 0, 1));
    Algorithm doubling = new Algorithm(List.of(), predict, List.of(Instruction.of(Op.MATRIX_SUM, 0, 0, 0)));
    assertThat(marked(CompiledAlgorithm.compile(doubling, shape))).isEqualTo(2);
    assertThat(marked(CompiledAlgorithm.compileWithoutSkipping(doubling, shape))).isZero();
    Algorithm transposing = new Algorithm(List.of(), predict, List.of(Instruction.of(Op.MATRIX_SUM, 0, 0, 0),
        Instruction.of(Op.MATRIX_TRANSPOSE, 0, 0, 0)));
    assertThat(marked(CompiledAlgorithm.compile(transposing, shape))).isZero();
    Algorithm noSum = new Algorithm(List.of(), predict, List.of(Instruction.of(Op.VECTOR_OUTER_PRODUCT, 1, 0, 0)));
    assertThat(marked(CompiledAlgorithm.compile(noSum, shape))).isZero();
  }

  @Test
  void markedAlgorithmsScoreExactlyAsTheReferencePath() {
    Rng rng = new Rng(4242);
    int marked = 0;
    int endedUniform = 0;
    for (int trial = 0; trial < 1500; trial++) {
      int features = new int[] {3, 8, 16, 32}[trial % 4];
      MemoryShape shape = new MemoryShape(4, 4, 2, features);
      Algorithm algorithm = new Algorithm(setup(shape, rng),
          read(shape, body(shape, 1 + rng.nextInt(5), rng), rng), body(shape, 1 + rng.nextInt(8), rng));
      CompiledAlgorithm compiled = CompiledAlgorithm.compile(algorithm, shape);
      marked += marked(compiled) > 0 ? 1 : 0;
      CompiledAlgorithm reference = CompiledAlgorithm.compileWithoutSkipping(algorithm, shape);
      EvalType type = trial % 3 == 0 ? EvalType.ACCURACY : EvalType.RMS_ERROR;
      LearningTask task = RandomAlgorithms.randomTask(features, 20 + rng.nextInt(60), 1 + rng.nextInt(10),
          1 + rng.nextInt(2), type, rng);
      double maxAbsError = rng.nextDouble() < 0.5 ? Double.MAX_VALUE : 100;
      long seed = rng.nextLong();
      Interpreter a = new Interpreter(shape, maxAbsError);
      Interpreter b = new Interpreter(shape, maxAbsError);
      long examples = task.maxTrainExamples();
      assertThat(Double.doubleToRawLongBits(a.execute(compiled, task, examples, new Rng(seed))))
          .as("trial %d: %s", trial, algorithm)
          .isEqualTo(Double.doubleToRawLongBits(b.execute(reference, task, examples, new Rng(seed))));
      endedUniform += a.uniformMatrix(0) || a.uniformMatrix(1) ? 1 : 0;
      Bits.assertSameErrors(a, compiled, b, reference, task, seed, Bits::raw, "trial " + trial);
    }
    System.out.println("KnownMatricesTest: " + marked + " of 1500 use the kernels, " + endedUniform
        + " end with a uniform matrix");
    assertThat(marked).isGreaterThan(500);
    assertThat(endedUniform).isGreaterThan(100);
  }

  /** Random body instructions plus planted doublings and squarings of a random matrix. */
  private static List<Instruction> body(MemoryShape shape, int n, Rng rng) {
    List<Instruction> list = new ArrayList<>(RandomAlgorithms.instructions(shape, BODY, n, rng));
    for (int k = rng.nextInt(4); k > 0; k--) {
      int m = rng.nextInt(shape.matrices());
      Op op = rng.nextDouble() < 0.6 ? Op.MATRIX_SUM : Op.MATRIX_PRODUCT;
      list.add(rng.nextInt(list.size() + 1), Instruction.of(op, m, m, m));
    }
    return list;
  }

  /** Random Setup instructions, often followed by a matrix filled with one value of magnitude about 1 to 10. */
  private static List<Instruction> setup(MemoryShape shape, Rng rng) {
    List<Instruction> list = new ArrayList<>(RandomAlgorithms.instructions(shape, SETUP, 1 + rng.nextInt(6), rng));
    for (int m = 0; m < shape.matrices(); m++) {
      if (rng.nextDouble() < 0.6) {
        double value = (rng.nextDouble() < 0.5 ? -1 : 1) * (1 + 9 * rng.nextDouble());
        list.add(new Instruction(Op.SCALAR_CONST_SET, 0, 0, 3, value, 0f, 0f, 0f));
        list.add(Instruction.of(Op.SCALAR_BROADCAST, 3, 0, 3));
        list.add(Instruction.of(Op.VECTOR_COLUMN_BROADCAST, 3, 0, m));
      }
    }
    return list;
  }

  /** Mostly, Predict ends by reading a random matrix into the prediction (so its updates are live). */
  private static List<Instruction> read(MemoryShape shape, List<Instruction> predict, Rng rng) {
    List<Instruction> list = new ArrayList<>(predict);
    if (rng.nextDouble() < 0.8) {
      list.add(Instruction.of(Op.MATRIX_VECTOR_PRODUCT, rng.nextInt(shape.matrices()), 0, 2));
      list.add(Instruction.of(Op.VECTOR_INNER_PRODUCT, 2, rng.nextInt(shape.vectors()), MemoryShape.PREDICTION));
    }
    return list;
  }

  private static int marked(CompiledAlgorithm compiled) {
    int n = 0;
    for (int[] code : new int[][] {compiled.predictCode, compiled.learnCode}) {
      for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
        n += code[base] >= OpCodes.KNOWN_OFFSET ? 1 : 0;
      }
    }
    return n;
  }
}
