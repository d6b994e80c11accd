package org.automlzero.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.automlzero.cli.ReproduceCommand.Options;
import org.automlzero.cli.TableS5Plan.Cell;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.InitAlgorithm;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.ExperimentRunner;
import org.automlzero.core.search.InProcessEvaluator;
import org.automlzero.core.search.InProcessSearch;
import org.automlzero.core.search.InitialAlgorithms;
import org.automlzero.core.search.ProgressPrinter;
import org.automlzero.core.search.SearchResult;
import org.automlzero.core.search.TaskProvider;
import org.automlzero.core.search.WorkerPool;
import org.automlzero.core.search.spec.RunSpec;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.runs.RunRecorder;
import org.automlzero.spark.SparkSearch;
import org.automlzero.spark.SparkSetup;
import org.automlzero.store.TaskData;

/**
 * Runs the cells of a {@link TableS5Plan} one after the other as ordinary runs (in-process or on
 * one Spark session started on first need), keeps those finished earlier, resumes an interrupted
 * one from its checkpoint, and scores the LINEAR and NEURAL_NET baselines once per seed.
 */
final class TableS5Run {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TableS5Run() {}

  /** Every cell's figures with its seed's baselines, in the plan's order. */
  static List<TableS5Table.Row> runAll(Options o, TableS5Plan plan, PrintStream console) {
    Map<Cell, ExperimentConfig> configs = plan.configs();
    TaskProvider shared = sharedTasks(configs.values().iterator().next());
    SparkSession session = null;
    boolean ownSession = false;
    List<TableS5Table.Row> rows = new ArrayList<>();
    Map<Long, double[]> baselines = new TreeMap<>();
    try {
      int index = 0;
      for (Map.Entry<Cell, ExperimentConfig> e : configs.entrySet()) {
        index++;
        Cell cell = e.getKey();
        Path dir = plan.dir(cell);
        RunFigures f;
        if (Files.exists(dir.resolve("result.json"))) {
          f = RunFigures.read(dir);
          console.println("[" + index + "/" + configs.size() + "] " + cell.name() + ": finished earlier, kept");
        } else {
          if (!o.inProcess() && session == null) {
            ownSession = SparkSession.getActiveSession().isEmpty();
            String master = SparkSetup.master(null);
            SparkSetup.checkMaster(master);
            session = SparkSetup.start("AutoML-Zero reproduce table-s5", master);
            console.println("Spark " + session.version() + " on " + session.sparkContext().master());
          }
          console.println("[" + index + "/" + configs.size() + "] " + cell.name() + ": running");
          f = runOne(o, cell, e.getValue(), dir, session, shared, console);
        }
        double[] base = baselines.computeIfAbsent(cell.seed(), s -> baselineAccuracies(e.getValue(), shared,
            o.threads()));
        rows.add(new TableS5Table.Row(cell.method(), cell.islands(), cell.run(), cell.seed(), f.select(), base[0],
            base[1], f.trainSteps(), f.individuals(), f.seconds()));
        console.println(String.format(Locale.ROOT, "  accuracy %.4f (LINEAR %.4f, NEURAL_NET %.4f), %,d train steps, "
            + "%,d individuals, %.1f s", f.select(), base[0], base[1], f.trainSteps(), f.individuals(), f.seconds()));
      }
    } finally {
      if (ownSession && session != null) {
        session.stop();
      }
    }
    return rows;
  }

  /** A run's figures as its result.json has them. */
  record RunFigures(double select, long trainSteps, long individuals, double seconds) {
    static RunFigures read(Path dir) {
      Path file = dir.resolve("result.json");
      try {
        JsonNode r = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        return new RunFigures(r.get("select_fitness").asDouble(), r.get("train_steps").asLong(),
            r.get("individuals").asLong(), r.get("elapsed_seconds").asDouble());
      } catch (IOException | RuntimeException e) {
        throw new UserError("reproduce: " + file + " is not a readable result of a run (" + e.getMessage()
            + "); remove its run directory to run it again", 2);
      }
    }
  }

  private static RunFigures runOne(Options o, Cell cell, ExperimentConfig config, Path dir, SparkSession session,
      TaskProvider shared, PrintStream console) {
    RunOutputs.Plan plan;
    if (Files.exists(dir)) {
      try {
        plan = RunOutputs.resume(dir, List.of(), "reproduce", console);
      } catch (UserError e) {
        console.println("  " + dir + " has no usable checkpoint (" + e.getMessage() + "); starting it again");
        plan = RunOutputs.fresh(config, TableS5Plan.confFile("baseline.conf"), dir, true, "reproduce");
      }
    } else {
      plan = RunOutputs.fresh(config, TableS5Plan.confFile("baseline.conf"), dir, false, "reproduce");
    }
    RunOutputs.Plan p = plan;
    RunRecorder recorder = plan.begin(line -> console.println("  " + line));
    SearchResult result;
    try {
      if (o.inProcess()) {
        ProgressPrinter progress = new ProgressPrinter(config.progressEvery(), line -> console.println("  " + line));
        result = RunOutputs.runAndFinish(recorder, "reproduce", p, (cfg, from) -> InProcessSearch.run(cfg.run(),
            o.threads(), shared, recorder.alongside(progress), line -> console.println("  " + line), recorder,
            from)).result();
      } else {
        SparkSearch.Options options = new SparkSearch.Options(false, 0, 0, recorder);
        result = RunOutputs.runAndFinish(recorder, "reproduce", p, (cfg, from) -> SparkSearch.run(cfg, session,
            options, console, recorder, from)).result();
      }
    } catch (RunOutputs.RunStopped s) {
      throw new RunOutputs.RunStopped("stopped during run " + cell.name() + " (its checkpoint is in " + dir
          + "); run the same reproduce command again to continue: finished runs are kept", s.exitCode());
    } finally {
      recorder.directory().close();
    }
    return new RunFigures(result.selectFitness(), result.trainSteps(), result.individuals(), result.elapsedSeconds());
  }

  /** One task provider for every in-process run and the baselines: each task list is read once. */
  private static TaskProvider sharedTasks(ExperimentConfig any) {
    TaskGenerator generator = TaskData.generator(any);
    Map<TaskList, List<LearningTask>> cache = new LinkedHashMap<>();
    return list -> {
      synchronized (cache) {
        return cache.computeIfAbsent(list, l -> List.copyOf(generator.generate(l)));
      }
    };
  }

  /**
   * LINEAR's and NEURAL_NET's accuracy on the run's selection tasks with the run's select seeds
   * (those the run's best algorithm was scored with).
   */
  static double[] baselineAccuracies(ExperimentConfig config, TaskProvider tasks, int threads) {
    RunSpec run = config.run();
    try (WorkerPool pool = new WorkerPool(threads);
        InProcessEvaluator evaluator = new InProcessEvaluator(run.search().shape(), run.search().maxAbsError(), tasks,
            pool)) {
      ExperimentRunner runner = new ExperimentRunner(run, evaluator, tasks, null, null, null);
      double[] out = new double[2];
      int k = 0;
      for (InitAlgorithm kind : List.of(InitAlgorithm.LINEAR, InitAlgorithm.NEURAL_NET)) {
        Algorithm a = InitialAlgorithms.handCoded(kind, run.search());
        out[k++] = runner.evaluate(run.selectTasks(), a, "select", 0);
      }
      return out;
    }
  }
}
