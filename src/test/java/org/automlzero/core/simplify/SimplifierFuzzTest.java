package org.automlzero.core.simplify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmPrinter;
import org.automlzero.core.algorithm.AlgorithmSizes;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.HandCodedAlgorithms;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;
import org.junit.jupiter.api.Test;

/**
 * Random algorithms in a small memory (so constants, zeros, copies and x - x occur often) keep
 * their fitness bit for bit when simplified: on regression, and on integer features with many
 * zeros, two epochs and ACCURACY (sigmoid in memory before Learn).
 */
class SimplifierFuzzTest {
  private static final MemoryShape SHAPE = new MemoryShape(4, 3, 1, 4);

  @Test
  void randomAlgorithmsKeepTheirFitnessBitForBit() {
    List<Op> demoOps = List.of(Op.SCALAR_CONST_SET, Op.VECTOR_INNER_PRODUCT, Op.SCALAR_DIFF, Op.SCALAR_PRODUCT,
        Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM);
    List<Op> moreOps = new ArrayList<>(demoOps);
    moreOps.addAll(List.of(Op.SCALAR_SUM, Op.SCALAR_DIVISION, Op.SCALAR_RECIPROCAL, Op.VECTOR_RECIPROCAL, Op.SCALAR_ABS,
        Op.VECTOR_DIFF, Op.VECTOR_PRODUCT, Op.SCALAR_MIN, Op.VECTOR_MAX, Op.SCALAR_HEAVYSIDE, Op.VECTOR_HEAVYSIDE,
        Op.VECTOR_NORM, Op.SCALAR_BROADCAST, Op.VECTOR_CONST_SET, Op.VECTOR_OUTER_PRODUCT, Op.MATRIX_VECTOR_PRODUCT,
        Op.SCALAR_MATRIX_PRODUCT, Op.VECTOR_ROW_BROADCAST, Op.MATRIX_TRANSPOSE, Op.SCALAR_EXP, Op.SCALAR_UNIFORM_SET));
    List<LearningTask> tasks = new ArrayList<>(new TaskGenerator().generate(new TaskList("fuzz", List.of(
        LearningTaskSpec.regression(TaskType.SCALAR_LINEAR_REGRESSION, 4, 40, 20, 2, List.of(1L), List.of(2L))))));
    tasks.addAll(new TaskGenerator().generate(new TaskList("fuzz-accuracy", List.of(new LearningTaskSpec(
        TaskType.UNIT_TEST_SUM, 4, 30, 20, 1, 2, EvalType.ACCURACY, List.of(5L), List.of(6L), "", List.of(), 0)))));
    Interpreter interpreter = new Interpreter(SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    int shorter = 0;
    int nonZero = 0;
    for (int i = 0; i < 3000; i++) {
      Rng rng = Rng.derive(17, "simplifier-fuzz", i);
      List<Op> ops = i % 2 == 0 ? demoOps : moreOps;
      Map<ComponentFunctionType, List<Op>> allowed = new EnumMap<>(ComponentFunctionType.class);
      Arrays.stream(ComponentFunctionType.values()).forEach(t -> allowed.put(t, ops));
      Algorithm algorithm = HandCodedAlgorithms.random(new AlgorithmSizes(10, 2, 8), allowed, SHAPE, rng);
      Algorithm simplified = Simplifier.simplify(algorithm);
      shorter += simplified.size() < Simplifier.removeDead(algorithm).size() ? 1 : 0;
      CompiledAlgorithm before = CompiledAlgorithm.compileWithoutSkipping(algorithm, SHAPE);
      CompiledAlgorithm after = CompiledAlgorithm.compileWithoutSkipping(simplified, SHAPE);
      for (LearningTask task : tasks) {
        double x = interpreter.execute(before, task, task.maxTrainExamples(), Rng.derive(3, "run", i));
        double y = interpreter.execute(after, task, task.maxTrainExamples(), Rng.derive(3, "run", i));
        assertThat(Double.doubleToRawLongBits(y)).as("algorithm %d on task %d: %s vs %s%n%s%nsimplified:%n%s", i,
            task.index(), y, x, AlgorithmPrinter.print(algorithm), AlgorithmPrinter.print(simplified))
            .isEqualTo(Double.doubleToRawLongBits(x));
        nonZero += x > 0 ? 1 : 0;
      }
    }
    assertThat(shorter).as("algorithms folding made shorter than dead-code removal alone").isGreaterThan(300);
    assertThat(nonZero).as("runs with a non-zero fitness").isGreaterThan(1000);
  }
}
