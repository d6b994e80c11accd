package org.automlzero.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.LearningTaskSpec;

/**
 * What a task data set's {@code _manifest.json} promises (data-prep/FORMAT.md): the data set name, F, the
 * train/valid/test counts per task, the class pairs and the data seeds written. The reader
 * checks a config's projected binary specs against it before any Spark work starts.
 */
public record TaskManifest(String file, String dataset, int features, int train, int valid, int test,
    List<ClassPair> pairs, Set<Integer> seeds) {

  public TaskManifest {
    pairs = List.copyOf(pairs);
    seeds = Set.copyOf(seeds);
  }

  /**
   * Parses the manifest. Accepted spellings: {@code features} (or {@code feature_size}, {@code F});
   * counts at the top level or under {@code counts}; {@code pairs} as [[p, n], ...],
   * [{"positive": p, "negative": n}, ...] or ["p,n", ...]; {@code seeds} as a list, "a-b", or
   * {"first": a, "last": b} (also {@code seed_first}/{@code seed_last} at the top level).
   */
  static TaskManifest fromJson(String file, JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException(file + " is not a JSON object");
    }
    if (json.has("format_version") && json.get("format_version").asInt() != 1) {
      throw new IllegalArgumentException(file + ": format_version is " + json.get("format_version")
          + ", but this reader knows only version 1 (data-prep/FORMAT.md)");
    }
    String dataset = text(json, file, "dataset", "source_dataset", "source");
    int features = integer(json, file, "features", "feature_size", "features_size", "F");
    JsonNode counts = json.has("counts") ? json.get("counts") : json.has("split_sizes") ? json.get("split_sizes")
        : json;
    int train = integer(counts, file, "train", "num_train", "train_count");
    int valid = integer(counts, file, "valid", "num_valid", "valid_count");
    int test = counts.has("test") || counts.has("num_test") || counts.has("test_count")
        ? integer(counts, file, "test", "num_test", "test_count") : 0;
    return new TaskManifest(file, dataset, features, train, valid, test, pairs(json, file), seeds(json, file));
  }

  /** Checks one projected binary spec against this manifest; one message names file, key and rule. */
  void check(String listName, LearningTaskSpec spec) {
    String where = "task list '" + listName + "' (data set '" + spec.dataset() + "')";
    if (!dataset.equals(spec.dataset())) {
      throw mismatch("dataset", dataset, where + " needs data set '" + spec.dataset() + "'");
    }
    if (features != spec.features()) {
      throw mismatch("features", Integer.toString(features), where + " needs F=" + spec.features());
    }
    if (train < spec.numTrain()) {
      throw mismatch("train", Integer.toString(train), where + " needs " + spec.numTrain() + " train examples");
    }
    if (valid < spec.numValid()) {
      throw mismatch("valid", Integer.toString(valid), where + " needs " + spec.numValid() + " valid examples");
    }
    List<ClassPair> missing = new ArrayList<>();
    for (ClassPair pair : spec.pairs()) {
      if (!pairs.contains(pair)) {
        missing.add(pair);
      }
    }
    if (!missing.isEmpty()) {
      throw mismatch("pairs", pairs.size() + " pairs", where + " needs pairs " + missing + " that were not written");
    }
    List<Integer> missingSeeds = new ArrayList<>();
    for (int s = 0; s < spec.maxDataSeed(); s++) {
      if (!seeds.contains(s)) {
        missingSeeds.add(s);
      }
    }
    if (!missingSeeds.isEmpty()) {
      throw mismatch("seeds", describeSeeds(), where + " draws data seeds 0.." + (spec.maxDataSeed() - 1)
          + " but seeds " + abbreviate(missingSeeds) + " were not written");
    }
  }

  private IllegalArgumentException mismatch(String key, String value, String rule) {
    return new IllegalArgumentException(file + ": " + key + " is " + value + ", but " + rule);
  }

  private String describeSeeds() {
    TreeSet<Integer> sorted = new TreeSet<>(seeds);
    return sorted.isEmpty() ? "empty" : sorted.first() + ".." + sorted.last() + " (" + sorted.size() + " seeds)";
  }

  private static String abbreviate(List<Integer> values) {
    return values.size() <= 10 ? values.toString()
        : values.subList(0, 10).toString().replace("]", ", ... (" + values.size() + " in all)]");
  }

  private static JsonNode field(JsonNode json, String file, String... names) {
    for (String name : names) {
      if (json.has(name)) {
        return json.get(name);
      }
    }
    throw new IllegalArgumentException(file + " has no '" + names[0] + "' entry");
  }

  private static String text(JsonNode json, String file, String... names) {
    JsonNode node = field(json, file, names);
    if (!node.isTextual()) {
      throw new IllegalArgumentException(file + ": '" + names[0] + "' must be a string, but was " + node);
    }
    return node.asText();
  }

  private static int integer(JsonNode json, String file, String... names) {
    JsonNode node = field(json, file, names);
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new IllegalArgumentException(file + ": '" + names[0] + "' must be an integer, but was " + node);
    }
    return node.asInt();
  }

  private static List<ClassPair> pairs(JsonNode json, String file) {
    JsonNode node = field(json, file, "pairs", "class_pairs");
    if (!node.isArray()) {
      throw new IllegalArgumentException(file + ": 'pairs' must be a list of class pairs, but was " + node);
    }
    List<ClassPair> pairs = new ArrayList<>();
    for (JsonNode p : node) {
      try {
        if (p.isArray() && p.size() == 2) {
          pairs.add(new ClassPair(p.get(0).asInt(), p.get(1).asInt()));
        } else if (p.isObject()) {
          pairs.add(new ClassPair(integer(p, file, "positive", "positive_class"),
              integer(p, file, "negative", "negative_class")));
        } else if (p.isTextual()) {
          pairs.add(ClassPair.parse(p.asText()));
        } else {
          throw new IllegalArgumentException("expected [positive, negative]");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": pair " + p + " is invalid: " + e.getMessage(), e);
      }
    }
    return pairs;
  }

  private static Set<Integer> seeds(JsonNode json, String file) {
    Set<Integer> seeds = new TreeSet<>();
    if (json.has("seed_first") && json.has("seed_last")) {
      range(seeds, integer(json, file, "seed_first"), integer(json, file, "seed_last"));
      return seeds;
    }
    JsonNode node = field(json, file, "seeds", "seed_range", "data_seeds");
    if (node.isArray()) {
      for (JsonNode s : node) {
        seeds.add(s.asInt());
      }
    } else if (node.isObject()) {
      int first = integer(node, file, "first", "from", "start", "min");
      int last = node.has("last") || node.has("to") || node.has("max") ? integer(node, file, "last", "to", "max")
          : integer(node, file, "end") - 1;
      range(seeds, first, last);
    } else if (node.isTextual() && node.asText().matches("\\s*\\d+\\s*-\\s*\\d+\\s*")) {
      String[] parts = node.asText().split("-");
      range(seeds, Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } else {
      throw new IllegalArgumentException(file + ": 'seeds' must be a list, \"first-last\" or {\"first\", \"last\"},"
          + " but was " + node.toString().toLowerCase(Locale.ROOT));
    }
    return seeds;
  }

  private static void range(Set<Integer> seeds, int first, int last) {
    for (int s = first; s <= last; s++) {
      seeds.add(s);
    }
  }
}
