package org.automlzero.core.simplify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmParser;
import org.automlzero.core.algorithm.AlgorithmSizes;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.HandCodedAlgorithms;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;
import org.junit.jupiter.api.Test;

class SimplifierTest {
  private static final MemoryShape SHAPE = new MemoryShape(5, 9, 2, 4);
  private static final AlgorithmSizes NO_PADDING = new AlgorithmSizes(0, 0, 0);

  @Test
  void removesNoOpsAndInstructionsWhoseResultsAreNeverRead() {
    Algorithm cluttered = AlgorithmParser.parse("""
        def Setup():
          NoOp()
          s2 = 0.01
          s3 = 0.5  # overwritten in Learn before any read
          m0 = gaussian(0.0, 0.1, (n_features, n_features))  # never read
        def Predict():
          s4 = sin(s2)  # never read
          s1 = dot(v1, v0)
          NoOp()
        def Learn():
          s3 = s0 - s1
          s3 = s2 * s3
          v2 = s3 * v0
          v1 = v1 + v2
          v3 = v1 * v2  # never read
        """);
    assertThat(Simplifier.simplify(cluttered)).isEqualTo(HandCodedAlgorithms.linear(0.01, NO_PADDING));
    Algorithm linear = HandCodedAlgorithms.linear(0.01, new AlgorithmSizes(10, 4, 12));
    assertThat(Simplifier.simplify(linear)).isEqualTo(HandCodedAlgorithms.linear(0.01, NO_PADDING));
    assertThat(Simplifier.simplify(Algorithm.noOp(3, 2, 1))).isEqualTo(Algorithm.noOp(0, 0, 0));
  }

  @Test
  void keepsDeadRandomOpsThatShiftTheDrawsOfLiveOnes() {
    String predictAndLearn = """
        def Predict():
          s1 = dot(v1, v0)
        def Learn():
          s2 = uniform(0.0, 1.0)  # dead; LEARN_DRAW
        """;
    // v1 is drawn live in Setup; the dead draw before it shifts its numbers, the ones after do not.
    Algorithm setupOnly = AlgorithmParser.parse("""
        def Setup():
          v2 = uniform(0.0, 1.0, n_features)  # dead, but shifts v1's draws
          v1 = gaussian(0.0, 1.0, n_features)
          v3 = uniform(0.0, 1.0, n_features)  # dead, after the last live draw
        """ + predictAndLearn);
    Algorithm simplified = Simplifier.simplify(setupOnly);
    assertThat(simplified.setup()).extracting(Instruction::op)
        .containsExactly(Op.VECTOR_UNIFORM_SET, Op.VECTOR_GAUSSIAN_SET);
    assertThat(simplified.learn()).isEmpty();
    // A live draw in Predict runs again after every dead draw, so all dead draws stay.
    Algorithm repeating = AlgorithmParser.parse("""
        def Setup():
          v3 = uniform(0.0, 1.0, n_features)
        def Predict():
          s3 = gaussian(0.0, 1.0)
          s1 = s3 + s3
        def Learn():
          s2 = uniform(0.0, 1.0)
          s4 = s0 - s1
        """);
    assertThat(Simplifier.removeDead(repeating)).isEqualTo(repeating.with(ComponentFunctionType.LEARN,
        List.of(Instruction.withData(Op.SCALAR_UNIFORM_SET, 2, 0f, 1f, 0f))));
  }

  @Test
  void simplifiedAlgorithmsHaveTheIdenticalFitness() {
    List<LearningTask> tasks = new TaskGenerator().generate(new TaskList("simplify", List.of(
        LearningTaskSpec.regression(TaskType.SCALAR_LINEAR_REGRESSION, 4, 60, 20, 2, List.of(1L), List.of(2L)),
        LearningTaskSpec.regression(TaskType.SCALAR_NONLINEAR_REGRESSION, 4, 60, 20, 2, List.of(3L), List.of(4L)))));
    Interpreter interpreter = new Interpreter(SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    int removed = 0;
    int learning = 0;
    for (int i = 0; i < 400; i++) {
      Rng rng = Rng.derive(9, "simplify", i);
      Algorithm algorithm = i % 2 == 0 ? cluttered(HandCodedAlgorithms.neuralNet(0.01, 0.1, NO_PADDING), rng)
          : cluttered(HandCodedAlgorithms.linear(0.01, NO_PADDING), rng);
      Algorithm simplified = Simplifier.simplify(algorithm);
      removed += algorithm.size() - simplified.size();
      // Full execution of both (no liveness skipping inside the interpreter), same random stream.
      CompiledAlgorithm original = CompiledAlgorithm.compileWithoutSkipping(algorithm, SHAPE);
      CompiledAlgorithm reduced = CompiledAlgorithm.compileWithoutSkipping(simplified, SHAPE);
      for (LearningTask task : tasks) {
        double before = interpreter.execute(original, task, task.maxTrainExamples(), Rng.derive(5, "run", i));
        double after = interpreter.execute(reduced, task, task.maxTrainExamples(), Rng.derive(5, "run", i));
        assertThat(Double.doubleToRawLongBits(after)).as("algorithm %d on task %d: %s vs %s", i, task.index(),
            after, before).isEqualTo(Double.doubleToRawLongBits(before));
        learning += before > 0.5 ? 1 : 0;
      }
    }
    assertThat(removed).as("instructions removed").isGreaterThan(400);
    assertThat(learning).as("runs with fitness > 0.5, so the comparison is not all zeros").isGreaterThan(200);
  }

  /** The algorithm with up to four random instructions (any of the 65 ops) inserted per function. */
  private static Algorithm cluttered(Algorithm algorithm, Rng rng) {
    Algorithm result = algorithm;
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      List<Instruction> function = new ArrayList<>(algorithm.function(type));
      for (int k = rng.nextInt(5); k > 0; k--) {
        Op op = Op.byId(rng.nextInt(Op.values().length));
        function.add(rng.nextInt(function.size() + 1), Instruction.random(op, SHAPE, rng));
      }
      result = result.with(type, function);
    }
    return result;
  }
}
