package org.automlzero.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskGeneratorTest {
  private static final int F = 4;

  private static LearningTaskSpec linear(int numTrain, int numValid, int numTasks) {
    return LearningTaskSpec.regression(TaskType.SCALAR_LINEAR_REGRESSION, F, numTrain, numValid, numTasks,
        List.of(10L, 20L), List.of(100L));
  }

  @Test
  void indicesCountAcrossSpecsAndSeedsFollowTheListedThenPlusOneRule() {
    TaskList list = new TaskList("search", List.of(linear(5, 3, 3),
        LearningTaskSpec.regression(TaskType.SCALAR_NONLINEAR_REGRESSION, F, 5, 3, 2, List.of(), List.of())));
    List<LearningTask> tasks = new TaskGenerator().generate(list);
    assertThat(tasks).extracting(LearningTask::index).containsExactly(0, 1, 2, 3, 4);
    assertThat(tasks).extracting(LearningTask::dataSeed).containsExactly(10L, 20L, 21L, 1_000_000L, 1_000_001L);
    assertThat(tasks).extracting(LearningTask::paramSeed).containsExactly(100L, 101L, 102L, 2_000_000L, 2_000_001L);
  }

  @Test
  void generationIsDeterministic() {
    TaskList list = new TaskList("t", List.of(linear(20, 10, 2)));
    List<LearningTask> a = new TaskGenerator().generate(list);
    List<LearningTask> b = new TaskGenerator().generate(list);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).trainFeatures()).isEqualTo(b.get(i).trainFeatures());
      assertThat(a.get(i).trainLabels()).isEqualTo(b.get(i).trainLabels());
      assertThat(a.get(i).validFeatures()).isEqualTo(b.get(i).validFeatures());
      assertThat(a.get(i).validLabels()).isEqualTo(b.get(i).validLabels());
    }
    assertThat(a.get(0).trainFeatures()).isNotEqualTo(a.get(1).trainFeatures());
  }

  @Test
  void linearLabelsAreAFixedLinearFunctionOfTheFeatures() {
    LearningTask task = new TaskGenerator().generate(new TaskList("t", List.of(linear(50, 10, 1)))).get(0);
    // Solve for w from the first F examples is awkward; instead check linearity: label(x) is
    // reproduced by least squares over all examples with zero residual.
    double[] w = leastSquares(task.trainFeatures(), task.trainLabels(), F);
    for (int e = 0; e < task.numValid(); e++) {
      double s = 0;
      for (int j = 0; j < F; j++) {
        s += w[j] * task.validFeatures()[e * F + j];
      }
      assertThat(s).isCloseTo(task.validLabels()[e], org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void changingTheTrainCountKeepsTheValidExamples() {
    LearningTask small = new TaskGenerator().generate(new TaskList("t", List.of(linear(5, 7, 1)))).get(0);
    LearningTask large = new TaskGenerator().generate(new TaskList("t", List.of(linear(50, 7, 1)))).get(0);
    assertThat(large.validFeatures()).isEqualTo(small.validFeatures());
    assertThat(large.validLabels()).isEqualTo(small.validLabels());
    assertThat(java.util.Arrays.copyOf(large.trainFeatures(), 5 * F)).isEqualTo(small.trainFeatures());
  }

  @Test
  void nonlinearTaskIgnoresHiddenUnitsZeroAndTwo() {
    LearningTask task = new TaskGenerator().generate(new TaskList("t", List.of(
        LearningTaskSpec.regression(TaskType.SCALAR_NONLINEAR_REGRESSION, F, 200, 5, 1, List.of(), List.of()))))
        .get(0);
    // relu makes some labels exactly 0 and the rest positive or negative; labels are not linear.
    double[] w = leastSquares(task.trainFeatures(), task.trainLabels(), F);
    double residual = 0;
    for (int e = 0; e < task.numTrain(); e++) {
      double s = 0;
      for (int j = 0; j < F; j++) {
        s += w[j] * task.trainFeatures()[e * F + j];
      }
      residual += Math.abs(s - task.trainLabels()[e]);
    }
    assertThat(residual).isGreaterThan(1.0);
    assertThat(task.evalType()).isEqualTo(EvalType.RMS_ERROR);
  }

  @Test
  void unitTestSumIsExact() {
    LearningTask task = new TaskGenerator().generate(new TaskList("t", List.of(
        LearningTaskSpec.regression(TaskType.UNIT_TEST_SUM, 3, 6, 4, 1, List.of(), List.of())))).get(0);
    for (int e = 0; e < task.numTrain(); e++) {
      double[] x = task.trainFeatures();
      assertThat(task.trainLabels()[e]).isEqualTo(x[e * 3] + x[e * 3 + 1] + x[e * 3 + 2]);
      assertThat(x[e * 3]).isIn(-2.0, -1.0, 0.0, 1.0, 2.0);
    }
  }

  @Test
  void projectedBinaryTasksWithOnePairUseThatPairAndTheSeedModuloMax() {
    ClassPair pair = new ClassPair(4, 6);
    InMemoryProjectedBinarySource source = new InMemoryProjectedBinarySource();
    for (int seed = 0; seed < 3; seed++) {
      source.put("cifar10", pair, seed, 2, examples(seed, 6, 4));
    }
    LearningTaskSpec spec = projectedSpec(List.of(pair), 4, 4, 2, List.of(5L));
    List<LearningTask> tasks = new TaskGenerator(source).generate(new TaskList("p", List.of(spec)));
    // data seeds 5, 6, 7, 8 -> 5 mod 3 = 2, 0, 1, 2
    assertThat(tasks).extracting(LearningTask::dataSeed).containsExactly(2L, 0L, 1L, 2L);
    assertThat(tasks.get(0).trainLabels()).containsExactly(2.0, 2.0, 2.0, 2.0);
    assertThat(tasks.get(0).validLabels()).containsExactly(2.0, 2.0);
    assertThat(tasks.get(0).evalType()).isEqualTo(EvalType.ACCURACY);
  }

  @Test
  void projectedBinaryTasksWithSeveralPairsDrawPairAndSeedFromTheTaskSeed() {
    List<ClassPair> pairs = List.of(new ClassPair(0, 1), new ClassPair(2, 3), new ClassPair(5, 7));
    LearningTaskSpec spec = projectedSpec(pairs, 200, 1, 1, List.of());
    Set<ClassPair> drawnPairs = new HashSet<>();
    Set<Integer> drawnSeeds = new HashSet<>();
    List<TaskGenerator.ProjectedChoice> first = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      TaskGenerator.ProjectedChoice choice = TaskGenerator.projectedChoice(spec, spec.dataSeed(i));
      assertThat(choice).isEqualTo(TaskGenerator.projectedChoice(spec, spec.dataSeed(i)));
      assertThat(choice.dataSeed()).isBetween(0, 9);
      drawnPairs.add(choice.pair());
      drawnSeeds.add(choice.dataSeed());
      first.add(choice);
    }
    assertThat(drawnPairs).containsExactlyInAnyOrderElementsOf(pairs);
    assertThat(drawnSeeds).hasSize(10);
  }

  @Test
  void badInputGivesClearErrors() {
    assertThatThrownBy(() -> new TaskGenerator().generate(new TaskList("p",
        List.of(projectedSpec(List.of(new ClassPair(4, 6)), 1, 2, 2, List.of())))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task list 'p' has projected binary tasks (data set 'cifar10') but no projected binary source"
            + " was given");
    assertThatThrownBy(() -> new TaskGenerator(new InMemoryProjectedBinarySource()).generate(new TaskList("p",
        List.of(projectedSpec(List.of(), 1, 2, 2, List.of())))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("projected binary spec for data set 'cifar10' lists no class pairs: at least one is needed");
    assertThatThrownBy(() -> new TaskGenerator(new InMemoryProjectedBinarySource()).generate(new TaskList("p",
        List.of(projectedSpec(List.of(new ClassPair(4, 6)), 1, 2, 2, List.of(0L))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("projected binary task cifar10 pair (4,6) seed 0 is not in the in-memory source");
    InMemoryProjectedBinarySource small = new InMemoryProjectedBinarySource()
        .put("cifar10", new ClassPair(4, 6), 0, 2, examples(0, 1, 1));
    assertThatThrownBy(() -> new TaskGenerator(small).generate(new TaskList("p",
        List.of(projectedSpec(List.of(new ClassPair(4, 6)), 1, 2, 2, List.of(3L))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("projected binary task cifar10 pair (4,6) seed 0 has 1 train and 1 valid examples, but 2 and 2"
            + " were asked for");
    assertThatThrownBy(() -> LearningTaskSpec.regression(TaskType.SCALAR_LINEAR_REGRESSION, 0, 5, 5, 1, List.of(),
        List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("features must be > 0, but was 0");
    LearningTaskSpec accuracyLinear = new LearningTaskSpec(TaskType.SCALAR_LINEAR_REGRESSION, F, 5, 5, 1, 1,
        EvalType.ACCURACY, List.of(), List.of(), "", List.of(), 0);
    assertThatThrownBy(() -> new TaskGenerator().generate(new TaskList("s", List.of(accuracyLinear))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task list 's': SCALAR_LINEAR_REGRESSION tasks need eval type RMS_ERROR, but the spec has"
            + " ACCURACY");
  }

  private static LearningTaskSpec projectedSpec(List<ClassPair> pairs, int numTasks, int numTrain, int numValid,
      List<Long> seeds) {
    // Note: numTrain/numValid here are the counts the tasks ask for.
    return new LearningTaskSpec(TaskType.PROJECTED_BINARY_CLASSIFICATION, 2, numTrain, numValid, numTasks, 1,
        EvalType.ACCURACY, seeds, List.of(), "cifar10", pairs, pairs.size() == 1 ? 3 : 10);
  }

  /** Examples whose labels are all {@code value} so a test can tell tasks apart. */
  private static ProjectedBinaryExamples examples(double value, int numTrain, int numValid) {
    double[] trainY = new double[numTrain];
    double[] validY = new double[numValid];
    java.util.Arrays.fill(trainY, value);
    java.util.Arrays.fill(validY, value);
    return new ProjectedBinaryExamples(new double[numTrain * 2], trainY, new double[numValid * 2], validY);
  }

  private static double[] leastSquares(double[] x, double[] y, int f) {
    double[][] a = new double[f][f + 1];
    for (int e = 0; e < y.length; e++) {
      for (int i = 0; i < f; i++) {
        for (int j = 0; j < f; j++) {
          a[i][j] += x[e * f + i] * x[e * f + j];
        }
        a[i][f] += x[e * f + i] * y[e];
      }
    }
    for (int c = 0; c < f; c++) {
      for (int r = 0; r < f; r++) {
        if (r != c) {
          double k = a[r][c] / a[c][c];
          for (int j = c; j <= f; j++) {
            a[r][j] -= k * a[c][j];
          }
        }
      }
    }
    double[] w = new double[f];
    for (int i = 0; i < f; i++) {
      w[i] = a[i][f] / a[i][i];
    }
    return w;
  }
}
