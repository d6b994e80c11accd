package org.automlzero.spark;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.GenerationListener;
import org.automlzero.core.search.InProcessEvaluator;
import org.automlzero.core.search.InProcessSearch;
import org.automlzero.core.search.ProgressPrinter;
import org.automlzero.core.search.RunCheckpoints;
import org.automlzero.core.search.RunState;
import org.automlzero.core.search.SearchResult;
import org.automlzero.core.search.spec.RunSpec;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.store.TaskData;

/**
 * Runs one experiment config with the core's experiment flow and generation loop, evaluating on
 * Spark (or, for comparison, in-process). All evolution logic stays in the core, so a Spark run
 * and an in-process run with the same config and seed give identical results; this class only
 * wires the evaluator, the task store, the session and the progress lines.
 */
public final class SparkSearch {
  /** How to run: Spark layout (0 = automatic) or in-process with the config's thread count. */
  public record Options(boolean inProcess, int partitions, int shardsPerTask, GenerationListener extraListener,
      ProgressPrinter.Style progress) {
    public Options(boolean inProcess, int partitions, int shardsPerTask, GenerationListener extraListener) {
      this(inProcess, partitions, shardsPerTask, extraListener, ProgressPrinter.Style.PLAIN);
    }

    public static Options spark() {
      return new Options(false, 0, 0, GenerationListener.NONE);
    }
  }

  private SparkSearch() {}

  /**
   * Runs the config. {@code session} is used for Spark runs (null with {@code inProcess}).
   * Progress and result lines go to {@code out}.
   */
  public static SearchResult run(ExperimentConfig config, SparkSession session, Options options, PrintStream out) {
    return run(config, session, options, out, RunCheckpoints.NONE, RunState.START);
  }

  /** As {@link #run(ExperimentConfig, SparkSession, Options, PrintStream)}, with checkpoints, from a saved state. */
  public static SearchResult run(ExperimentConfig config, SparkSession session, Options options, PrintStream out,
      RunCheckpoints checkpoints, RunState from) {
    RunSpec run = config.run();
    SearchSpec spec = run.search();
    String dataPath = TaskData.needed(config) ? config.dataPath() : null;
    TaskGenerator generator = TaskData.generator(config);
    SparkProgress line = new SparkProgress();
    ProgressPrinter progress = new ProgressPrinter(spec.progressEvery(), out::println, spec.maxIndividuals(),
        options.progress()).detail(line::detail).suffix(line::busy).secondsBefore(from.elapsedSeconds());
    GenerationListener listener = report -> {
      progress.onGeneration(report);
      options.extraListener().onGeneration(report);
    };
    // The driver needs the tasks too: FEC fingerprints run here, on the first examples of each task.
    SearchResult result = InProcessSearch.run(run, config.threads(), generator::generate, (provider, pool) -> {
      if (options.inProcess()) {
        return new InProcessEvaluator(spec.shape(), spec.maxAbsError(), provider, pool);
      }
      SparkBatchEvaluator evaluator = new SparkBatchEvaluator(JavaSparkContext.fromSparkContext(
          session.sparkContext()), spec.shape(), spec.maxAbsError(), options.partitions(), options.shardsPerTask(),
          dataPath, config.toConfigText());
      line.watch(evaluator, JavaSparkContext.fromSparkContext(session.sparkContext()),
          spec.islands().mode() == org.automlzero.core.search.spec.IslandMode.ISLAND_STAGE);
      return evaluator;
    }, listener, out::println, checkpoints, from);
    out.println(String.format(Locale.ROOT,
        "Search done: %d experiment(s), %d individuals in %.1f s (%.0f individuals/s), FEC hit rate %.3f",
        result.experiments(), result.individuals(), result.elapsedSeconds(), result.individualsPerSecond(),
        result.fecHitRate()));
    return result;
  }
}
