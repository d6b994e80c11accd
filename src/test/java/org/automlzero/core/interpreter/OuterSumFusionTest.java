package org.automlzero.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmSizes;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.HandCodedAlgorithms;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;
import org.junit.jupiter.api.Test;

/**
 * The fused outer product and sum ({@link OuterSumFusion}) fuses the neural net's weight update,
 * leaves pairs whose product is read later alone, and gives the same fitness and per-example
 * errors, bit for bit, as the reference path (no skipping, no fusion) on random algorithms with
 * planted pairs among matrix ops that read, partly write and overwrite the product's matrix.
 */
class OuterSumFusionTest {
  private static final List<Op> SETUP = List.of(Op.MATRIX_GAUSSIAN_SET, Op.VECTOR_GAUSSIAN_SET,
      Op.SCALAR_GAUSSIAN_SET, Op.MATRIX_UNIFORM_SET);
  private static final List<Op> BODY = List.of(Op.VECTOR_OUTER_PRODUCT, Op.MATRIX_SUM, Op.MATRIX_VECTOR_PRODUCT,
      Op.MATRIX_NORM, Op.MATRIX_TRANSPOSE, Op.MATRIX_CONST_SET, Op.MATRIX_DIFF, Op.MATRIX_MEAN, Op.VECTOR_SUM,
      Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_INNER_PRODUCT, Op.SCALAR_SUM, Op.SCALAR_DIFF, Op.VECTOR_HEAVYSIDE);

  @Test
  void theNeuralNetsWeightUpdateIsFused() {
    MemoryShape shape = new MemoryShape(5, 9, 2, 16);
    Algorithm nn = HandCodedAlgorithms.neuralNet(0.01, 0.1, new AlgorithmSizes(3, 5, 11));
    assertThat(fusedPairs(CompiledAlgorithm.compile(nn, shape).learnCode)).isEqualTo(1);
    assertThat(fusedPairs(CompiledAlgorithm.compileWithoutSkipping(nn, shape).learnCode)).isZero();
  }

  @Test
  void aProductReadAfterTheSumIsNotFused() {
    MemoryShape shape = new MemoryShape(4, 4, 3, 8);
    List<Instruction> learn = List.of(Instruction.of(Op.VECTOR_OUTER_PRODUCT, 1, 2, 1),
        Instruction.of(Op.MATRIX_SUM, 0, 1, 0), Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 1, 2, 3));
    // Predict reads v3 (so Learn's v3 = m1 v2 is live) and m0.
    List<Instruction> predict = List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 3, 2, 1),
        Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 0, 2));
    Algorithm read = new Algorithm(List.of(), predict, learn);
    assertThat(fusedPairs(CompiledAlgorithm.compile(read, shape).learnCode)).isZero();
    // Overwritten (m1 = m2 + m0) before the next read: fused.
    Algorithm overwritten = read.with(ComponentFunctionType.LEARN,
        List.of(learn.get(0), learn.get(1), Instruction.of(Op.MATRIX_SUM, 2, 0, 1), learn.get(2)));
    assertThat(fusedPairs(CompiledAlgorithm.compile(overwritten, shape).learnCode)).isEqualTo(1);
  }

  @Test
  void fusedAlgorithmsScoreExactlyAsTheReferencePath() {
    Rng rng = new Rng(31337);
    int fused = 0;
    for (int trial = 0; trial < 1600; trial++) {
      int features = new int[] {3, 8, 16, 32}[trial % 4];
      MemoryShape shape = new MemoryShape(4, 4, 3, features);
      Algorithm algorithm = new Algorithm(RandomAlgorithms.instructions(shape, SETUP, 1 + rng.nextInt(4), rng),
          planted(shape, 1 + rng.nextInt(6), rng), planted(shape, 1 + rng.nextInt(8), rng));
      CompiledAlgorithm compiled = CompiledAlgorithm.compile(algorithm, shape);
      fused += fusedPairs(compiled.predictCode) + fusedPairs(compiled.learnCode);
      CompiledAlgorithm reference = CompiledAlgorithm.compileWithoutSkipping(algorithm, shape);
      EvalType type = trial % 3 == 0 ? EvalType.ACCURACY : EvalType.RMS_ERROR;
      LearningTask task = RandomAlgorithms.randomTask(features, 5 + rng.nextInt(30), 1 + rng.nextInt(10),
          1 + rng.nextInt(2), type, rng);
      double maxAbsError = rng.nextDouble() < 0.3 ? 1e6 : 100;
      long seed = rng.nextLong();
      Interpreter a = new Interpreter(shape, maxAbsError);
      Interpreter b = new Interpreter(shape, maxAbsError);
      long examples = task.maxTrainExamples();
      assertThat(Double.doubleToRawLongBits(a.execute(compiled, task, examples, new Rng(seed))))
          .as("trial %d: %s", trial, algorithm)
          .isEqualTo(Double.doubleToRawLongBits(b.execute(reference, task, examples, new Rng(seed))));
      Bits.assertSameErrors(a, compiled, b, reference, task, seed, Bits::canonical, "trial " + trial);
    }
    assertThat(fused).isGreaterThan(150);
  }

  /** Random body instructions with an outer product and a sum that reads it planted at a random place. */
  private static List<Instruction> planted(MemoryShape shape, int n, Rng rng) {
    List<Instruction> list = new ArrayList<>(RandomAlgorithms.instructions(shape, BODY, n, rng));
    int m = shape.matrices();
    int product = rng.nextInt(m);
    int other = rng.nextInt(m);
    int out = rng.nextDouble() < 0.5 ? other : rng.nextInt(m);
    int at = rng.nextInt(list.size() + 1);
    list.add(at, Instruction.of(Op.VECTOR_OUTER_PRODUCT, rng.nextInt(shape.vectors()), rng.nextInt(shape.vectors()),
        product));
    list.add(at + 1, rng.nextDouble() < 0.5 ? Instruction.of(Op.MATRIX_SUM, other, product, out)
        : Instruction.of(Op.MATRIX_SUM, product, other, out));
    return list;
  }

  private static int fusedPairs(int[] code) {
    int pairs = 0;
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      if (code[base] == OpCodes.FUSED_OFFSET + OpCodes.VECTOR_OUTER_PRODUCT) {
        pairs++;
      }
    }
    return pairs;
  }
}
