package org.automlzero.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;
import org.junit.jupiter.api.Test;

/**
 * Running a candidate's tasks in one pass gives every task exactly the fitness the single-task
 * interpreter gives it: random algorithms of the batch's ops (plus random Setup ops), both eval
 * types, train counts below, at and above one epoch, tight error bounds (tasks stop at different
 * steps, in training and in validation) and F = 3, 8, 16, 32.
 */
class TaskBatchInterpreterTest {
  private static final List<Op> SETUP = List.of(Op.SCALAR_CONST_SET, Op.SCALAR_GAUSSIAN_SET, Op.SCALAR_UNIFORM_SET,
      Op.VECTOR_GAUSSIAN_SET, Op.VECTOR_UNIFORM_SET, Op.MATRIX_GAUSSIAN_SET, Op.MATRIX_UNIFORM_SET,
      Op.VECTOR_HEAVYSIDE, Op.SCALAR_LOG);
  private static final List<Op> BATCH = List.of(Op.SCALAR_SUM, Op.SCALAR_DIFF, Op.SCALAR_PRODUCT, Op.VECTOR_HEAVYSIDE,
      Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM, Op.VECTOR_DIFF, Op.VECTOR_PRODUCT, Op.VECTOR_INNER_PRODUCT,
      Op.VECTOR_OUTER_PRODUCT, Op.MATRIX_VECTOR_PRODUCT, Op.MATRIX_SUM, Op.VECTOR_MIN, Op.VECTOR_MAX,
      Op.SCALAR_CONST_SET);

  @Test
  void batchFitnessEqualsTheSingleTaskFitnessForEveryTask() {
    Rng rng = new Rng(1618);
    int batched = 0;
    for (int trial = 0; trial < 1500; trial++) {
      int features = new int[] {3, 8, 16, 32}[trial % 4];
      MemoryShape shape = new MemoryShape(5, 5, 2, features);
      EvalType type = rng.nextDouble() < 0.6 ? EvalType.ACCURACY : EvalType.RMS_ERROR;
      int numTrain = 1 + rng.nextInt(40);
      int numValid = 1 + rng.nextInt(20);
      int taskCount = 2 + rng.nextInt(9);
      List<LearningTask> list = new ArrayList<>();
      for (int t = 0; t < taskCount; t++) {
        list.add(RandomAlgorithms.randomTask(features, numTrain, numValid, 1 + rng.nextInt(2), type, rng));
      }
      // All tasks of one batch have the same epochs (supports() checks it); use the first's.
      LearningTask[] tasks = list.stream().map(t -> new LearningTask(t.index(), t.evalType(), t.features(),
          t.trainFeatures(), t.trainLabels(), t.validFeatures(), t.validLabels(), list.get(0).epochs(), 7, 0))
          .toArray(LearningTask[]::new);
      Algorithm algorithm = new Algorithm(RandomAlgorithms.instructions(shape, SETUP, rng.nextInt(6), rng),
          RandomAlgorithms.instructions(shape, BATCH, rng.nextInt(8), rng),
          RandomAlgorithms.instructions(shape, BATCH, rng.nextInt(10), rng));
      double maxAbsError = rng.nextDouble() < 0.3 ? 0.5 + rng.nextInt(3) : 100;
      long examples = rng.nextDouble() < 0.2 ? rng.nextInt(numTrain + 1) : numTrain * (1 + rng.nextInt(2));
      CompiledAlgorithm compiled = CompiledAlgorithm.compile(algorithm, shape);
      Interpreter single = new Interpreter(shape, maxAbsError);
      double[] expected = new double[taskCount];
      for (int t = 0; t < taskCount; t++) {
        expected[t] = single.execute(compiled, tasks[t], examples, new Rng(trial * 100L + t));
      }
      if (!TaskBatchCoverage.supports(compiled, tasks, examples)) {
        continue;
      }
      batched++;
      Rng[] rngs = new Rng[taskCount];
      for (int t = 0; t < taskCount; t++) {
        rngs[t] = new Rng(trial * 100L + t);
      }
      double[] actual = new double[taskCount];
      new TaskBatchInterpreter(shape, maxAbsError).execute(compiled, tasks, examples, rngs, actual);
      for (int t = 0; t < taskCount; t++) {
        assertThat(Double.doubleToRawLongBits(actual[t])).as("trial %d task %d: %s", trial, t, algorithm)
            .isEqualTo(Double.doubleToRawLongBits(expected[t]));
      }
    }
    assertThat(batched).isGreaterThan(500);
  }
}
