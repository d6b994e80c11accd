package org.automlzero.core.search;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskList;

/**
 * Evaluates requests on this machine's cores with plain Java threads (one interpreter per
 * worker). Each request's result depends only on its candidate, task, train examples and seed,
 * and lands in its own slot, so results are identical for any thread count.
 */
public final class InProcessEvaluator implements BatchEvaluator {
  private final MemoryShape shape;
  private final double maxAbsError;
  private final TaskProvider taskProvider;
  private final WorkerPool pool;
  private final Interpreter[] interpreters;

  public InProcessEvaluator(MemoryShape shape, double maxAbsError, TaskProvider taskProvider, WorkerPool pool) {
    this.shape = shape;
    this.maxAbsError = maxAbsError;
    this.taskProvider = taskProvider;
    this.pool = pool;
    this.interpreters = new Interpreter[pool.threads()];
  }

  @Override
  public double[] evaluate(TaskList tasks, List<Algorithm> candidates, List<EvaluationRequest> requests) {
    List<LearningTask> learningTasks = taskProvider.tasks(tasks);
    CompiledAlgorithm[] compiled = new CompiledAlgorithm[candidates.size()];
    pool.forEach(candidates.size(), 8, (worker, c) -> compiled[c] = CompiledAlgorithm.compile(candidates.get(c), shape));
    double[] out = new double[requests.size()];
    pool.forEach(requests.size(), 2, (worker, r) -> {
      EvaluationRequest req = requests.get(r);
      out[r] = interpreter(worker).execute(compiled[req.candidate()], learningTasks.get(req.task()),
          req.numTrainExamples(), new Rng(req.seed()));
    });
    return out;
  }

  /** Island stages on the pool's threads, one island at a time per thread. */
  @Override
  public List<IslandStage.Result> runStages(SearchSpec spec, List<TaskList> lists, long runSeed,
      List<IslandStage.Request> requests, String description) {
    List<List<LearningTask>> learning = lists.stream().map(taskProvider::tasks).toList();
    IslandStage.Result[] results = new IslandStage.Result[requests.size()];
    pool.forEach(requests.size(), 2, (worker, r) -> {
      IslandStage.Request request = requests.get(r);
      results[r] = IslandStage.run(spec, lists.get(request.list()), learning.get(request.list()), runSeed, request);
    });
    return List.of(results);
  }

  private Interpreter interpreter(int worker) {
    Interpreter i = interpreters[worker];
    if (i == null) {
      i = new Interpreter(shape, maxAbsError);
      interpreters[worker] = i;
    }
    return i;
  }
}
