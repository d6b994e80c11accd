package org.automlzero.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;
import org.junit.jupiter.api.Test;

/** The bench's workloads are what docs/benchmarks.md says, and skipping does not change their fitness. */
class InterpreterBenchTest {
  private static final long PINNED_BITS = 4648215864164652289L; // 568.9626443280432

  @Test
  void demoWorkloadMatchesTheDemoSpec() {
    InterpreterBench.Workload demo = InterpreterBench.demo();
    assertThat(demo.shape().features()).isEqualTo(4);
    assertThat(demo.tasks()).hasSize(10).allSatisfy(t -> {
      assertThat(t.numTrain()).isEqualTo(100);
      assertThat(t.numValid()).isEqualTo(100);
    });
    Set<Op> demoOps = Set.of(Op.SCALAR_CONST_SET, Op.VECTOR_INNER_PRODUCT, Op.SCALAR_DIFF, Op.SCALAR_PRODUCT,
        Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM);
    for (Algorithm a : demo.algorithms()) {
      assertThat(a.setup()).hasSize(10);
      assertThat(a.predict()).hasSize(2);
      assertThat(a.learn()).hasSize(8);
      assertThat(a.setup()).extracting(Instruction::op).allMatch(demoOps::contains);
    }
    Interpreter interpreter = new Interpreter(demo.shape(), Interpreter.DEFAULT_MAX_ABS_ERROR);
    double withSkipping = InterpreterBench.evaluate(demo, interpreter, 0, 200, true);
    double withoutSkipping = InterpreterBench.evaluate(demo, interpreter, 0, 200, false);
    assertThat(withSkipping).isEqualTo(withoutSkipping);
    // The same sum computed here, one fresh interpreter per algorithm and task, with the seeds
    // the bench documents; and its exact value, so a change of workload or seeds shows.
    double reference = 0;
    for (int k = 0; k < 200; k++) {
      Algorithm a = demo.algorithms().get(k % demo.algorithms().size());
      CompiledAlgorithm compiled = CompiledAlgorithm.compileWithoutSkipping(a, demo.shape());
      for (LearningTask task : demo.tasks()) {
        reference += new Interpreter(demo.shape(), Interpreter.DEFAULT_MAX_ABS_ERROR).execute(compiled, task,
            demo.trainExamples(), new Rng(Rng.deriveSeed(9, "bench", k % demo.algorithms().size(), task.index())));
      }
    }
    assertThat(withSkipping).isEqualTo(reference);
    assertThat(Double.doubleToRawLongBits(withSkipping)).as("%s", withSkipping).isEqualTo(PINNED_BITS);
  }

  @Test
  void neuralNetWorkloadLearnsItsTasks() {
    InterpreterBench.Workload nn = InterpreterBench.neuralNet();
    Interpreter interpreter = new Interpreter(nn.shape(), Interpreter.DEFAULT_MAX_ABS_ERROR);
    double mean = InterpreterBench.evaluate(nn, interpreter, 0, 1, true) / nn.tasks().size();
    assertThat(mean).isGreaterThan(0.7); // labels follow a noisy linear rule; chance is 0.5
  }
}
