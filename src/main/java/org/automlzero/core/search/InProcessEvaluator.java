package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.interpreter.TaskBatchCoverage;
import org.automlzero.core.interpreter.TaskBatchInterpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.search.stage.IslandStage;
import org.automlzero.core.search.stage.ResidentIslands;
import org.automlzero.core.search.stage.StageCall;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskList;

/**
 * Evaluates requests on this machine's cores with plain Java threads (one interpreter per
 * worker); a candidate's requests run together through the task batch when it supports them. Each request's result depends only on its candidate, task, train examples and seed,
 * and lands in its own slot, so results are identical for any thread count.
 */
public final class InProcessEvaluator implements BatchEvaluator {
  private final MemoryShape shape;
  private final double maxAbsError;
  private final TaskProvider taskProvider;
  private final WorkerPool pool;
  private final Interpreter[] interpreters;
  private final TaskBatchInterpreter[] batches;
  /** Islands of the island-stage mode between stages. */
  private final ResidentIslands residents = new ResidentIslands();

  public InProcessEvaluator(MemoryShape shape, double maxAbsError, TaskProvider taskProvider, WorkerPool pool) {
    this.shape = shape;
    this.maxAbsError = maxAbsError;
    this.taskProvider = taskProvider;
    this.pool = pool;
    this.interpreters = new Interpreter[pool.threads()];
    this.batches = new TaskBatchInterpreter[pool.threads()];
  }

  @Override
  public double[] evaluate(TaskList tasks, List<Algorithm> candidates, List<EvaluationRequest> requests) {
    List<LearningTask> learningTasks = taskProvider.tasks(tasks);
    CompiledAlgorithm[] compiled = new CompiledAlgorithm[candidates.size()];
    pool.forEach(candidates.size(), 8, (worker, c) -> compiled[c] = CompiledAlgorithm.compile(candidates.get(c), shape));
    double[] out = new double[requests.size()];
    List<int[]> units = units(compiled, requests);
    pool.forEach(units.size(), 2, (worker, u) -> run(worker, units.get(u), compiled, learningTasks, requests, out));
    return out;
  }

  /**
   * Work units: the requests of one candidate with one train count, in groups the task batch
   * runs in one pass ({@link TaskBatchCoverage#batchSize}, and small enough that every
   * worker gets some); other requests one by one.
   */
  private List<int[]> units(CompiledAlgorithm[] compiled, List<EvaluationRequest> requests) {
    Map<List<Long>, List<Integer>> groups = new LinkedHashMap<>();
    for (int r = 0; r < requests.size(); r++) {
      EvaluationRequest req = requests.get(r);
      groups.computeIfAbsent(List.of((long) req.candidate(), req.numTrainExamples()), k -> new ArrayList<>()).add(r);
    }
    int threads = interpreters.length;
    List<int[]> units = new ArrayList<>();
    for (List<Integer> group : groups.values()) {
      EvaluationRequest first = requests.get(group.get(0));
      int size = Math.min(TaskBatchCoverage.batchSize(compiled[first.candidate()]),
          groups.size() >= threads ? group.size() : (group.size() + threads - 1) / threads);
      for (int from = 0; from < group.size(); from += Math.max(1, size)) {
        int to = Math.min(group.size(), from + Math.max(1, size));
        int[] unit = new int[to - from];
        for (int i = from; i < to; i++) {
          unit[i - from] = group.get(i);
        }
        units.add(unit);
      }
    }
    return units;
  }

  private void run(int worker, int[] unit, CompiledAlgorithm[] compiled, List<LearningTask> learningTasks,
      List<EvaluationRequest> requests, double[] out) {
    EvaluationRequest first = requests.get(unit[0]);
    CompiledAlgorithm algorithm = compiled[first.candidate()];
    if (unit.length >= 2) {
      LearningTask[] tasks = new LearningTask[unit.length];
      for (int i = 0; i < unit.length; i++) {
        tasks[i] = learningTasks.get(requests.get(unit[i]).task());
      }
      if (TaskBatchCoverage.supports(algorithm, tasks, first.numTrainExamples())) {
        Rng[] rngs = new Rng[unit.length];
        for (int i = 0; i < unit.length; i++) {
          rngs[i] = new Rng(requests.get(unit[i]).seed());
        }
        double[] fitness = new double[unit.length];
        batch(worker).execute(algorithm, tasks, first.numTrainExamples(), rngs, fitness);
        for (int i = 0; i < unit.length; i++) {
          out[unit[i]] = fitness[i];
        }
        return;
      }
    }
    for (int r : unit) {
      EvaluationRequest req = requests.get(r);
      out[r] = interpreter(worker).execute(compiled[req.candidate()], learningTasks.get(req.task()),
          req.numTrainExamples(), new Rng(req.seed()));
    }
  }

  private TaskBatchInterpreter batch(int worker) {
    TaskBatchInterpreter b = batches[worker];
    if (b == null) {
      b = new TaskBatchInterpreter(shape, maxAbsError);
      batches[worker] = b;
    }
    return b;
  }

  /** Island stages on the pool's threads, one island at a time per thread; the islands stay in this evaluator. */
  @Override
  public List<StageCall.Answer> runStages(SearchSpec spec, List<TaskList> lists, long runSeed,
      List<StageCall> calls, String description) {
    List<List<LearningTask>> learning = lists.stream().map(taskProvider::tasks).toList();
    StageCall.Answer[] answers = new StageCall.Answer[calls.size()];
    pool.forEach(calls.size(), 2, (worker, c) -> answers[c] = residents.run(calls.get(c),
        r -> IslandStage.run(spec, lists.get(r.list()), learning.get(r.list()), runSeed, r)));
    return List.of(answers);
  }

  /** The islands this evaluator holds between stages (tests clear it to play a lost host). */
  ResidentIslands residents() {
    return residents;
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
