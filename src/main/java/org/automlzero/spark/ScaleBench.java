package org.automlzero.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.EvolutionLoop;
import org.automlzero.core.search.GenerationListener;
import org.automlzero.core.search.GenerationReport;
import org.automlzero.core.search.InProcessSearch;
import org.automlzero.core.search.InitialAlgorithms;
import org.automlzero.core.search.IslandState;
import org.automlzero.core.search.LoopState;
import org.automlzero.core.search.Mutator;
import org.automlzero.core.search.WorkerPool;
import org.automlzero.core.search.fec.Fingerprinter;
import org.automlzero.core.search.spec.RunSpec;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.store.ParquetTaskStore;

/**
 * How far the island-stage mode scales, measured honestly on one small machine. What is real: a
 * standalone cluster (Master and Workers from the project's jars on 127.0.0.1, advertising many
 * cores), the driver's loop (stage calls, headers, migration, the periodic full copies of the
 * islands), Spark's scheduling of one task per island (or per {@code task_cpus} islands), the
 * executors' resident islands, decoding and encoding. What is
 * modelled: the evolution inside each island's stage, replaced by a sleep of its cost, calibrated
 * from a real single-thread run of the same spec ({@link ModelledStages}).
 *
 * <p>efficiency = measured individuals/s / (cores x the calibrated single-core individuals/s).
 */
public final class ScaleBench {
  private ScaleBench() {}

  /**
   * Stages run before the clock starts. A real run has hundreds; one stage leaves the driver's
   * JIT compiling during the measured ones (seen in its profile as most of its CPU per stage).
   */
  static final int WARMUP_STAGES = 3;

  /** One measured point. */
  public record Point(String spec, int cores, int islands, int taskCpus, double individualsPerSecond,
      double efficiency, double driverBusy, double overheadMsPerJob, double driverCpuMsPerStage, double executorBusy) {
    String line() {
      return String.format(Locale.ROOT, "scale: spec=%s cores=%d islands=%d task_cpus=%d individuals_per_s=%.0f "
          + "efficiency=%.2f driver_busy=%.2f overhead_ms_per_job=%.1f driver_cpu_ms_per_stage=%.1f executor_busy=%.2f",
          spec, cores, islands, taskCpus, individualsPerSecond, efficiency, driverBusy, overheadMsPerJob,
          driverCpuMsPerStage, executorBusy);
    }
  }

  /**
   * Calibration: the spec's island-stage search run for real, in-process on one thread.
   *
   * @return seconds per individual on one core
   */
  public static double calibrate(ExperimentConfig config, String storeRoot, PrintStream out) {
    RunSpec run = config.run();
    TaskGenerator generator = new TaskGenerator(storeRoot == null ? null : ParquetTaskStore.open(storeRoot));
    StageClock clock = new StageClock();
    InProcessSearch.run(run, 1, generator::generate, clock, line -> { });
    double perIndividual = 1 / clock.rate();
    out.println(String.format(Locale.ROOT, "calibration: %s on one thread: %.1f us per individual (%.0f "
        + "individuals/s per core)", clock, perIndividual * 1e6, 1 / perIndividual));
    return perIndividual;
  }

  /**
   * Individuals per second over the stages after the first (the initial populations and the
   * first stage, with its JIT warm-up, are left out), from the loop's own reports.
   */
  public static final class StageClock implements GenerationListener {
    private final List<double[]> points = new ArrayList<>(); // {individuals, elapsed seconds}

    @Override
    public void onGeneration(GenerationReport r) {
      points.add(new double[] {r.individuals(), r.elapsedSeconds()});
    }

    @Override
    public boolean wantsIslandStats(long individuals) {
      return false;
    }

    public double rate() {
      if (points.size() < 4) {
        throw new IllegalStateException("the run made " + points.size() + " reports; the clock needs the initial "
            + "populations and at least 3 stages");
      }
      double[] from = points.get(1);
      double[] to = points.get(points.size() - 1);
      return (to[0] - from[0]) / (to[1] - from[1]);
    }

    @Override
    public String toString() {
      double[] from = points.get(1);
      double[] to = points.get(points.size() - 1);
      return String.format(Locale.ROOT, "%,.0f individuals in %.1f s over %d stages", to[0] - from[0],
          to[1] - from[1], points.size() - 2);
    }
  }

  /**
   * The cluster and the run of one point: {@code cores} virtual cores over {@code workers}
   * standalone workers, {@code taskCpus} cores per task, {@code islandsPerCore} islands per core,
   * {@code stages} measured stages.
   */
  public record Shape(int cores, int workers, int taskCpus, int islandsPerCore, int stages) {}

  /**
   * Runs the shape's island stages on a fresh standalone cluster of its workers advertising its
   * cores in all.
   */
  public static Point measure(String name, SearchSpec spec, double secondsPerIndividual, Shape shape, Path home,
      Path work, PrintStream out) throws IOException, InterruptedException {
    int cores = shape.cores();
    int w = Math.max(1, Math.min(shape.workers(), cores));
    int taskCpus = Math.max(1, Math.min(shape.taskCpus(), cores / w));
    try (LocalStandaloneCluster cluster = new LocalStandaloneCluster(home, work, w, Math.max(1, cores / w), "2g")) {
      SparkSession session = SparkSession.builder().appName("AutoML-Zero scale bench " + name + " " + cores)
          .master(cluster.masterUrl())
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.executor.memory", "1500m")
          .config("spark.jars", appJar(home))
          .config("spark.broadcast.compress", "false")
          .config("spark.task.cpus", String.valueOf(taskCpus))
          .getOrCreate();
      try {
        return run(name, spec, secondsPerIndividual, cores, taskCpus, cores * Math.max(1, shape.islandsPerCore()),
            shape.stages(), session, out);
      } finally {
        session.stop();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
      }
    }
  }

  private static Point run(String name, SearchSpec spec, double secondsPerIndividual, int cores, int taskCpus,
      int islands, int stages, SparkSession session, PrintStream out) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
    long waitUntil = System.nanoTime() + 120_000_000_000L;
    while (jsc.defaultParallelism() < cores && System.nanoTime() < waitUntil) {
      sleep(200); // executors register one by one
    }
    LoopState start = initialState(spec, islands);
    try (WorkerPool pool = new WorkerPool(1);
        SparkBatchEvaluator evaluator = new SparkBatchEvaluator(jsc, spec.shape(), spec.maxAbsError(),
            Math.max(1, cores / taskCpus), 0, null)) {
      evaluator.modelStages(new ModelledStages(spec.islands().children(), secondsPerIndividual));
      // The loop wants a fingerprinter when FEC is on; the modelled stages never use it.
      Fingerprinter unused = spec.fec().enabled()
          ? new Fingerprinter(spec.shape(), spec.maxAbsError(), spec.fec(), pool)
          : null;
      Algorithm budgetBaseline = spec.trainBudget().enabled()
          ? InitialAlgorithms.handCoded(spec.trainBudget().baseline(), spec)
          : null;
      EvolutionLoop loop = EvolutionLoop.resume(start, spec, bench(spec), list -> List.of(), evaluator, unused,
          budgetBaseline, 1, GenerationListener.NONE);
      StageTimeline timeline = StageTimeline.on(jsc.sc());
      for (int s = 0; s < WARMUP_STAGES; s++) {
        loop.step(); // class loading on every executor, the driver's JIT
      }
      timeline.record();
      long individuals0 = loop.individuals();
      EvaluatorStats stats0 = evaluator.stats();
      double cpu0 = processCpuSeconds();
      long t0 = System.nanoTime();
      for (int s = 0; s < stages; s++) {
        loop.step();
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = processCpuSeconds() - cpu0;
      long individuals = loop.individuals() - individuals0;
      double rate = individuals / wall;
      double ideal = cores / secondsPerIndividual;
      EvaluatorStats st = evaluator.stats().minus(stats0);
      Point p = new Point(name, cores, islands, taskCpus, rate, rate / ideal, cpu / wall, st.overheadMillisPerCall(),
          cpu / stages * 1e3, st.busyNanos() * (double) taskCpus / 1e9 / (wall * cores));
      out.println(p.line());
      try {
        jsc.sc().listenerBus().waitUntilEmpty(); // the timeline has every task's end
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("Spark's listener bus did not drain", e);
      }
      double perStage = wall / stages * 1e3;
      double work = (double) islands / cores * spec.islands().migrationInterval() * spec.islands().children()
          * secondsPerIndividual * 1e3;
      double calls = Math.max(1, st.calls());
      out.println(String.format(Locale.ROOT, "floor: spec=%s cores=%d islands=%d stage_ms=%.1f modelled_work_ms=%.1f "
          + "driver_outside_spark_ms=%.1f driver_prepare_ms=%.1f slowest_task_ms=%.1f %s", name, cores, islands,
          perStage, work, perStage - st.wallNanos() / 1e6 / calls * st.calls() / stages, st.prepareNanos() / 1e6 / calls,
          st.criticalNanos() / 1e6 / calls, timeline.summary()));
      return p;
    }
  }

  /** Populations of real random programs of the spec's initial sizes, with made-up fitnesses. */
  private static LoopState initialState(SearchSpec spec, int islands) {
    Mutator mutator = new Mutator(spec);
    int p = spec.islands().population();
    List<IslandState> states = new ArrayList<>(islands);
    List<double[]> partial = new ArrayList<>(islands);
    for (int i = 0; i < islands; i++) {
      Rng rng = Rng.derive(1, "scale-bench", i);
      List<Algorithm> members = new ArrayList<>(p);
      double[] fitness = new double[p];
      for (int m = 0; m < p; m++) {
        members.add(mutator.randomAlgorithm(rng));
        fitness[m] = rng.nextDouble();
      }
      states.add(new IslandState(members, fitness, 0, p));
      partial.add(fitness.clone());
    }
    return new LoopState(0, 0, (long) islands * p, 0, 0, 0, states, partial, List.of());
  }

  /** The search task list of the spec (never read: the stages are modelled). */
  private static org.automlzero.core.task.TaskList bench(SearchSpec spec) {
    return new org.automlzero.core.task.TaskList("search", List.of(
        org.automlzero.core.task.LearningTaskSpec.regression(org.automlzero.core.task.TaskType.SCALAR_LINEAR_REGRESSION,
            spec.shape().features(), 10, 10, spec.hurdles().enabled() ? spec.hurdles().tasks() + 1 : 1, List.of(),
            List.of())));
  }

  private static String appJar(Path home) throws IOException {
    try (var files = Files.list(home.resolve("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("automl-zero-spark-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no application jar in " + home.resolve("target")
              + ": build it with mvn -B -DskipTests package")).toString();
    }
  }

  /** This JVM's CPU seconds so far (all threads). */
  static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
