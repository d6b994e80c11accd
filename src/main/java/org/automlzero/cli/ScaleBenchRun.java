package org.automlzero.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.spec.IslandSpec;
import org.automlzero.spark.ScaleBench;
import org.automlzero.spark.SparkSearch;
import org.automlzero.spark.SparkSetup;
import org.automlzero.spark.StageTimeline;
import org.automlzero.spark.SyntheticTaskData;
import org.automlzero.store.TaskData;

/**
 * {@code bench --scale}: the island-stage mode's throughput and efficiency from 2 to 1,024
 * virtual cores on a real standalone cluster, with each island's evolution modelled by its
 * calibrated cost ({@link ScaleBench}); first a real run on local[2] to validate the model.
 */
final class ScaleBenchRun {
  private ScaleBenchRun() {}

  /** Runs {@code bench --scale} with the parsed options. */
  static int run(List<String> specs, List<Integer> cores, int workers, int taskCpus, int islandsPerCore, int stages,
      long calibrate, java.util.Map<String, Double> costs) {
    Path home = Paths.get(System.getProperty("automlzero.home", "."));
    try {
      Path work = Files.createTempDirectory("automl-zero-scale");
      for (String name : specs) {
        Path config = home.resolve("conf").resolve(name + ".conf");
        if (!Files.isRegularFile(config)) {
          throw new UserError("--specs: no config " + config + " (give shipped config names, e.g. demo,baseline)", 2);
        }
        SparkLayout layout = SparkLayout.choose(config, null);
        List<String> o = new ArrayList<>(layout == null ? List.of() : layout.overrides());
        ExperimentConfig shape = ConfigLoader.load(config, o);
        var is = shape.run().search().islands();
        long n = clockedRun(is, is.islands(), calibrate);
        o.addAll(List.of("search.max_individuals=" + n, "run.max_experiments=1", "run.sufficient_fitness=0",
            "run.progress_every=0", "select.tasks.count=1", "final.tasks.count=1"));
        ExperimentConfig c = ConfigLoader.load(config, o);
        if (c.run().mixTasks() != null && c.run().mixTasks().hasProjectedBinary()) {
          // The task mix (the Full method's MNIST islands): synthetic tasks of the same shape in the
          // search list's data set, so one synthetic store serves both lists.
          o.add("mix.tasks.dataset=" + c.run().searchTasks().specs().get(0).dataset());
          c = ConfigLoader.load(config, o);
        }
        String store = null;
        if (TaskData.needed(c)) {
          List<org.automlzero.core.task.LearningTaskSpec> both = new ArrayList<>(c.run().searchTasks().specs());
          if (c.run().mixTasks() != null) {
            both.addAll(c.run().mixTasks().specs());
          }
          store = SyntheticTaskData.write(Files.createTempDirectory(work, "tasks"),
              new org.automlzero.core.task.TaskList("search", both)).toString();
        }
        if (store != null) {
          // Synthetic Parquet tasks of the search list's shape; select and final are not measured.
          o.add("data.path=" + store);
          for (String list : List.of("select", "final")) {
            o.addAll(List.of(list + ".tasks.type=SCALAR_LINEAR_REGRESSION", list + ".tasks.eval_type=RMS_ERROR"));
          }
          c = ConfigLoader.load(config, o);
        }
        System.out.println("spec " + name + ": " + config + " with " + (layout == null ? "no layout" : layout.file()));
        Double given = costs.get(name);
        double perIndividual = given != null ? given * 1e-6 : ScaleBench.calibrate(c, store, System.out);
        // The model is checked at its own 2-core shape: as many islands as the cores=2 point has.
        int checkIslands = 2 * Math.max(1, islandsPerCore);
        List<String> check = new ArrayList<>(o);
        check.addAll(List.of("islands.count=" + checkIslands,
            "search.max_individuals=" + clockedRun(is, checkIslands, calibrate)));
        ScaleBench.StageClock real = given != null ? null : validate(ConfigLoader.load(config, check));
        if (given != null) {
          System.out.println(String.format(Locale.ROOT, "cost: spec=%s %.1f us per individual as given (--cost-us)",
              name, given));
        } else {
          double modelled = 2 / perIndividual;
          System.out.println(String.format(Locale.ROOT, "real: spec=%s local[2] islands=%d individuals_per_s=%.0f (%s); the "
              + "model's ideal for 2 cores: %.0f (real/ideal %.2f)", name, checkIslands, real.rate(), real, modelled,
              real.rate() / modelled));
        }
        List<String> big = new ArrayList<>(o);
        big.add("search.max_individuals=1000000000000000");
        ExperimentConfig unbounded = ConfigLoader.load(config, big);
        for (int k : cores) {
          ScaleBench.Point p = ScaleBench.measure(name, unbounded.run().search(), perIndividual,
              new ScaleBench.Shape(k, workers, taskCpus, islandsPerCore, stages), home, Files.createTempDirectory(work, name + "-" + k), System.out);
          if (k == 2 && real != null) {
            System.out.println(String.format(Locale.ROOT, "model check: spec=%s cores=2 modelled %.0f vs real %.0f "
                + "individuals/s: error %+.1f%%", name, p.individualsPerSecond(), real.rate(),
                (p.individualsPerSecond() / real.rate() - 1) * 100));
          }
        }
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Individuals of a real clocked run with {@code islands} islands: {@code calibrate} if given, else
   * the initial populations and 4 stages (the first is left out of the clock as warm-up).
   */
  private static long clockedRun(IslandSpec is, int islands, long calibrate) {
    return calibrate > 0 ? calibrate
        : (long) islands * is.population() + 4L * islands * is.children() * is.migrationInterval();
  }

  /** The same spec really evolving on local[2], to check the model at 2 cores against. */
  private static ScaleBench.StageClock validate(ExperimentConfig c) {
    SparkSession session = SparkSetup.start("AutoML-Zero scale bench validation", "local[2]");
    ScaleBench.StageClock real = new ScaleBench.StageClock();
    StageTimeline timeline = StageTimeline.on(session.sparkContext());
    timeline.record();
    try {
      SparkSearch.run(c, session, new SparkSearch.Options(false, 0, 0, real),
          new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      session.sparkContext().listenerBus().waitUntilEmpty();
      System.out.println("real jobs: local[2] " + timeline.summary());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain", e);
    } finally {
      session.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
    return real;
  }
}
