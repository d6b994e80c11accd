package org.automlzero.core.search;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.automlzero.core.search.fec.Fingerprinter;
import org.automlzero.core.search.spec.RunSpec;
import org.automlzero.core.search.spec.SearchSpec;

/**
 * Runs a whole {@link RunSpec} on this machine: one worker pool of plain threads shared by the
 * FEC fingerprints and the {@link InProcessEvaluator}. Results are identical for any thread
 * count.
 */
public final class InProcessSearch {
  private InProcessSearch() {}

  /**
   * @param threads worker threads (0 = all cores)
   * @param tasks where learning tasks come from (wrapped in a cache here)
   */
  public static SearchResult run(RunSpec run, int threads, TaskProvider tasks, GenerationListener listener,
      Consumer<String> log) {
    return run(run, threads, tasks, listener, log, RunCheckpoints.NONE, RunState.START);
  }

  /** As {@link #run(RunSpec, int, TaskProvider, GenerationListener, Consumer)}, with checkpoints, from a saved state. */
  public static SearchResult run(RunSpec run, int threads, TaskProvider tasks, GenerationListener listener,
      Consumer<String> log, RunCheckpoints checkpoints, RunState from) {
    SearchSpec spec = run.search();
    return run(run, threads, tasks, (cached, pool) -> new InProcessEvaluator(spec.shape(), spec.maxAbsError(), cached,
        pool), listener, log, checkpoints, from);
  }

  /**
   * As above with another evaluator (e.g. a Spark one), made by {@code evaluators} from the
   * cached task provider and the worker pool; it is closed when the run ends.
   */
  public static SearchResult run(RunSpec run, int threads, TaskProvider tasks,
      BiFunction<TaskProvider, WorkerPool, BatchEvaluator> evaluators, GenerationListener listener,
      Consumer<String> log, RunCheckpoints checkpoints, RunState from) {
    TaskProvider cached = new CachingTaskProvider(tasks);
    SearchSpec spec = run.search();
    try (WorkerPool pool = new WorkerPool(threads);
        BatchEvaluator evaluator = evaluators.apply(cached, pool)) {
      Fingerprinter fingerprinter = spec.fec().enabled()
          ? new Fingerprinter(spec.shape(), spec.maxAbsError(), spec.fec(), pool)
          : null;
      return new ExperimentRunner(run, evaluator, cached, fingerprinter, listener, log).withCheckpoints(checkpoints)
          .resume(from);
    }
  }
}
