package org.automlzero.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;
import org.junit.jupiter.api.Test;

/** The hand-coded algorithms and the seed README's program, parsed from text, learn what they should. */
class HandCodedFitnessTest {
  private static final MemoryShape BASELINE = new MemoryShape(5, 9, 2, 4);
  private static final AlgorithmSizes NO_PADDING = new AlgorithmSizes(0, 0, 0);

  /** The seed README's human-written program, in the printer's spelling, with learning rate 0.01. */
  private static final String README_LINEAR = """
      def Setup():
        s2 = 0.01  # Init learning rate.
      def Predict():  # v0 = features
        s1 = dot(v0, v1)  # Apply weights
      def Learn():  # v0 = features; s0 = label
        s3 = s0 - s1  # Compute error.
        s4 = s3 * s2  # Apply learning rate.
        v2 = s4 * v0  # Compute gradient.
        v1 = v1 + v2  # Update weights.
      """;

  @Test
  void theReadmeLinearProgramParsedFromTextSolvesUnseenLinearTasks() {
    MemoryShape shape = new MemoryShape(5, 3, 0, 4);
    Algorithm readme = AlgorithmParser.parse(README_LINEAR, shape);
    List<LearningTask> tasks = tasks(TaskType.SCALAR_LINEAR_REGRESSION, 100, 1000, 100, 5_000_000L);
    double[] fitness = fitnesses(readme, shape, tasks);
    assertThat(java.util.Arrays.stream(fitness).min().orElseThrow()).isGreaterThan(0.999);
    assertThat(mean(fitness)).as("mean fitness over 100 tasks").isGreaterThan(0.9999);
  }

  @Test
  void neuralNetBeatsLinearOnTwoLayerNetworkTasks() {
    List<LearningTask> tasks = tasks(TaskType.SCALAR_NONLINEAR_REGRESSION, 20, 1000, 100, 6_000_000L);
    double net = mean(fitnesses(HandCodedAlgorithms.neuralNet(0.01, 0.1, NO_PADDING), BASELINE, tasks));
    double linear = mean(fitnesses(HandCodedAlgorithms.linear(0.01, NO_PADDING), BASELINE, tasks));
    assertThat(net).as("NEURAL_NET %s vs LINEAR %s", net, linear).isGreaterThan(linear + 0.01);
  }

  @Test
  void linearBeatsNoOpOnLinearTasks() {
    List<LearningTask> tasks = tasks(TaskType.SCALAR_LINEAR_REGRESSION, 20, 1000, 100, 7_000_000L);
    double linear = mean(fitnesses(HandCodedAlgorithms.linear(0.01, NO_PADDING), BASELINE, tasks));
    double noOp = mean(fitnesses(HandCodedAlgorithms.noOp(10, 2, 8), BASELINE, tasks));
    assertThat(linear).as("LINEAR %s vs NO_OP %s", linear, noOp).isGreaterThan(0.999);
    assertThat(noOp).isLessThan(0.6);
  }

  private static List<LearningTask> tasks(TaskType type, int count, int numTrain, int numValid, long firstSeed) {
    LearningTaskSpec spec = LearningTaskSpec.regression(type, 4, numTrain, numValid, count, List.of(firstSeed),
        List.of(firstSeed + 500_000L));
    return new TaskGenerator().generate(new TaskList("hand-coded-fitness", List.of(spec)));
  }

  private static double[] fitnesses(Algorithm algorithm, MemoryShape shape, List<LearningTask> tasks) {
    CompiledAlgorithm compiled = CompiledAlgorithm.compile(algorithm, shape);
    Interpreter interpreter = new Interpreter(shape, Interpreter.DEFAULT_MAX_ABS_ERROR);
    double[] fitness = new double[tasks.size()];
    for (int i = 0; i < fitness.length; i++) {
      LearningTask task = tasks.get(i);
      fitness[i] = interpreter.execute(compiled, task, task.maxTrainExamples(), Rng.derive(11, "hand-coded", i));
    }
    return fitness;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
