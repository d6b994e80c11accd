package org.automlzero.core.simplify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmParser;
import org.automlzero.core.algorithm.AlgorithmSizes;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.HandCodedAlgorithms;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;
import org.junit.jupiter.api.Test;

class VerifiedPassTest {
  private static final MemoryShape SHAPE = new MemoryShape(5, 9, 2, 4);
  private static final List<LearningTask> TASKS = new TaskGenerator().generate(new TaskList("verified", List.of(
      LearningTaskSpec.regression(TaskType.SCALAR_LINEAR_REGRESSION, 4, 200, 50, 3, List.of(1L), List.of(2L)))));

  /** The linear regressor with its prediction offset by a Setup constant. */
  private static Algorithm offsetLinear(String offset) {
    return Simplifier.simplify(AlgorithmParser.parse("""
        def Setup():
          s2 = 0.01
          s4 = %s
        def Predict():
          s1 = dot(v1, v0)
          s1 = s1 + s4
        def Learn():
          s3 = s0 - s1
          s3 = s2 * s3
          v2 = s3 * v0
          v1 = v1 + v2
        """.formatted(offset)));
  }

  /** Mean fitness over TASKS with the real interpreter, every instruction run. */
  private static double fitness(Algorithm algorithm) {
    Interpreter interpreter = new Interpreter(SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    CompiledAlgorithm compiled = CompiledAlgorithm.compileWithoutSkipping(algorithm, SHAPE);
    double sum = 0;
    for (LearningTask task : TASKS) {
      sum += interpreter.execute(compiled, task, task.maxTrainExamples(), Rng.derive(3, "final", 0, task.index()));
    }
    return sum / TASKS.size();
  }

  @Test
  void removesAnInstructionWhoseRemovalChangesTheFitnessByLessThanTheTolerance() {
    Algorithm tiny = offsetLinear("1e-13");
    assertThat(tiny.size()).isEqualTo(8); // the exact rules cannot drop a nonzero offset
    double change = Math.abs(fitness(tiny) - fitness(HandCodedAlgorithms.linear(0.01, new AlgorithmSizes(0, 0, 0))));
    assertThat(change).isGreaterThan(0.0).isLessThan(VerifiedPass.TOLERANCE);

    VerifiedPass.Result r = VerifiedPass.apply(tiny, VerifiedPassTest::fitness, 100);

    // The offset's constant goes first (Setup is tried first), and with it the addition of what is then 0.
    assertThat(r.algorithm()).isEqualTo(HandCodedAlgorithms.linear(0.01, new AlgorithmSizes(0, 0, 0)));
    assertThat(r.removals()).containsExactly(new VerifiedPass.Removal(ComponentFunctionType.SETUP, "s3 = 1.0e-13"));
    assertThat(r.fitnessBefore()).isEqualTo(fitness(tiny));
    assertThat(r.fitnessAfter()).isEqualTo(fitness(r.algorithm()));
    assertThat(Math.abs(r.fitnessAfter() - r.fitnessBefore())).isLessThanOrEqualTo(VerifiedPass.TOLERANCE);
    assertThat(r.capped()).isFalse();
  }

  @Test
  void keepsEveryInstructionWhoseRemovalChangesTheFitnessByMore() {
    Algorithm large = offsetLinear("1e-6");
    VerifiedPass.Result r = VerifiedPass.apply(large, VerifiedPassTest::fitness, 100);
    assertThat(r.algorithm()).isEqualTo(large);
    assertThat(r.removals()).isEmpty();
    assertThat(r.fitnessAfter()).isEqualTo(r.fitnessBefore());
    assertThat(r.evaluations()).isEqualTo(1 + large.size()); // one sweep, each instruction tried once
  }

  @Test
  void measuresTheToleranceFromTheStartSoSmallChangesDoNotAddUp() {
    Algorithm threeSums = Simplifier.simplify(AlgorithmParser.parse("""
        def Setup():
        def Predict():
          s1 = dot(v0, v1)
        def Learn():
          v1 = v1 + v0
          v1 = v1 + v0
          v1 = v1 + v0
        """));
    assertThat(threeSums.size()).isEqualTo(4);
    // A made-up fitness that loses 4e-10 per missing instruction: two removals stay within 1e-9 of
    // the start, a third would not (though it is within 1e-9 of the step before it).
    ToDoubleFunction<Algorithm> fitness = a -> 0.5 - 4e-10 * (threeSums.size() - a.size());
    VerifiedPass.Result r = VerifiedPass.apply(threeSums, fitness, 100);
    assertThat(r.algorithm().size()).isEqualTo(2);
    assertThat(r.removals()).hasSize(2);
    assertThat(r.fitnessBefore() - r.fitnessAfter()).isCloseTo(8e-10, org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void stopsAtTheEvaluationCap() {
    Algorithm tiny = offsetLinear("1e-13");
    VerifiedPass.Result r = VerifiedPass.apply(tiny, VerifiedPassTest::fitness, 2);
    assertThat(r.capped()).isTrue();
    assertThat(r.evaluations()).isEqualTo(2);
    assertThat(r.algorithm()).isEqualTo(tiny); // the offset's constant is the 2nd instruction: never tried
  }
}
