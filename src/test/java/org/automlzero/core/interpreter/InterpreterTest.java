package org.automlzero.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;
import org.junit.jupiter.api.Test;

/** Executor semantics with tiny hand-built algorithms whose answers are known exactly. */
class InterpreterTest {
  private static final MemoryShape SHAPE = new MemoryShape(6, 3, 1, 2);
  private static final double TWO_OVER_PI = 2.0 / Math.PI;

  private static Instruction copy(int from, int to) {
    return Instruction.of(Op.SCALAR_SUM, from, 5, to); // s5 stays 0
  }

  private static LearningTask task(EvalType type, double[] trainY, double[] validY, int epochs) {
    double[] trainX = new double[trainY.length * 2];
    double[] validX = new double[validY.length * 2];
    for (int i = 0; i < trainX.length; i++) {
      trainX[i] = i * 0.5;
    }
    for (int i = 0; i < validX.length; i++) {
      validX[i] = -i * 0.25;
    }
    return new LearningTask(3, type, 2, trainX, trainY, validX, validY, epochs, 42, 43);
  }

  private static double run(Algorithm algorithm, LearningTask task, long steps) {
    Interpreter interpreter = new Interpreter(SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    return interpreter.execute(CompiledAlgorithm.compile(algorithm, SHAPE), task, steps, new Rng(5));
  }

  @Test
  void validationNeverSeesLabels() {
    // Predict copies s0 into s1: perfect if validation saw labels; it sees s0 = 0, so s1 = 0.
    Algorithm algorithm = new Algorithm(List.of(), List.of(copy(0, 1)), List.of());
    LearningTask task = task(EvalType.RMS_ERROR, new double[] {1, 2}, new double[] {3, 4}, 1);
    double rms = Math.sqrt((9.0 + 16.0) / 2.0);
    assertThat(run(algorithm, task, 2)).isEqualTo(1.0 - TWO_OVER_PI * Math.atan(rms));
  }

  @Test
  void learnSeesTheLabelAndPredictSeesTheFeatures() {
    // Learn: s2 = s0 (the label). Predict: s1 = s2 + v0[0]... as dot(v0, v1) with v1 = [1, 0].
    Algorithm algorithm = new Algorithm(
        List.of(Instruction.withData(Op.VECTOR_CONST_SET, 1, 0.0f, 1.0f, 0f)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 0, 1, 3), Instruction.of(Op.SCALAR_SUM, 2, 3, 1)),
        List.of(copy(0, 2)));
    // valid features: row 0 = [0, -0.25], row 1 = [-0.5, -0.75]; last label learned = 7.
    LearningTask task = task(EvalType.RMS_ERROR, new double[] {5, 7}, new double[] {7, 6.5}, 1);
    assertThat(run(algorithm, task, 2)).isEqualTo(1.0); // predictions 7 + 0 and 7 - 0.5
  }

  @Test
  void hugeErrorInTheFirstEpochGivesZero() {
    Algorithm algorithm = new Algorithm(List.of(Instruction.constant(2, 1000.0)), List.of(copy(2, 1)), List.of());
    LearningTask task = task(EvalType.RMS_ERROR, new double[] {1, 2}, new double[] {3, 4}, 1);
    assertThat(run(algorithm, task, 2)).isEqualTo(0.0);
  }

  @Test
  void nanGivesZero() {
    Algorithm algorithm = new Algorithm(List.of(Instruction.constant(2, -1.0)),
        List.of(Instruction.of(Op.SCALAR_LOG, 2, 0, 1)), List.of());
    LearningTask task = task(EvalType.RMS_ERROR, new double[] {1, 2}, new double[] {3, 4}, 1);
    assertThat(run(algorithm, task, 2)).isEqualTo(0.0);
    // For ACCURACY, sigmoid(NaN) is NaN: training stops too (Learn never reads s1 here).
    LearningTask classification = task(EvalType.ACCURACY, new double[] {1, 0}, new double[] {1, 0}, 1);
    assertThat(run(algorithm, classification, 2)).isEqualTo(0.0);
  }

  @Test
  void accuracyNeedsNoLearningToScoreAndDecidesTinyLogitsExactly() {
    // s1 = s2 (a constant logit): sigmoid(1e-20) rounds to exactly 0.5, which is not > 0.5, so
    // every example counts as negative; a logit of 0.002 counts as positive.
    for (double logit : new double[] {1e-20, 0.002, -0.002, Double.POSITIVE_INFINITY}) {
      Algorithm algorithm = new Algorithm(List.of(Instruction.constant(2, logit)), List.of(copy(2, 1)), List.of());
      LearningTask task = task(EvalType.ACCURACY, new double[] {1, 0}, new double[] {1, 0, 0, 0}, 1);
      double expected = logit > 1e-3 ? 0.25 : 0.75;
      assertThat(run(algorithm, task, 2)).as("logit %s", logit).isEqualTo(expected);
    }
  }

  @Test
  void zeroTrainingExamplesGiveZeroAsInTheOriginal() {
    Algorithm algorithm = new Algorithm(List.of(), List.of(copy(0, 1)), List.of());
    LearningTask task = task(EvalType.RMS_ERROR, new double[] {0, 0}, new double[] {0, 0}, 1);
    assertThat(run(algorithm, task, 0)).isEqualTo(0.0);
    assertThat(run(algorithm, task, 1)).isEqualTo(1.0);
  }

  @Test
  void fitnessIsTheBestValidationOverEpochsAndLaterEarlyStopKeepsIt() {
    // Labels 0; Learn adds 1 to s2 each step; Predict outputs s2. After epoch e (10 steps each),
    // validation sees s1 = 10e, so epoch 1 is best; training error exceeds 100 in epoch 11.
    Algorithm algorithm = new Algorithm(List.of(Instruction.constant(3, 1.0)), List.of(copy(2, 1)),
        List.of(Instruction.of(Op.SCALAR_SUM, 2, 3, 2)));
    LearningTask task = task(EvalType.RMS_ERROR, new double[10], new double[4], 20);
    Interpreter interpreter = new Interpreter(SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    double fitness = interpreter.execute(CompiledAlgorithm.compile(algorithm, SHAPE), task, 200, new Rng(1));
    assertThat(fitness).isEqualTo(1.0 - TWO_OVER_PI * Math.atan(10.0));
    // Steps 0..100 pass (error = step <= 100), step 101 stops: 102 steps counted.
    assertThat(interpreter.lastTrainSteps()).isEqualTo(102);
  }

  @Test
  void trainingExamplesAreCappedAtEpochsTimesTrainSize() {
    Algorithm algorithm = new Algorithm(List.of(), List.of(copy(0, 1)), List.of());
    LearningTask task = task(EvalType.RMS_ERROR, new double[3], new double[2], 2);
    Interpreter interpreter = new Interpreter(SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    interpreter.execute(CompiledAlgorithm.compile(algorithm, SHAPE), task, 1000, new Rng(1));
    assertThat(interpreter.lastTrainSteps()).isEqualTo(6);
  }

  @Test
  void accuracyTasksReplaceThePredictionBySigmoidBeforeTheCheckAndLearn() {
    // Setup s2 = 2; Predict s1 = s2; Learn s2 = s1 (which then holds sigmoid(previous s1)).
    Algorithm algorithm = new Algorithm(List.of(Instruction.constant(2, 2.0)), List.of(copy(2, 1)),
        List.of(copy(1, 2)));
    LearningTask task = task(EvalType.ACCURACY, new double[] {1, 1, 1}, new double[] {1, 0}, 1);
    Interpreter interpreter = new Interpreter(SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    double[] trainErrors = new double[3];
    double[] validErrors = new double[2];
    int n = interpreter.fingerprint(CompiledAlgorithm.compile(algorithm, SHAPE), task, 3, 2, new Rng(1),
        trainErrors, validErrors);
    double p1 = Interpreter.sigmoid(2.0);
    double p2 = Interpreter.sigmoid(p1);
    double p3 = Interpreter.sigmoid(p2);
    assertThat(n).isEqualTo(3);
    assertThat(trainErrors).containsExactly(1 - p1, 1 - p2, 1 - p3);
    // Validation: s1 = s2 = p3 (a logit now), sigmoid(p3) > 0.5: right for label 1, wrong for 0.
    assertThat(interpreter.lastValidErrorCount()).isEqualTo(2);
    assertThat(validErrors).containsExactly(0.0, 1.0);
    assertThat(interpreter.execute(CompiledAlgorithm.compile(algorithm, SHAPE), task, 3, new Rng(1)))
        .isEqualTo(0.5);
  }

  @Test
  void fingerprintStopsRecordingAtAnEarlyStop() {
    // s1 = s2 where s2 grows by 60 per Learn: errors 0, 60, then 120 > 100 stops.
    Algorithm algorithm = new Algorithm(List.of(Instruction.constant(3, 60.0)), List.of(copy(2, 1)),
        List.of(Instruction.of(Op.SCALAR_SUM, 2, 3, 2)));
    LearningTask task = task(EvalType.RMS_ERROR, new double[5], new double[2], 1);
    Interpreter interpreter = new Interpreter(SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    double[] trainErrors = new double[5];
    double[] validErrors = new double[2];
    int n = interpreter.fingerprint(CompiledAlgorithm.compile(algorithm, SHAPE), task, 5, 2, new Rng(1),
        trainErrors, validErrors);
    assertThat(n).isEqualTo(2);
    assertThat(trainErrors).startsWith(0.0, 60.0);
    assertThat(interpreter.lastValidErrorCount()).isZero();
    assertThat(interpreter.lastTrainSteps()).isEqualTo(3);
  }

  @Test
  void runTimeRandomOpsUseTheGivenStream() {
    Algorithm algorithm = new Algorithm(List.of(Instruction.withData(Op.SCALAR_GAUSSIAN_SET, 2, 0f, 1f, 0f)),
        List.of(copy(2, 1)), List.of());
    LearningTask task = task(EvalType.RMS_ERROR, new double[] {0}, new double[] {0}, 1);
    Interpreter interpreter = new Interpreter(SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    CompiledAlgorithm compiled = CompiledAlgorithm.compile(algorithm, SHAPE);
    double g = new Rng(77).gaussian(0, 1);
    assertThat(interpreter.execute(compiled, task, 1, new Rng(77)))
        .isEqualTo(1.0 - TWO_OVER_PI * Math.atan(Math.abs(g)));
  }

  @Test
  void badInputGivesClearErrors() {
    Algorithm outOfRange = new Algorithm(List.of(), List.of(Instruction.of(Op.SCALAR_SUM, 0, 9, 1)), List.of());
    assertThatThrownBy(() -> CompiledAlgorithm.compile(outOfRange, SHAPE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Predict instruction 0: in2 address 9 of SCALAR_SUM is out of range: the scalar bank has 6"
            + " addresses");
    assertThatThrownBy(() -> new MemoryShape(4, 3, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("features size F must be > 0, but was 0");
    assertThatThrownBy(() -> new LearningTask(0, EvalType.RMS_ERROR, 2, new double[0], new double[0],
        new double[2], new double[1], 1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task 0 has no training examples");
    Interpreter interpreter = new Interpreter(SHAPE, 100);
    LearningTask wrongF = new LearningTask(4, EvalType.RMS_ERROR, 3, new double[3], new double[1], new double[3],
        new double[1], 1, 0, 0);
    CompiledAlgorithm compiled = CompiledAlgorithm.compile(Algorithm.noOp(1, 1, 1), SHAPE);
    assertThatThrownBy(() -> interpreter.execute(compiled, wrongF, 1, new Rng(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task 4 has F=3 but the memory shape has F=2");
    CompiledAlgorithm otherShape = CompiledAlgorithm.compile(Algorithm.noOp(1, 1, 1), new MemoryShape(4, 3, 1, 2));
    LearningTask task = task(EvalType.RMS_ERROR, new double[1], new double[1], 1);
    assertThatThrownBy(() -> interpreter.execute(otherShape, task, 1, new Rng(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("algorithm compiled for MemoryShape[scalars=4, vectors=3, matrices=1, features=2] cannot run on"
            + " an interpreter for MemoryShape[scalars=6, vectors=3, matrices=1, features=2]");
    assertThatThrownBy(() -> new Interpreter(SHAPE, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max_abs_error must be > 0, but was 0.0");
  }

  @Test
  void handWrittenLinearRegressionLearnsLinearTasks() {
    // Setup: s2 = 0.01. Predict: s1 = dot(v0, v1). Learn: s3 = s0 - s1; s3 = s2 * s3; v2 = s3 * v0; v1 = v1 + v2.
    Algorithm linear = new Algorithm(List.of(Instruction.constant(2, 0.01)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 0, 1, 1)),
        List.of(Instruction.of(Op.SCALAR_DIFF, 0, 1, 3), Instruction.of(Op.SCALAR_PRODUCT, 2, 3, 3),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 3, 0, 2), Instruction.of(Op.VECTOR_SUM, 1, 2, 1)));
    MemoryShape shape = new MemoryShape(4, 3, 0, 4);
    var tasks = new org.automlzero.core.task.TaskGenerator().generate(new org.automlzero.core.task.TaskList("t",
        List.of(org.automlzero.core.task.LearningTaskSpec.regression(
            org.automlzero.core.task.TaskType.SCALAR_LINEAR_REGRESSION, 4, 1000, 100, 10, List.of(), List.of()))));
    Interpreter interpreter = new Interpreter(shape, Interpreter.DEFAULT_MAX_ABS_ERROR);
    CompiledAlgorithm compiled = CompiledAlgorithm.compile(linear, shape);
    CompiledAlgorithm noOp = CompiledAlgorithm.compile(Algorithm.noOp(1, 1, 1), shape);
    double[] fitnesses = new double[tasks.size()];
    for (LearningTask task : tasks) {
      fitnesses[task.index()] = interpreter.execute(compiled, task, 1000, new Rng(task.index()));
      assertThat(fitnesses[task.index()]).isGreaterThan(0.999);
      assertThat(interpreter.execute(noOp, task, 1000, new Rng(task.index()))).isLessThan(0.99);
    }
    assertThat(Fitness.combine(fitnesses, FitnessCombination.MEAN)).isGreaterThan(0.9999);
  }

  @Test
  void fitnessCombinesByMeanAndUpperMedian() {
    assertThat(Fitness.combine(new double[] {0.25, 0.5, 1.0}, FitnessCombination.MEAN)).isEqualTo(1.75 / 3);
    assertThat(Fitness.combine(new double[] {0.9, 0.1, 0.4, 0.3}, FitnessCombination.MEDIAN)).isEqualTo(0.4);
    assertThat(Fitness.combine(new double[] {0.9, 0.1, 0.3}, FitnessCombination.MEDIAN)).isEqualTo(0.3);
    assertThatThrownBy(() -> Fitness.combine(new double[0], FitnessCombination.MEAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot combine fitness over 0 tasks: at least one task is needed");
  }
}
