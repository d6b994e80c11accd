package org.automlzero.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmJson;
import org.automlzero.core.algorithm.AlgorithmParser;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.interpreter.Fitness;
import org.automlzero.core.interpreter.FitnessCombination;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.CachingTaskProvider;
import org.automlzero.core.search.EvaluationRequest;
import org.automlzero.core.search.InProcessEvaluator;
import org.automlzero.core.search.SearchSpec;
import org.automlzero.core.search.TaskProvider;
import org.automlzero.core.search.WorkerPool;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.spark.SparkSearch;
import org.automlzero.store.ParquetTaskStore;

/**
 * {@code evaluate --algorithm FILE --config CONF [--tasks search|select|final] [--json]
 * [--set k=v]}: scores an algorithm (readable text or JSON) on one of a config's task lists and
 * prints the per-task and combined fitness. It runs in-process (plain threads, no SparkSession),
 * which starts in well under a second; the numbers are the ones a Spark evaluation gives.
 */
final class EvaluateCommand {
  private EvaluateCommand() {}

  /** Which of the config's task lists. */
  enum Tasks { SEARCH, SELECT, FINAL }

  static String usage() {
    return """
        usage: submit.sh evaluate --algorithm FILE --config CONF [--tasks search|select|final] [--json] [--set KEY=VALUE]...
          --algorithm FILE  the algorithm: readable text (def Setup(): ...) or JSON (algorithm.json of a run)
          --config CONF     experiment config whose tasks to use (a run's config.conf works)
          --tasks LIST      search, select or final (default final)
          --json            machine-readable output
          --set KEY=VALUE   override a config key (repeatable)
          --threads N       evaluation threads (0 = all cores)
        Runs in-process. Run-time seeds (for ops that draw random numbers) are
        derive(run.seed, <list>, 0, task), so they equal the run's own only for the first experiment.""";
  }

  static int run(String[] args) {
    Path algorithmFile = null;
    Path configFile = null;
    Tasks which = Tasks.FINAL;
    boolean json = false;
    List<String> overrides = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> {
          System.out.println(usage());
          return 0;
        }
        case "--algorithm" -> algorithmFile = Path.of(value(args, ++i, a));
        case "--config" -> configFile = Path.of(value(args, ++i, a));
        case "--tasks" -> which = tasks(value(args, ++i, a));
        case "--json" -> json = true;
        case "--set" -> overrides.add(value(args, ++i, a));
        case "--threads" -> overrides.add("run.threads=" + value(args, ++i, a));
        default -> throw new UserError("evaluate: unknown option '" + a + "'\n" + usage(), 2);
      }
    }
    if (algorithmFile == null || configFile == null) {
      throw new UserError("evaluate needs --algorithm FILE and --config CONF\n" + usage(), 2);
    }
    ExperimentConfig config = SearchCommand.load(configFile, overrides);
    SearchSpec spec = config.run().search();
    SparkSearch.checkData(config); // an InputException names the file
    org.automlzero.core.config.ResourceCheck.check(config);
    Algorithm algorithm = readAlgorithm(algorithmFile, spec);
    TaskList list = switch (which) {
      case SEARCH -> config.run().searchTasks();
      case SELECT -> config.run().selectTasks();
      case FINAL -> config.run().finalTasks();
    };
    String purpose = which.name().toLowerCase(Locale.ROOT);
    TaskGenerator generator = SparkSearch.needsData(config) ? new TaskGenerator(ParquetTaskStore.open(config.dataPath()))
        : new TaskGenerator();
    TaskProvider provider = new CachingTaskProvider(generator::generate);
    List<LearningTask> learningTasks = provider.tasks(list);
    List<EvaluationRequest> requests = new ArrayList<>();
    for (int t = 0; t < learningTasks.size(); t++) {
      requests.add(new EvaluationRequest(0, t, learningTasks.get(t).maxTrainExamples(),
          Rng.deriveSeed(config.run().seed(), purpose, 0, t)));
    }
    double[] fitness;
    try (WorkerPool pool = new WorkerPool(config.threads());
        InProcessEvaluator evaluator = new InProcessEvaluator(spec.shape(), spec.maxAbsError(), provider, pool)) {
      fitness = evaluator.evaluate(list, List.of(algorithm), requests);
    }
    FitnessCombination combination = which == Tasks.SEARCH ? spec.fitnessCombination() : FitnessCombination.MEAN;
    double combined = Fitness.combine(fitness, combination);
    if (json) {
      System.out.print(json(algorithmFile, configFile, purpose, combination, learningTasks, fitness, combined));
    } else {
      System.out.printf(Locale.ROOT, "Algorithm %s on the %d %s tasks of %s:%n", algorithmFile, fitness.length,
          purpose, configFile);
      System.out.println("task\tdata_seed\tparam_seed\tfitness");
      for (int t = 0; t < fitness.length; t++) {
        LearningTask task = learningTasks.get(t);
        System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%.9f%n", t, task.dataSeed(), task.paramSeed(), fitness[t]);
      }
      System.out.printf(Locale.ROOT, "%s fitness (%s over %d tasks) = %.9f%n", purpose, combination.name().toLowerCase(
          Locale.ROOT), fitness.length, combined);
    }
    return 0;
  }

  /** Reads readable text or JSON (by its first character) and checks it against the config's memory. */
  static Algorithm readAlgorithm(Path file, SearchSpec spec) {
    String text = org.automlzero.core.io.InputFiles.readText(file, "algorithm file");
    if (text.isBlank()) {
      throw new UserError("algorithm file " + file + " is empty: expected the readable format (def Setup(): ...) "
          + "or algorithm JSON", 2);
    }
    try {
      return text.strip().startsWith("{") ? AlgorithmJson.read(text, spec.shape())
          : AlgorithmParser.parse(text, spec.shape());
    } catch (IllegalArgumentException e) {
      throw new UserError("algorithm file " + file + ": " + e.getMessage(), 2);
    }
  }

  private static String json(Path algorithm, Path config, String purpose, FitnessCombination combination,
      List<LearningTask> tasks, double[] fitness, double combined) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("algorithm", algorithm.toString());
      g.writeStringField("config", config.toString());
      g.writeStringField("tasks", purpose);
      g.writeStringField("combination", combination.name());
      g.writeNumberField("fitness", combined);
      g.writeArrayFieldStart("per_task");
      for (int t = 0; t < fitness.length; t++) {
        g.writeStartObject();
        g.writeNumberField("task", t);
        g.writeNumberField("data_seed", tasks.get(t).dataSeed());
        g.writeNumberField("param_seed", tasks.get(t).paramSeed());
        g.writeNumberField("fitness", fitness[t]);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }

  private static Tasks tasks(String text) {
    return switch (text) {
      case "search" -> Tasks.SEARCH;
      case "select" -> Tasks.SELECT;
      case "final" -> Tasks.FINAL;
      default -> throw new UserError("--tasks is '" + text + "', but must be search, select or final", 2);
    };
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new UserError("option " + option + " needs a value", 2);
    }
    return args[i];
  }
}
