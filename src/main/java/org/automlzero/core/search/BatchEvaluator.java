package org.automlzero.core.search;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.search.stage.ResidentIslands;
import org.automlzero.core.search.stage.StageCall;
import org.automlzero.core.task.TaskList;

/**
 * Evaluates a batch of (candidate, task) requests and returns one fitness per request, in request
 * order. The in-process (threads) and the Spark implementations sit behind this one method;
 * callers combine per-task fitnesses per candidate in task order, never in arrival order.
 */
public interface BatchEvaluator extends AutoCloseable {

  double[] evaluate(TaskList tasks, List<Algorithm> candidates, List<EvaluationRequest> requests);

  /**
   * Whether this evaluator shows the descriptions it is given (the Spark job description). When
   * it does not, callers skip building them: an island stage runs thousands of generations.
   */
  default boolean showsDescriptions() {
    return false;
  }

  /**
   * The same, with a human-readable description of the call ("experiment 1, generation 42:
   * evaluate 1,200 candidates") that an implementation may show (the Spark job description).
   */
  default double[] evaluate(TaskList tasks, List<Algorithm> candidates, List<EvaluationRequest> requests,
      String description) {
    return evaluate(tasks, candidates, requests);
  }

  /**
   * Runs one stage of the island-stage mode: for each call, its host (this evaluator, or an
   * executor it runs on) takes the island from the call or from its own store of resident islands,
   * runs the call's steps ({@link ResidentIslands#run}) and answers; answers in call order. An
   * implementation may run the calls anywhere, in any order, any number of times: each answer is
   * a pure function of its call, or "missing" when the host does not hold the island.
   *
   * @param lists the search task lists of the calls' experiment, by {@link StageCall#list()}
   */
  default List<StageCall.Answer> runStages(SearchSpec spec, List<TaskList> lists, long runSeed,
      List<StageCall> calls, String description) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot run island stages");
  }

  @Override
  default void close() {}
}
