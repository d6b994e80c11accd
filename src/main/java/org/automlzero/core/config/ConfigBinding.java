package org.automlzero.core.config;

import static org.automlzero.core.config.ConfigSyntax.clip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Binds config settings to the typed specs: typed access to each key with messages naming key,
 * value and rule, then the cross-key rules, giving the {@link ExperimentConfig}.
 */
final class ConfigBinding {
  private final Map<String, Setting> settings;
  private final Map<String, String> effective = new LinkedHashMap<>();

  ConfigBinding(Map<String, Setting> settings) {
    this.settings = settings;
    for (ConfigKey k : ConfigKeys.all()) {
      Setting s = settings.get(k.name());
      effective.put(k.name(), s == null ? k.defaultValue() : s.value());
    }
  }

  private String raw(String key) {
    return effective.get(key);
  }

  private String where(String key) {
    Setting s = settings.get(key);
    return s == null ? "default" : s.source();
  }

  /** An error about one key's value. */
  ConfigException error(String key, String rule) {
    return new ConfigException(where(key) + ": " + key + " = " + clip(raw(key)) + ": " + rule);
  }

  boolean isSet(String key) {
    return !raw(key).isEmpty();
  }

  long longValue(String key) {
    ConfigKey k = ConfigKeys.get(key);
    long v;
    try {
      v = Long.parseLong(raw(key).replace("_", ""));
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(raw(key));
        if (Math.abs(d) > 9.0e18) {
          throw error(key, "is out of range: must be an integer between -9e18 and 9e18");
        }
        if (d != Math.rint(d)) {
          throw error(key, "must be an integer");
        }
        v = (long) d; // accepts 1e11
      } catch (NumberFormatException e2) {
        throw error(key, "must be an integer");
      }
    }
    if (k.min() != null && v < k.min()) {
      throw error(key, "must be >= " + k.min().longValue());
    }
    return v;
  }

  int intValue(String key) {
    long v = longValue(key);
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw error(key, "is out of range: must be " + (v > 0 ? "at most " + Integer.MAX_VALUE
          : "at least " + Integer.MIN_VALUE));
    }
    return (int) v;
  }

  /** An optional int (unset = {@code fallback}). */
  int intValue(String key, int fallback) {
    return isSet(key) ? intValue(key) : fallback;
  }

  double doubleValue(String key) {
    ConfigKey k = ConfigKeys.get(key);
    double v;
    try {
      v = Double.parseDouble(raw(key));
    } catch (NumberFormatException e) {
      throw error(key, "must be a number");
    }
    if (Double.isNaN(v)) {
      throw error(key, "must be a number");
    }
    if (k.min() != null && v < k.min()) {
      throw error(key, "must be >= " + k.min());
    }
    return v;
  }

  boolean booleanValue(String key) {
    return switch (raw(key).toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(key, "must be true or false");
    };
  }

  <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String v = raw(key).trim().toUpperCase(Locale.ROOT);
    try {
      if (type == InitAlgorithm.class) {
        return type.cast(InitAlgorithm.parse(v));
      }
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw error(key, "must be one of " + String.join(", ", ConfigKeys.get(key).allowed()));
    }
  }

  List<String> items(String key) {
    String v = raw(key).trim();
    if (!v.startsWith("[") || !v.endsWith("]")) {
      throw error(key, "must be a list in brackets, e.g. [A, B]");
    }
    String inner = v.substring(1, v.length() - 1).trim();
    List<String> out = new ArrayList<>();
    if (inner.isEmpty()) {
      return out;
    }
    int paren = 0;
    int start = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '(') {
        paren++;
      } else if (c == ')') {
        paren--;
      } else if (c == ',' && paren == 0) {
        out.add(inner.substring(start, i).trim());
        start = i + 1;
      }
    }
    out.add(inner.substring(start).trim());
    for (String item : out) {
      if (item.isEmpty()) {
        throw error(key, "has an empty list item");
      }
    }
    return out;
  }

  List<Op> ops(String key) {
    List<Op> ops = new ArrayList<>();
    for (String item : items(key)) {
      try {
        ops.add(Op.byName(item));
      } catch (IllegalArgumentException e) {
        throw error(key, "unknown op '" + item + "': expected one of the 65 op names, e.g. SCALAR_SUM or "
            + "VECTOR_INNER_PRODUCT_OP");
      }
    }
    return ops;
  }

  List<MutationType> mutations(String key) {
    List<MutationType> out = new ArrayList<>();
    for (String item : items(key)) {
      try {
        out.add(MutationType.byName(item));
      } catch (IllegalArgumentException e) {
        throw error(key, "unknown mutation type '" + item + "': expected one of "
            + java.util.Arrays.toString(MutationType.values()));
      }
    }
    return out;
  }

  List<Long> longs(String key) {
    List<Long> out = new ArrayList<>();
    for (String item : items(key)) {
      try {
        out.add(Long.parseLong(item));
      } catch (NumberFormatException e) {
        throw error(key, "'" + item + "' is not an integer");
      }
    }
    return out;
  }

  /** A range {@code LOW..HIGH} (unset = null), with {@code integers} for integer keys. */
  IslandParameters.Range range(String key, boolean integers) {
    if (!isSet(key)) {
      return null;
    }
    String v = raw(key).trim();
    int dots = v.indexOf("..");
    String example = integers ? "5..20" : "0.8..1.0";
    if (dots < 0) {
      throw error(key, "must be a range LOW..HIGH, e.g. " + example);
    }
    double low;
    double high;
    try {
      low = Double.parseDouble(v.substring(0, dots).trim());
      high = Double.parseDouble(v.substring(dots + 2).trim());
    } catch (NumberFormatException e) {
      throw error(key, "must be a range LOW..HIGH of two numbers, e.g. " + example);
    }
    if (Double.isNaN(low) || Double.isNaN(high)) {
      throw error(key, "must be a range LOW..HIGH of two numbers, e.g. " + example);
    }
    if (integers && (low != Math.rint(low) || high != Math.rint(high) || Math.abs(high) > Integer.MAX_VALUE)) {
      throw error(key, "must be a range of two integers, e.g. " + example);
    }
    if (low > high) {
      throw error(key, "has LOW > HIGH: write the smaller bound first");
    }
    return new IslandParameters.Range(low, high);
  }

  List<ClassPair> pairs(String key) {
    List<ClassPair> out = new ArrayList<>();
    for (String item : items(key)) {
      try {
        out.add(ClassPair.parse(item));
      } catch (IllegalArgumentException e) {
        throw error(key, e.getMessage());
      }
    }
    return out;
  }

  /**
   * The pairs a task list draws from: {@code pairs} ([] = all 45) less {@code exclude_pairs}
   * (or its spelling in the original, {@code held_out_pairs}), in the order of {@code pairs}.
   */
  private List<ClassPair> allowedPairs(String p) {
    List<ClassPair> listed = pairs(p + "pairs");
    List<ClassPair> from = listed.isEmpty() ? ClassPair.ALL : listed;
    boolean heldOut = !pairs(p + "held_out_pairs").isEmpty();
    if (heldOut && !pairs(p + "exclude_pairs").isEmpty()) {
      throw error(p + "held_out_pairs", "is the original's spelling of " + p + "exclude_pairs: set only one of them");
    }
    String excludeKey = heldOut ? p + "held_out_pairs" : p + "exclude_pairs";
    List<ClassPair> excluded = pairs(excludeKey);
    for (ClassPair pair : excluded) {
      if (!from.contains(pair)) {
        throw error(excludeKey, "excludes " + pair + ", which is not among the pairs "
            + (listed.isEmpty() ? "(all 45 with positive < negative)" : "listed in " + p + "pairs"));
      }
    }
    List<ClassPair> allowed = from.stream().filter(pair -> !excluded.contains(pair)).toList();
    if (allowed.isEmpty()) {
      throw error(excludeKey, "excludes every pair: at least one must remain");
    }
    return allowed;
  }

  ExperimentConfig build() {
    MemoryShape shape;
    int features = intValue("search.tasks.features");
    try {
      shape = new MemoryShape(intValue("memory.scalars"), intValue("memory.vectors"), intValue("memory.matrices"),
          features);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("memory: " + e.getMessage());
    }
    FunctionSpec[] functions = new FunctionSpec[3];
    boolean anyOps = false;
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      String p = "search." + type.name().toLowerCase(Locale.ROOT) + ".";
      List<Op> ops = ops(p + "ops");
      for (Op op : ops) {
        if (!shape.supports(op)) {
          String rule = op.usesMatrices() && shape.matrices() == 0
              ? "op " + op + " needs matrices, but memory.matrices = 0"
              : "op " + op + " needs an address the memory (" + shape.scalars() + " scalars, " + shape.vectors()
                  + " vectors, " + shape.matrices() + " matrices) lacks";
          throw error(p + "ops", rule);
        }
      }
      anyOps |= !ops.isEmpty();
      int init = intValue(p + "init_size");
      // An unset bound follows the init size, but never crosses the other, explicit bound.
      int min = isSet(p + "min_size") ? intValue(p + "min_size")
          : Math.min(init, intValue(p + "max_size", init));
      int max = isSet(p + "max_size") ? intValue(p + "max_size") : Math.max(init, min);
      if (min > max) {
        throw error(p + "min_size", "must not exceed " + p + "max_size (" + max + ")");
      }
      if (init < min) {
        throw error(p + "init_size", "must be >= " + p + "min_size (" + min + ")");
      }
      if (init > max) {
        throw error(p + "init_size", "must be <= " + p + "max_size (" + max + ")");
      }
      functions[type.ordinal()] = new FunctionSpec(ops, init, min, max);
    }
    if (!anyOps) {
      throw error("search.predict.ops", "at least one of search.setup.ops, search.predict.ops, search.learn.ops "
          + "must list ops, or nothing can be mutated");
    }
    int population = intValue("search.population_size");
    int tournament = intValue("search.tournament_size");
    if (tournament > population) {
      throw error("search.tournament_size", "must not exceed search.population_size (" + population + ")");
    }
    double mutateProb = doubleValue("search.mutate_prob");
    if (mutateProb > 1.0) {
      throw error("search.mutate_prob", "must be a probability in [0, 1]");
    }
    List<MutationType> mutations = mutations("search.mutations");
    if (mutations.isEmpty()) {
      throw error("search.mutations", "must list at least one mutation type");
    }
    int islands = intValue("islands.count");
    int children = intValue("islands.children_per_generation");
    if (children > population) {
      throw error("islands.children_per_generation", "must not exceed search.population_size (" + population + ")");
    }
    int migrants = intValue("islands.migrants");
    if (migrants > population) {
      throw error("islands.migrants", "must not exceed search.population_size (" + population + ")");
    }
    IslandSpec islandSpec = new IslandSpec(islands, population, children, intValue("islands.migration_interval"),
        migrants, enumValue("islands.topology", MigrationTopology.class), enumValue("islands.mode", IslandMode.class));

    IslandParameters.Range tournamentRange = range("islands.ranges.tournament_size", true);
    IslandParameters.Range mutateRange = range("islands.ranges.mutate_prob", false);
    for (String key : List.of("islands.ranges.tournament_size", "islands.ranges.mutate_prob")) {
      if (isSet(key) && islandSpec.mode() != IslandMode.ISLAND_STAGE) {
        throw error(key, "needs islands.mode = ISLAND_STAGE (each island runs with its own parameters only in "
            + "that mode)");
      }
    }
    if (tournamentRange != null && tournamentRange.low() < 1) {
      throw error("islands.ranges.tournament_size", "must be >= 1");
    }
    if (tournamentRange != null && tournamentRange.high() > population) {
      throw error("islands.ranges.tournament_size", "must not exceed search.population_size (" + population + ")");
    }
    if (mutateRange != null && (mutateRange.low() < 0 || mutateRange.high() > 1)) {
      throw error("islands.ranges.mutate_prob", "must lie in [0, 1] (probabilities)");
    }
    IslandParameters.Ranges ranges = new IslandParameters.Ranges(tournamentRange, mutateRange);

    boolean fecEnabled = booleanValue("search.fec.enabled");
    int forget = intValue("search.fec.forget_every");
    if (forget == 1) {
      throw error("search.fec.forget_every", "must be 0 (never) or >= 2");
    }
    FecSpec fec = new FecSpec(fecEnabled, intValue("search.fec.train_examples"),
        intValue("search.fec.valid_examples"), intValue("search.fec.cache_size"), forget);
    double factor = doubleValue("search.train_budget.factor");
    if (!(factor > 0.0)) {
      throw error("search.train_budget.factor", "must be > 0");
    }
    TrainBudgetSpec budget = new TrainBudgetSpec(booleanValue("search.train_budget.enabled"),
        enumValue("search.train_budget.baseline", InitAlgorithm.class), factor);
    double percentile = doubleValue("search.hurdles.percentile");
    if (percentile > 100.0) {
      throw error("search.hurdles.percentile", "must be in [0, 100]");
    }
    HurdleSpec hurdles = new HurdleSpec(booleanValue("search.hurdles.enabled"), intValue("search.hurdles.tasks"),
        percentile);
    double maxAbsError = doubleValue("search.max_abs_error");
    if (!(maxAbsError > 0.0)) {
      throw error("search.max_abs_error", "must be > 0");
    }

    TaskList searchTasks = taskList("search", features);
    TaskList selectTasks = taskList("select", features);
    TaskList finalTasks = taskList("final", features);
    if (fecEnabled) {
      LearningTaskSpec s = searchTasks.specs().get(0);
      if (fec.trainExamples() > s.numTrain()) {
        throw error("search.fec.train_examples", "must not exceed search.tasks.train_examples (" + s.numTrain() + ")");
      }
      if (fec.validExamples() > s.numValid()) {
        throw error("search.fec.valid_examples", "must not exceed search.tasks.valid_examples (" + s.numValid() + ")");
      }
    }
    if (hurdles.enabled() && hurdles.tasks() >= searchTasks.size()) {
      throw error("search.hurdles.tasks", "must be fewer than search.tasks.count (" + searchTasks.size() + ")");
    }
    SearchSpec search = new SearchSpec(shape, functions[0], functions[1], functions[2],
        enumValue("search.initial_population", InitAlgorithm.class),
        enumValue("search.method", SearchMethod.class), tournament, mutateProb, mutations, islandSpec, fec, budget,
        hurdles, longValue("search.max_individuals"), longValue("search.max_train_steps"), maxAbsError,
        enumValue("search.fitness_combination", FitnessCombination.class), longValue("run.progress_every"), ranges);
    double sufficient = doubleValue("run.sufficient_fitness");
    double mixFraction = doubleValue("islands.mix_fraction");
    TaskList mixTasks = null;
    int mixIslands = 0;
    if (mixFraction > 0) {
      if (mixFraction >= 1) {
        throw error("islands.mix_fraction", "must be below 1: some islands must search on search.tasks");
      }
      if (islandSpec.mode() != IslandMode.ISLAND_STAGE) {
        throw error("islands.mix_fraction", "needs islands.mode = ISLAND_STAGE (each island searches on its own "
            + "tasks only in that mode)");
      }
      mixIslands = (int) Math.round(islands * mixFraction);
      if (mixIslands < 1 || mixIslands >= islands) {
        throw error("islands.mix_fraction", "gives " + mixIslands + " of islands.count = " + islands
            + " islands: it must give at least one island to each task list");
      }
      mixTasks = taskList("mix", features);
      LearningTaskSpec m = mixTasks.specs().get(0);
      if (fecEnabled && (fec.trainExamples() > m.numTrain() || fec.validExamples() > m.numValid())) {
        throw error("search.fec.train_examples", "and search.fec.valid_examples must not exceed "
            + "mix.tasks.train_examples (" + m.numTrain() + ") and mix.tasks.valid_examples (" + m.numValid() + ")");
      }
    }
    RunSpec run = new RunSpec(search, searchTasks, selectTasks, finalTasks, longValue("run.seed"),
        intValue("run.max_experiments"), sufficient, booleanValue("run.randomize_task_seeds"), mixTasks, mixIslands);
    OutputSpec outputs = new OutputSpec(longValue("checkpoint.every_generations"),
        doubleValue("checkpoint.min_seconds"), intValue("checkpoint.keep"), longValue("stats.every_individuals"));
    return new ExperimentConfig(run, intValue("run.threads"), raw("data.path"), longValue("run.progress_every"),
        effective, outputs);
  }

  private TaskList taskList(String list, int searchFeatures) {
    String p = list + ".tasks.";
    TaskType type = enumValue(p + "type", TaskType.class);
    int features = intValue(p + "features");
    if (features != searchFeatures) {
      throw error(p + "features", "must equal search.tasks.features (" + searchFeatures
          + "): one memory shape runs all task lists");
    }
    EvalType eval = isSet(p + "eval_type") ? enumValue(p + "eval_type", EvalType.class)
        : type == TaskType.PROJECTED_BINARY_CLASSIFICATION ? EvalType.ACCURACY : EvalType.RMS_ERROR;
    List<ClassPair> pairs = allowedPairs(p);
    int maxDataSeed = intValue(p + "max_data_seed");
    LearningTaskSpec spec = new LearningTaskSpec(type, features, intValue(p + "train_examples"),
        intValue(p + "valid_examples"), intValue(p + "count"), intValue(p + "epochs"), eval, longs(p + "data_seeds"),
        longs(p + "param_seeds"), raw(p + "dataset"), pairs, maxDataSeed);
    return new TaskList(list, List.of(spec));
  }
}
