package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.EvaluationRequest;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.ProjectedBinarySource;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.automlzero.store.ParquetTaskStore;
import org.automlzero.store.TinyTaskDataSet;

/** The Spark evaluator gives bit-identical fitness to a plain loop over the core interpreter, for any layout. */
class SparkBatchEvaluatorTest {
  private static final MemoryShape SHAPE = new MemoryShape(5, 4, 2, 4);

  private static final TaskList TASKS = new TaskList("search", List.of(
      LearningTaskSpec.regression(TaskType.SCALAR_LINEAR_REGRESSION, 4, 60, 40, 7, List.of(1000L), List.of(2000L)),
      LearningTaskSpec.regression(TaskType.SCALAR_NONLINEAR_REGRESSION, 4, 50, 30, 3, List.of(), List.of())));

  private static List<EvaluationRequest> requests(int candidates, int tasks, long seed) {
    List<EvaluationRequest> requests = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      for (int t = 0; t < tasks; t++) {
        // Some candidates get no training (the train budget), some only part of an epoch.
        long train = c % 5 == 4 ? 0 : c % 3 == 0 ? 25 : 1000;
        requests.add(new EvaluationRequest(c, t, train, Rng.deriveSeed(seed, "eval", c, t)));
      }
    }
    return requests;
  }

  private static double[] reference(TaskList list, ProjectedBinarySource source, List<Algorithm> candidates,
      List<EvaluationRequest> requests) {
    List<LearningTask> tasks = new TaskGenerator(source).generate(list);
    Interpreter interpreter = new Interpreter(SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    double[] out = new double[requests.size()];
    for (int i = 0; i < requests.size(); i++) {
      EvaluationRequest r = requests.get(i);
      out[i] = interpreter.execute(CompiledAlgorithm.compile(candidates.get(r.candidate()), SHAPE),
          tasks.get(r.task()), r.numTrainExamples(), new Rng(r.seed()));
    }
    return out;
  }

  @Test
  void fitnessIsIdenticalForEveryPartitionAndShardLayout() {
    List<Algorithm> candidates = TestAlgorithms.batch(11, 40, SHAPE);
    List<EvaluationRequest> requests = requests(candidates.size(), TASKS.size(), 5);
    // Request order must not matter either: shuffle deterministically.
    Collections.shuffle(requests, new java.util.Random(3));
    double[] expected = reference(TASKS, null, candidates, requests);
    // The comparison means something only if fitness varies.
    assertThat(java.util.Arrays.stream(expected).distinct().count()).isGreaterThan(20);

    int[][] layouts = {{1, 1}, {0, 0}, {2, 5}, {3, 4}, {7, 1}};
    for (int[] layout : layouts) {
      try (SparkBatchEvaluator evaluator = new SparkBatchEvaluator(SharedSpark.context(), SHAPE,
          Interpreter.DEFAULT_MAX_ABS_ERROR, layout[0], layout[1], null)) {
        assertThat(evaluator.evaluate(TASKS, candidates, requests))
            .as("partitions=%d shards=%d", layout[0], layout[1]).containsExactly(expected);
        // A second generation reuses the cached tasks and gives the same again.
        assertThat(evaluator.evaluate(TASKS, candidates, requests)).containsExactly(expected);
        assertThat(evaluator.stats().calls()).isEqualTo(2);
        assertThat(evaluator.stats().evaluations()).isEqualTo(2L * requests.size());
      }
    }
  }

  @Test
  void autoLayoutSplitsCandidatesWhenTasksAreFewerThanPartitions() {
    try (SparkBatchEvaluator evaluator = new SparkBatchEvaluator(SharedSpark.context(), SHAPE, 100.0, 8, 0, null)) {
      assertThat(evaluator.layout(10)).containsExactly(8, 4); // 40 (task, shard) elements, 5 per partition
      assertThat(evaluator.layout(100)).containsExactly(8, 2);
      assertThat(evaluator.layout(3)).containsExactly(8, 8);
    }
    try (SparkBatchEvaluator evaluator = new SparkBatchEvaluator(SharedSpark.context(), SHAPE, 100.0, 0, 0, null)) {
      assertThat(evaluator.layout(10)).containsExactly(2, 1); // local[2]
    }
  }

  @Test
  void everyJobIsDescribed() throws Exception {
    JavaSparkContext jsc = SharedSpark.context();
    List<String> descriptions = Collections.synchronizedList(new ArrayList<>());
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart jobStart) {
        descriptions.add(jobStart.properties().getProperty("spark.job.description"));
      }
    };
    jsc.sc().addSparkListener(listener);
    try (SparkBatchEvaluator evaluator = new SparkBatchEvaluator(jsc, SHAPE, 100.0, 2, 0, null)) {
      List<Algorithm> candidates = TestAlgorithms.batch(1, 1200, SHAPE);
      List<EvaluationRequest> requests = new ArrayList<>();
      for (int c = 0; c < candidates.size(); c++) {
        requests.add(new EvaluationRequest(c, c % TASKS.size(), 10, c));
      }
      evaluator.evaluate(TASKS, candidates, requests, "generation 42: evaluate 1,200 candidates");
      evaluator.evaluate(TASKS, candidates, requests.subList(0, 3));
      jsc.sc().listenerBus().waitUntilEmpty();
    } finally {
      jsc.sc().removeSparkListener(listener);
    }
    assertThat(descriptions).containsExactly(
        "load 10 search tasks into executor memory",
        "generation 42: evaluate 1,200 candidates",
        "search batch 2: evaluate 3 candidates (3 evaluations on 10 search tasks)");
  }

  @Test
  void projectedBinaryTasksAreReadFromParquetOnTheExecutors(@TempDir Path dir) {
    List<ClassPair> pairs = List.of(new ClassPair(4, 6), new ClassPair(3, 5));
    TinyTaskDataSet.write(dir, "fashion_mnist", 4, 30, 20, 5, pairs, 4);
    TaskList list = new TaskList("select", List.of(new LearningTaskSpec(TaskType.PROJECTED_BINARY_CLASSIFICATION,
        4, 30, 20, 6, 2, EvalType.ACCURACY, List.of(0L), List.of(), "fashion_mnist", pairs, 4)));
    ParquetTaskStore store = ParquetTaskStore.open(dir.toString());
    store.check(list);
    List<Algorithm> candidates = TestAlgorithms.batch(2, 12, SHAPE);
    List<EvaluationRequest> requests = requests(candidates.size(), list.size(), 9);
    double[] expected = reference(list, store, candidates, requests);
    try (SparkBatchEvaluator evaluator = new SparkBatchEvaluator(SharedSpark.context(), SHAPE, 100.0, 2, 3,
        dir.toString())) {
      assertThat(evaluator.evaluate(list, candidates, requests)).containsExactly(expected);
    }
  }

  @Test
  void aMissingDataSetFailsWithTheExecutorsMessage(@TempDir Path dir) {
    TinyTaskDataSet.write(dir, "fashion_mnist", 4, 30, 20, 5, List.of(new ClassPair(4, 6)), 2);
    TaskList list = new TaskList("final", List.of(new LearningTaskSpec(TaskType.PROJECTED_BINARY_CLASSIFICATION,
        4, 30, 20, 2, 1, EvalType.ACCURACY, List.of(0L), List.of(), "fashion_mnist", List.of(new ClassPair(1, 2)),
        2)));
    try (SparkBatchEvaluator evaluator = new SparkBatchEvaluator(SharedSpark.context(), SHAPE, 100.0, 1, 1,
        dir.toString())) {
      assertThatThrownBy(() -> evaluator.evaluate(list, TestAlgorithms.batch(1, 1, SHAPE),
          List.of(new EvaluationRequest(0, 0, 10, 1))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has no class pair (1,2) of 'fashion_mnist'");
    }
    try (SparkBatchEvaluator evaluator = new SparkBatchEvaluator(SharedSpark.context(), SHAPE, 100.0, 1, 1, null)) {
      assertThatThrownBy(() -> evaluator.evaluate(list, TestAlgorithms.batch(1, 1, SHAPE),
          List.of(new EvaluationRequest(0, 0, 10, 1))))
          .hasMessage("task list 'final' has projected binary tasks but no data set was given (--data DIR)");
    }
  }
}
