package org.automlzero.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;
import org.junit.jupiter.api.Test;

/** Liveness masks on hand-built programs, and bit-identical fitness with and without skipping. */
class LivenessTest {

  @Test
  void marksExactlyTheInstructionsWhoseResultsCanBeRead() {
    Algorithm algorithm = new Algorithm(
        List.of(
            Instruction.constant(2, 0.1),                                 // live: read by Learn via s2
            Instruction.constant(3, 5.0),                                 // dead: overwritten in Predict first
            Instruction.withData(Op.VECTOR_GAUSSIAN_SET, 1, 0f, 1f, 0f),  // live: v1 read by Predict
            Instruction.withData(Op.VECTOR_UNIFORM_SET, 2, 0f, 1f, 0f)),  // dead: v2 never read
        List.of(
            Instruction.of(Op.SCALAR_SUM, 0, 0, 3),                       // dead: only a dead op reads s3
            Instruction.of(Op.VECTOR_INNER_PRODUCT, 0, 1, 1),            // live: s1 is the prediction
            Instruction.of(Op.SCALAR_PRODUCT, 3, 3, 4)),                  // dead: s4 never read
        List.of(
            Instruction.of(Op.SCALAR_DIFF, 0, 1, 3),                      // live: read below
            Instruction.of(Op.SCALAR_PRODUCT, 2, 3, 3),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 3, 0, 2),            // live: v2 read below
            Instruction.of(Op.VECTOR_SUM, 1, 2, 1),                       // live: v1 read by Predict
            Instruction.of(Op.VECTOR_ABS, 0, 0, 0)));                     // dead: v0 is overwritten
    Liveness.Masks masks = Liveness.liveInstructions(algorithm);
    assertThat(masks.setup()).containsExactly(true, false, true, false);
    assertThat(masks.predict()).containsExactly(false, true, false);
    assertThat(masks.learn()).containsExactly(true, true, true, true, false);
  }

  @Test
  void partialWritesDoNotEndLiveness() {
    // v1[0] = 1 does not overwrite all of v1, so the gaussian fill before it stays live.
    Algorithm algorithm = new Algorithm(
        List.of(Instruction.withData(Op.VECTOR_GAUSSIAN_SET, 1, 0f, 1f, 0f),
            Instruction.withData(Op.VECTOR_CONST_SET, 1, 0f, 1f, 0f)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 0, 1, 1)), List.of());
    assertThat(Liveness.liveInstructions(algorithm).setup()).containsExactly(true, true);
  }

  @Test
  void valuesCarriedAcrossEpochsAndValidationStayLive() {
    // Predict reads s2 which only Predict itself updates: live through the Predict -> Predict edge.
    Algorithm algorithm = new Algorithm(List.of(),
        List.of(Instruction.of(Op.SCALAR_SUM, 2, 2, 1), Instruction.of(Op.SCALAR_SUM, 1, 1, 2)), List.of());
    assertThat(Liveness.liveInstructions(algorithm).predict()).containsExactly(true, true);
  }

  @Test
  void wideAndNarrowBitSetsAgree() {
    // A shape with more than 64 addresses uses the multi-word sets; the shape-free call sizes
    // the sets from the addresses used, which here mostly fit one word.
    MemoryShape wide = new MemoryShape(40, 30, 5, 2);
    List<Op> ops = RandomAlgorithms.supportedOps(wide);
    Rng rng = new Rng(77);
    for (int trial = 0; trial < 500; trial++) {
      Algorithm algorithm = RandomAlgorithms.randomAlgorithm(wide, ops, rng.nextInt(6), 1 + rng.nextInt(6),
          rng.nextInt(6), rng);
      Liveness.Masks byShape = Liveness.analyze(algorithm, wide).masks();
      Liveness.Masks byAddresses = Liveness.liveInstructions(algorithm);
      for (var type : org.automlzero.core.algorithm.ComponentFunctionType.values()) {
        assertThat(byShape.of(type)).as("trial %d %s", trial, type).isEqualTo(byAddresses.of(type));
      }
    }
  }

  @Test
  void skippingDeadInstructionsGivesBitIdenticalResults() {
    Rng rng = new Rng(20260101);
    int checked = 0;
    int skippedSome = 0;
    for (int trial = 0; trial < 3000; trial++) {
      // Every tenth shape has more than 64 addresses (multi-word liveness sets).
      MemoryShape shape = trial % 10 == 0 ? new MemoryShape(30 + rng.nextInt(10), 30, 6, 1 + rng.nextInt(3))
          : RandomAlgorithms.randomShape(rng);
      List<Op> ops = RandomAlgorithms.supportedOps(shape);
      Algorithm algorithm = RandomAlgorithms.randomAlgorithm(shape, ops, rng.nextInt(8), 1 + rng.nextInt(6),
          rng.nextInt(8), rng);
      EvalType type = rng.nextDouble() < 0.5 ? EvalType.ACCURACY : EvalType.RMS_ERROR;
      LearningTask task = RandomAlgorithms.randomTask(shape.features(), 1 + rng.nextInt(6), 1 + rng.nextInt(5),
          1 + rng.nextInt(3), type, rng);
      CompiledAlgorithm fast = CompiledAlgorithm.compile(algorithm, shape);
      CompiledAlgorithm reference = CompiledAlgorithm.compileWithoutSkipping(algorithm, shape);
      if (kept(fast) < kept(reference)) {
        skippedSome++;
      }
      Interpreter a = new Interpreter(shape, 100);
      Interpreter b = new Interpreter(shape, 100);
      long seed = rng.nextLong();
      long steps = rng.nextInt(20);
      double fa = a.execute(fast, task, steps, new Rng(seed));
      double fb = b.execute(reference, task, steps, new Rng(seed));
      assertThat(Double.doubleToRawLongBits(fa)).as("trial %d: %s", trial, algorithm)
          .isEqualTo(Double.doubleToRawLongBits(fb));
      assertThat(a.lastTrainSteps()).isEqualTo(b.lastTrainSteps());

      double[] ta = new double[10];
      double[] va = new double[10];
      double[] tb = new double[10];
      double[] vb = new double[10];
      int na = a.fingerprint(fast, task, 10, 10, new Rng(seed), ta, va);
      int nb = b.fingerprint(reference, task, 10, 10, new Rng(seed), tb, vb);
      assertThat(na).isEqualTo(nb);
      assertThat(a.lastValidErrorCount()).isEqualTo(b.lastValidErrorCount());
      assertThat(ta).isEqualTo(tb);
      assertThat(va).isEqualTo(vb);
      checked++;
    }
    assertThat(checked).isEqualTo(3000);
    assertThat(skippedSome).as("the test must exercise skipping").isGreaterThan(1000);
  }

  /** Instructions a compiled algorithm runs, not counting a merged skip of random draws. */
  private static int kept(CompiledAlgorithm compiled) {
    int n = 0;
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      for (int id : compiled.keptOpIds(type)) {
        n += id == Op.values().length ? 0 : 1;
      }
    }
    return n;
  }
}
