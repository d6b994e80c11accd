package org.automlzero.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.interpreter.Interpreter;
import org.junit.jupiter.api.Test;

/** The bench's workloads are what docs/benchmarks.md says, and skipping does not change their fitness. */
class InterpreterBenchTest {

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
    assertThat(withSkipping).isEqualTo(withoutSkipping).isBetween(0.0, 2000.0);
  }

  @Test
  void neuralNetWorkloadLearnsItsTasks() {
    InterpreterBench.Workload nn = InterpreterBench.neuralNet();
    Interpreter interpreter = new Interpreter(nn.shape(), Interpreter.DEFAULT_MAX_ABS_ERROR);
    double mean = InterpreterBench.evaluate(nn, interpreter, 0, 1, true) / nn.tasks().size();
    assertThat(mean).isGreaterThan(0.7); // labels follow a noisy linear rule; chance is 0.5
  }
}
