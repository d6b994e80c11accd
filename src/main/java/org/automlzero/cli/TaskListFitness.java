package org.automlzero.cli;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.interpreter.Fitness;
import org.automlzero.core.interpreter.FitnessCombination;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.CachingTaskProvider;
import org.automlzero.core.search.EvaluationRequest;
import org.automlzero.core.search.InProcessEvaluator;
import org.automlzero.core.search.TaskProvider;
import org.automlzero.core.search.WorkerPool;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.store.TaskData;

/**
 * Scores algorithms on one of a config's task lists in-process (plain threads, no SparkSession),
 * with every training example and the run-time seeds a run's own evaluation of that list uses,
 * {@code deriveSeed(run.seed, purpose, experiment, task)}: so the final fitness of a run's best
 * algorithm comes out as the run computed it. The tasks are generated (or read) once and kept for
 * every algorithm scored; {@code evaluate} and the simplifier's verified pass use it.
 */
final class TaskListFitness implements AutoCloseable {
  private final TaskList list;
  private final List<LearningTask> tasks;
  private final List<EvaluationRequest> requests = new ArrayList<>();
  private final WorkerPool pool;
  private final InProcessEvaluator evaluator;

  TaskListFitness(ExperimentConfig config, TaskList list, String purpose, int experiment) {
    SearchSpec spec = config.run().search();
    this.list = list;
    TaskGenerator generator = TaskData.generator(config);
    TaskProvider provider = new CachingTaskProvider(generator::generate);
    this.tasks = provider.tasks(list);
    for (int t = 0; t < tasks.size(); t++) {
      requests.add(new EvaluationRequest(0, t, tasks.get(t).maxTrainExamples(),
          Rng.deriveSeed(config.run().seed(), purpose, experiment, t)));
    }
    this.pool = new WorkerPool(config.threads());
    this.evaluator = new InProcessEvaluator(spec.shape(), spec.maxAbsError(), provider, pool);
  }

  List<LearningTask> tasks() {
    return tasks;
  }

  /** The algorithm's fitness on each task, in list order. */
  double[] perTask(Algorithm algorithm) {
    return evaluator.evaluate(list, List.of(algorithm), requests);
  }

  /** The mean over the tasks (how select and final fitness combine). */
  double mean(Algorithm algorithm) {
    return Fitness.combine(perTask(algorithm), FitnessCombination.MEAN);
  }

  @Override
  public void close() {
    evaluator.close();
    pool.close();
  }
}
