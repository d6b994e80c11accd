package org.automlzero.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmJson;
import org.automlzero.core.algorithm.AlgorithmParser;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.interpreter.Fitness;
import org.automlzero.core.interpreter.FitnessCombination;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskList;
import org.automlzero.store.TaskData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code evaluate --algorithm FILE --config CONF [--tasks search|select|final] [--json]
 * [--set k=v]}: scores an algorithm (readable text or JSON) on one of a config's task lists and
 * prints the per-task and combined fitness. It runs in-process (plain threads, no SparkSession),
 * which starts in well under a second; the numbers are the ones a Spark evaluation gives.
 */
@Command(name = "evaluate", synopsisHeading = "",
    customSynopsis = "usage: submit.sh evaluate --algorithm FILE --config CONF [--tasks search|select|final] [--json] "
        + "[--set KEY=VALUE]...",
    description = "Scores an algorithm on one of a config's task lists (in-process, no Spark).",
    footer = {"Run-time seeds (for ops that draw random numbers) are derive(run.seed, <list>, 0, task), so they equal",
        "the run's own only for the first experiment.",
        "exit codes: 0 done, 2 bad input, 1 failed while running"})
final class EvaluateCommand implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();
  @Mixin ConfigOverrides overrides = new ConfigOverrides();

  /** Which of the config's task lists. */
  enum Tasks { SEARCH, SELECT, FINAL }

  private Tasks which = Tasks.FINAL;

  @Option(names = "--algorithm", paramLabel = "FILE", description = "the algorithm: readable text (def Setup(): ...) "
      + "or JSON (algorithm.json of a run)")
  Path algorithmFile;

  @Option(names = "--config", paramLabel = "CONF", description = "experiment config whose tasks to use (a run's "
      + "config.conf works)")
  Path configFile;

  @Option(names = "--tasks", paramLabel = "LIST", description = "search, select or final (default final)")
  void tasks(String text) {
    which = switch (text) {
      case "search" -> Tasks.SEARCH;
      case "select" -> Tasks.SELECT;
      case "final" -> Tasks.FINAL;
      default -> throw new UserError("--tasks is '" + text + "', but must be search, select or final", 2);
    };
  }

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Option(names = "--threads", paramLabel = "N", description = "evaluation threads (0 = all cores)")
  void threads(String n) {
    overrides.add("run.threads", n);
  }

  @Override
  public Integer call() {
    if (algorithmFile == null || configFile == null) {
      throw new UserError("evaluate needs --algorithm FILE and --config CONF\n" + Main.usage("evaluate"), 2);
    }
    ExperimentConfig config = SearchLocalCommand.load(configFile, overrides.list());
    SearchSpec spec = config.run().search();
    TaskData.check(config); // an InputException names the file
    org.automlzero.core.config.ResourceCheck.check(config);
    Algorithm algorithm = readAlgorithm(algorithmFile, spec);
    TaskList list = switch (which) {
      case SEARCH -> config.run().searchTasks();
      case SELECT -> config.run().selectTasks();
      case FINAL -> config.run().finalTasks();
    };
    String purpose = which.name().toLowerCase(Locale.ROOT);
    List<LearningTask> learningTasks;
    double[] fitness;
    try (TaskListFitness scorer = new TaskListFitness(config, list, purpose, 0)) {
      learningTasks = scorer.tasks();
      fitness = scorer.perTask(algorithm);
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
}
