package org.automlzero.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.InitAlgorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.interpreter.FitnessCombination;
import org.automlzero.core.search.IslandParameters;
import org.automlzero.core.search.spec.FecSpec;
import org.automlzero.core.search.spec.FunctionSpec;
import org.automlzero.core.search.spec.HurdleSpec;
import org.automlzero.core.search.spec.IslandMode;
import org.automlzero.core.search.spec.IslandSpec;
import org.automlzero.core.search.spec.MigrationTopology;
import org.automlzero.core.search.spec.MutationType;
import org.automlzero.core.search.spec.RunSpec;
import org.automlzero.core.search.spec.SearchMethod;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.search.spec.TrainBudgetSpec;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;

import org.automlzero.core.config.ConfigSyntax.Setting;

/**
 * Binds config settings to the typed specs: each key through {@link ConfigValues}, then the
 * cross-key rules, giving the {@link ExperimentConfig}.
 */
final class ConfigBinding {
  private final ConfigValues values;

  ConfigBinding(Map<String, Setting> settings) {
    this.values = new ConfigValues(settings);
  }

  ExperimentConfig build() {
    MemoryShape shape;
    int features = values.intValue("search.tasks.features");
    try {
      shape = new MemoryShape(values.intValue("memory.scalars"), values.intValue("memory.vectors"), values.intValue("memory.matrices"),
          features);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("memory: " + e.getMessage());
    }
    FunctionSpec[] functions = new FunctionSpec[3];
    boolean anyOps = false;
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      String p = "search." + type.name().toLowerCase(Locale.ROOT) + ".";
      List<Op> ops = values.ops(p + "ops");
      for (Op op : ops) {
        if (!shape.supports(op)) {
          String rule = op.usesMatrices() && shape.matrices() == 0
              ? "op " + op + " needs matrices, but memory.matrices = 0"
              : "op " + op + " needs an address the memory (" + shape.scalars() + " scalars, " + shape.vectors()
                  + " vectors, " + shape.matrices() + " matrices) lacks";
          throw values.error(p + "ops", rule);
        }
      }
      anyOps |= !ops.isEmpty();
      int init = values.intValue(p + "init_size");
      // An unset bound follows the init size, but never crosses the other, explicit bound.
      int min = values.isSet(p + "min_size") ? values.intValue(p + "min_size")
          : Math.min(init, values.intValue(p + "max_size", init));
      int max = values.isSet(p + "max_size") ? values.intValue(p + "max_size") : Math.max(init, min);
      if (min > max) {
        throw values.error(p + "min_size", "must not exceed " + p + "max_size (" + max + ")");
      }
      if (init < min) {
        throw values.error(p + "init_size", "must be >= " + p + "min_size (" + min + ")");
      }
      if (init > max) {
        throw values.error(p + "init_size", "must be <= " + p + "max_size (" + max + ")");
      }
      functions[type.ordinal()] = new FunctionSpec(ops, init, min, max);
    }
    if (!anyOps) {
      throw values.error("search.predict.ops", "at least one of search.setup.ops, search.predict.ops, search.learn.ops "
          + "must list ops, or nothing can be mutated");
    }
    int population = values.intValue("search.population_size");
    int tournament = values.intValue("search.tournament_size");
    if (tournament > population) {
      throw values.error("search.tournament_size", "must not exceed search.population_size (" + population + ")");
    }
    double mutateProb = values.doubleValue("search.mutate_prob");
    if (mutateProb > 1.0) {
      throw values.error("search.mutate_prob", "must be a probability in [0, 1]");
    }
    List<MutationType> mutations = values.mutations("search.mutations");
    if (mutations.isEmpty()) {
      throw values.error("search.mutations", "must list at least one mutation type");
    }
    int islands = values.intValue("islands.count");
    int children = values.intValue("islands.children_per_generation");
    if (children > population) {
      throw values.error("islands.children_per_generation", "must not exceed search.population_size (" + population + ")");
    }
    int migrants = values.intValue("islands.migrants");
    if (migrants > population) {
      throw values.error("islands.migrants", "must not exceed search.population_size (" + population + ")");
    }
    IslandSpec islandSpec = new IslandSpec(islands, population, children, values.intValue("islands.migration_interval"),
        migrants, values.enumValue("islands.topology", MigrationTopology.class), values.enumValue("islands.mode", IslandMode.class));

    IslandParameters.Range tournamentRange = values.range("islands.ranges.tournament_size", true);
    IslandParameters.Range mutateRange = values.range("islands.ranges.mutate_prob", false);
    for (String key : List.of("islands.ranges.tournament_size", "islands.ranges.mutate_prob")) {
      if (values.isSet(key) && islandSpec.mode() != IslandMode.ISLAND_STAGE) {
        throw values.error(key, "needs islands.mode = ISLAND_STAGE (each island runs with its own parameters only in "
            + "that mode)");
      }
    }
    if (tournamentRange != null && tournamentRange.low() < 1) {
      throw values.error("islands.ranges.tournament_size", "must be >= 1");
    }
    if (tournamentRange != null && tournamentRange.high() > population) {
      throw values.error("islands.ranges.tournament_size", "must not exceed search.population_size (" + population + ")");
    }
    if (mutateRange != null && (mutateRange.low() < 0 || mutateRange.high() > 1)) {
      throw values.error("islands.ranges.mutate_prob", "must lie in [0, 1] (probabilities)");
    }
    IslandParameters.Ranges ranges = new IslandParameters.Ranges(tournamentRange, mutateRange);

    boolean fecEnabled = values.booleanValue("search.fec.enabled");
    int forget = values.intValue("search.fec.forget_every");
    if (forget == 1) {
      throw values.error("search.fec.forget_every", "must be 0 (never) or >= 2");
    }
    FecSpec fec = new FecSpec(fecEnabled, values.intValue("search.fec.train_examples"),
        values.intValue("search.fec.valid_examples"), values.intValue("search.fec.cache_size"), forget);
    double factor = values.doubleValue("search.train_budget.factor");
    if (!(factor > 0.0)) {
      throw values.error("search.train_budget.factor", "must be > 0");
    }
    TrainBudgetSpec budget = new TrainBudgetSpec(values.booleanValue("search.train_budget.enabled"),
        values.enumValue("search.train_budget.baseline", InitAlgorithm.class), factor);
    double percentile = values.doubleValue("search.hurdles.percentile");
    if (percentile > 100.0) {
      throw values.error("search.hurdles.percentile", "must be in [0, 100]");
    }
    HurdleSpec hurdles = new HurdleSpec(values.booleanValue("search.hurdles.enabled"), values.intValue("search.hurdles.tasks"),
        percentile);
    double maxAbsError = values.doubleValue("search.max_abs_error");
    if (!(maxAbsError > 0.0)) {
      throw values.error("search.max_abs_error", "must be > 0");
    }

    TaskList searchTasks = taskList("search", features);
    TaskList selectTasks = taskList("select", features);
    TaskList finalTasks = taskList("final", features);
    if (fecEnabled) {
      LearningTaskSpec s = searchTasks.specs().get(0);
      if (fec.trainExamples() > s.numTrain()) {
        throw values.error("search.fec.train_examples", "must not exceed search.tasks.train_examples (" + s.numTrain() + ")");
      }
      if (fec.validExamples() > s.numValid()) {
        throw values.error("search.fec.valid_examples", "must not exceed search.tasks.valid_examples (" + s.numValid() + ")");
      }
    }
    if (hurdles.enabled() && hurdles.tasks() >= searchTasks.size()) {
      throw values.error("search.hurdles.tasks", "must be fewer than search.tasks.count (" + searchTasks.size() + ")");
    }
    SearchSpec search = new SearchSpec(shape, functions[0], functions[1], functions[2],
        values.enumValue("search.initial_population", InitAlgorithm.class),
        values.enumValue("search.method", SearchMethod.class), tournament, mutateProb, mutations, islandSpec, fec, budget,
        hurdles, values.longValue("search.max_individuals"), values.longValue("search.max_train_steps"), maxAbsError,
        values.enumValue("search.fitness_combination", FitnessCombination.class), values.longValue("run.progress_every"), ranges);
    double sufficient = values.doubleValue("run.sufficient_fitness");
    double mixFraction = values.doubleValue("islands.mix_fraction");
    TaskList mixTasks = null;
    int mixIslands = 0;
    if (mixFraction > 0) {
      if (mixFraction >= 1) {
        throw values.error("islands.mix_fraction", "must be below 1: some islands must search on search.tasks");
      }
      if (islandSpec.mode() != IslandMode.ISLAND_STAGE) {
        throw values.error("islands.mix_fraction", "needs islands.mode = ISLAND_STAGE (each island searches on its own "
            + "tasks only in that mode)");
      }
      mixIslands = (int) Math.round(islands * mixFraction);
      if (mixIslands < 1 || mixIslands >= islands) {
        throw values.error("islands.mix_fraction", "gives " + mixIslands + " of islands.count = " + islands
            + " islands: it must give at least one island to each task list");
      }
      mixTasks = taskList("mix", features);
      LearningTaskSpec m = mixTasks.specs().get(0);
      if (fecEnabled && (fec.trainExamples() > m.numTrain() || fec.validExamples() > m.numValid())) {
        throw values.error("search.fec.train_examples", "and search.fec.valid_examples must not exceed "
            + "mix.tasks.train_examples (" + m.numTrain() + ") and mix.tasks.valid_examples (" + m.numValid() + ")");
      }
    }
    RunSpec run = new RunSpec(search, searchTasks, selectTasks, finalTasks, values.longValue("run.seed"),
        values.intValue("run.max_experiments"), sufficient, values.booleanValue("run.randomize_task_seeds"), mixTasks, mixIslands);
    OutputSpec outputs = new OutputSpec(values.longValue("checkpoint.every_generations"),
        values.doubleValue("checkpoint.min_seconds"), values.intValue("checkpoint.keep"), values.longValue("stats.every_individuals"));
    return new ExperimentConfig(run, values.intValue("run.threads"), values.raw("data.path"), values.longValue("run.progress_every"),
        values.effective(), outputs);
  }

  private TaskList taskList(String list, int searchFeatures) {
    String p = list + ".tasks.";
    TaskType type = values.enumValue(p + "type", TaskType.class);
    int features = values.intValue(p + "features");
    if (features != searchFeatures) {
      throw values.error(p + "features", "must equal search.tasks.features (" + searchFeatures
          + "): one memory shape runs all task lists");
    }
    EvalType eval = values.isSet(p + "eval_type") ? values.enumValue(p + "eval_type", EvalType.class)
        : type == TaskType.PROJECTED_BINARY_CLASSIFICATION ? EvalType.ACCURACY : EvalType.RMS_ERROR;
    List<ClassPair> pairs = values.allowedPairs(p);
    int maxDataSeed = values.intValue(p + "max_data_seed");
    LearningTaskSpec spec = new LearningTaskSpec(type, features, values.intValue(p + "train_examples"),
        values.intValue(p + "valid_examples"), values.intValue(p + "count"), values.intValue(p + "epochs"), eval, values.longs(p + "data_seeds"),
        values.longs(p + "param_seeds"), values.raw(p + "dataset"), pairs, maxDataSeed);
    return new TaskList(list, List.of(spec));
  }
}
