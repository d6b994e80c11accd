package org.automlzero.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlzero.core.algorithm.InitAlgorithm;
import org.automlzero.core.interpreter.FitnessCombination;
import org.automlzero.core.search.spec.IslandMode;
import org.automlzero.core.search.spec.MigrationTopology;
import org.automlzero.core.search.spec.SearchMethod;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.TaskType;

/** Every config key the loader knows, with type, default and documentation (docs/config.md is generated from it). */
public final class ConfigKeys {
  private ConfigKeys() {}

  /** The three task lists a run uses, as key prefixes. */
  public static final List<String> TASK_LISTS = List.of("search", "select", "final", "mix");

  private static final Map<String, ConfigKey> KEYS = new LinkedHashMap<>();

  static {
    key("run.seed", ValueType.LONG, "1", null, "Run seed: every random draw of the search derives from it (--seed overrides).");
    key("run.threads", ValueType.INT, "0", 0.0, "Evaluation threads for in-process runs; 0 = all cores (--threads overrides).");
    key("run.max_experiments", ValueType.INT, "1", 0.0,
        "Experiments to run at most; 0 = until run.sufficient_fitness is reached.");
    key("run.sufficient_fitness", ValueType.DOUBLE, "0", 0.0,
        "Stop repeating experiments once a T_select fitness exceeds this; 0 = never stop early.");
    key("run.randomize_task_seeds", ValueType.BOOLEAN, "false",
        "Draw fresh data/param seeds for the search and select tasks in every experiment (final tasks keep theirs).");
    key("run.progress_every", ValueType.LONG, "10000", 0.0, "Individuals between progress lines; 0 = none.");
    key("run.max_seconds", ValueType.DOUBLE, "0", 0.0,
        "Wall-clock budget of the whole run in seconds; 0 = none. At the first generation boundary after it, the run "
            + "stops as on SIGTERM, then selects and evaluates its best so far; result.json records where it stopped "
            + "(docs/budgets.md).");
    key("checkpoint.every_generations", ValueType.LONG, "1000", 0.0,
        "Write a checkpoint (run directory) after every this-many-th generation; 0 = only after each experiment.");
    key("checkpoint.min_seconds", ValueType.DOUBLE, "60", 0.0,
        "Skip a due checkpoint when the last one is younger than this (bounds the cost in steady-state runs).");
    key("checkpoint.keep", ValueType.INT, "3", 1.0, "Newest complete checkpoints kept in the run directory.");
    key("stats.every_individuals", ValueType.LONG, "1000", 0.0,
        "Write a per-island statistics row whenever this many more candidates were evaluated; 0 = every generation.");
    key("data.path", ValueType.STRING, "data/tasks",
        "Root of the Parquet task data set (projected binary tasks only).");

    key("memory.scalars", ValueType.INT, "8", 2.0, "Scalar addresses (s0 = label, s1 = prediction).");
    key("memory.vectors", ValueType.INT, "14", 1.0, "Vector addresses (v0 = features).");
    key("memory.matrices", ValueType.INT, "3", 0.0, "Matrix addresses.");

    enumKey("search.method", SearchMethod.class, "EVOLUTION",
        "EVOLUTION (regularized evolution) or RANDOM_SEARCH (every candidate a fresh random algorithm of the initial sizes).");
    enumKey("search.initial_population", InitAlgorithm.class, "NO_OP",
        "Initial members: NO_OP, RANDOM, LINEAR or NEURAL_NET (the original's *_ALGORITHM names are accepted).");
    for (String f : List.of("setup", "predict", "learn")) {
      key("search." + f + ".ops", ValueType.OP_LIST, "[]",
          "Ops mutations may use in " + f + " (original names with or without _OP); [] = never mutate " + f + ".");
      key("search." + f + ".init_size", ValueType.INT, "1", 0.0, "Initial instruction count of " + f + ".");
      key("search." + f + ".min_size", ValueType.INT, "", 0.0,
          "Fewest instructions remove mutations leave in " + f + "; unset = its init size.");
      key("search." + f + ".max_size", ValueType.INT, "", 0.0,
          "Most instructions insert mutations allow in " + f + " (inclusive); unset = its init size.");
    }
    key("search.population_size", ValueType.INT, "100", 1.0, "Population P of each island.");
    key("search.tournament_size", ValueType.INT, "10", 1.0, "Tournament size T (drawn with replacement; <= P).");
    key("search.mutate_prob", ValueType.DOUBLE, "0.9", 0.0, "Probability U that a child is mutated (else an exact copy).");
    key("search.mutations", ValueType.MUTATION_LIST, "[ALTER_PARAM, RANDOMIZE_INSTRUCTION, RANDOMIZE_COMPONENT_FUNCTION]",
        "Allowed mutation types: ALTER_PARAM, RANDOMIZE_INSTRUCTION, RANDOMIZE_COMPONENT_FUNCTION, IDENTITY, "
            + "INSERT_INSTRUCTION, REMOVE_INSTRUCTION, TRADE_INSTRUCTION, RANDOMIZE_ALGORITHM.");
    key("search.max_individuals", ValueType.LONG, "1000000", 1.0,
        "Candidates per experiment (initial populations included, all islands together).");
    key("search.max_train_steps", ValueType.LONG, "0", 0.0,
        "Training steps per experiment (FEC runs included); 0 = no limit.");
    key("search.max_abs_error", ValueType.DOUBLE, "100", null, "Training stops early when |error| exceeds this (or is NaN).");
    enumKey("search.fitness_combination", FitnessCombination.class, "MEAN", "How per-task fitnesses combine: MEAN or MEDIAN.");
    key("search.fec.enabled", ValueType.BOOLEAN, "true", "Functional equivalence checking on or off.");
    key("search.fec.train_examples", ValueType.INT, "10", 1.0, "Train examples per task of the FEC fingerprint run.");
    key("search.fec.valid_examples", ValueType.INT, "10", 1.0, "Valid examples per task of the FEC fingerprint run.");
    key("search.fec.cache_size", ValueType.INT, "100000", 2.0, "FEC LRU cache entries.");
    key("search.fec.forget_every", ValueType.INT, "100", 0.0,
        "Forget an FEC entry after this many hits so it is re-evaluated; 0 = never (1 is not allowed).");
    key("search.train_budget.enabled", ValueType.BOOLEAN, "false", "Impose the train budget on search tasks.");
    enumKey("search.train_budget.baseline", InitAlgorithm.class, "NEURAL_NET", "The budget's baseline algorithm.");
    key("search.train_budget.factor", ValueType.DOUBLE, "2.0", null,
        "A candidate trains only if it costs at most this many times the baseline (else it gets 0 examples).");
    key("search.hurdles.enabled", ValueType.BOOLEAN, "false",
        "Hurdles: stop candidates whose fitness on the first tasks is below the island's percentile (the paper's Full method).");
    key("search.hurdles.tasks", ValueType.INT, "1", 1.0, "Search tasks evaluated before the hurdle (< search.tasks.count).");
    key("search.hurdles.percentile", ValueType.DOUBLE, "75", 0.0, "Percentile of the island's first-task fitness that is the hurdle.");

    key("islands.count", ValueType.INT, "1", 1.0, "Number of islands (independent populations).");
    key("islands.children_per_generation", ValueType.INT, "1", 1.0,
        "Children each island proposes per generation (B); 1 = the original's steady state.");
    key("islands.migration_interval", ValueType.INT, "1", 1.0, "Generations per stage; islands exchange migrants at each stage end.");
    key("islands.migrants", ValueType.INT, "1", 0.0, "Members each island receives per migration (k).");
    enumKey("islands.mode", IslandMode.class, "CANDIDATE_BATCH",
        "CANDIDATE_BATCH: the driver runs every generation and sends each generation's candidates out for "
            + "evaluation; ISLAND_STAGE: each island evolves on a worker for a whole stage (migration_interval "
            + "generations, with its own FEC cache) and the driver only exchanges migrants (see docs/spark.md).");
    key("islands.mix_fraction", ValueType.DOUBLE, "0", 0.0, "Fraction of the islands (the last ones, rounded) "
        + "that search on mix.tasks instead of search.tasks, e.g. the paper's 50% on MNIST; needs ISLAND_STAGE.");
    key("islands.ranges.tournament_size", ValueType.RANGE, "", "Per-island tournament sizes: each island draws "
        + "its T uniformly from these integers with the run seed (islands.json records them); unset = "
        + "search.tournament_size everywhere; needs ISLAND_STAGE.");
    key("islands.ranges.mutate_prob", ValueType.RANGE, "", "Per-island mutate probabilities: each island draws "
        + "its U uniformly from this interval with the run seed; unset = search.mutate_prob everywhere; needs "
        + "ISLAND_STAGE.");
    enumKey("islands.topology", MigrationTopology.class, "RING",
        "RING: island i's best k replace the oldest k of island i+1; RANDOM: each island receives k members drawn "
            + "uniformly from all islands.");

    for (String list : TASK_LISTS) {
      String p = list + ".tasks.";
      String name = switch (list) {
        case "search" -> "T_search";
        case "select" -> "T_select";
        case "mix" -> "task-mix T_search";
        default -> "final";
      };
      enumKey(p + "type", TaskType.class, "SCALAR_LINEAR_REGRESSION", "Kind of the " + name + " tasks.");
      key(p + "features", ValueType.INT, "4", 1.0, "Feature size F of the " + name + " tasks (the same for all lists).");
      key(p + "train_examples", ValueType.INT, list.equals("search") || list.equals("mix") ? "100" : "1000", 1.0,
          "Training examples per " + name + " task.");
      key(p + "valid_examples", ValueType.INT, "100", 1.0, "Validation examples per " + name + " task.");
      key(p + "count", ValueType.INT, list.equals("search") || list.equals("mix") ? "10" : "100", 1.0, "Number of " + name + " tasks.");
      key(p + "epochs", ValueType.INT, "1", 1.0, "Training epochs per " + name + " task.");
      enumKey(p + "eval_type", EvalType.class, "",
          "RMS_ERROR or ACCURACY; unset = RMS_ERROR for regression, ACCURACY for projected binary.");
      key(p + "data_seeds", ValueType.LONG_LIST, "[]",
          "Data seeds of the first " + name + " tasks (later tasks: previous + 1); [] = from 1000000.");
      key(p + "param_seeds", ValueType.LONG_LIST, "[]",
          "Parameter seeds of the first " + name + " tasks (later tasks: previous + 1); [] = from 2000000.");
      key(p + "dataset", ValueType.STRING, "cifar10", "Data set of projected binary " + name + " tasks.");
      key(p + "pairs", ValueType.PAIR_LIST, "[]", "Class pairs (positive,negative) " + name + " tasks draw from; [] = all 45.");
      key(p + "exclude_pairs", ValueType.PAIR_LIST, "[]", "Class pairs removed from " + p + "pairs (the original's "
          + "held_out_pairs: listed pairs are NOT used by these tasks).");
      key(p + "held_out_pairs", ValueType.PAIR_LIST, "[]", "The original's spelling of " + p + "exclude_pairs "
          + "(set one of the two).");
      key(p + "max_data_seed", ValueType.INT, "100", 1.0, "Projected binary data seeds are drawn from [0, this).");
    }
  }

  private static void key(String name, ValueType type, String def, Double min, String doc) {
    KEYS.put(name, new ConfigKey(name, type, def, List.of(), min, doc));
  }

  private static void key(String name, ValueType type, String def, String doc) {
    key(name, type, def, null, doc);
  }

  private static void enumKey(String name, Class<? extends Enum<?>> type, String def, String doc) {
    List<String> names = new ArrayList<>();
    for (Enum<?> e : type.getEnumConstants()) {
      names.add(e.name());
    }
    KEYS.put(name, new ConfigKey(name, ValueType.ENUM, def, names, null, doc));
  }

  /** All keys in documentation order. */
  public static List<ConfigKey> all() {
    return Collections.unmodifiableList(new ArrayList<>(KEYS.values()));
  }

  /** The key of that name, or null. */
  public static ConfigKey get(String name) {
    return KEYS.get(name);
  }

  /** The known key closest to {@code name} by edit distance. */
  public static String nearest(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : KEYS.keySet()) {
      int d = editDistance(name, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  /** The key table as Markdown (key, type, default, meaning). */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder("| key | type | default | meaning |\n|---|---|---|---|\n");
    for (ConfigKey k : KEYS.values()) {
      String type = k.type() == ValueType.ENUM ? String.join(" / ", k.allowed()) : k.type().description();
      String def = k.defaultValue().isEmpty() ? "(unset)" : "`" + k.defaultValue() + "`";
      sb.append("| `").append(k.name()).append("` | ").append(type).append(" | ").append(def).append(" | ")
          .append(k.doc().replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
