package org.automlzero.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.automlzero.core.io.InputException;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.LearningTaskSpec;

/**
 * What a task data set's {@code _manifest.json} promises (data-prep/FORMAT.md): the data set name, F, the
 * train/valid/test counts per task, the class pairs and the data seeds written. The reader
 * checks a config's projected binary specs against it before any Spark work starts.
 */
public record TaskManifest(String file, String dataset, int features, int train, int valid, int test,
    List<ClassPair> pairs, Set<Integer> seeds, java.util.Map<String, FileEntry> files) {

  /** One data file as written: its size and CRC-32C (8 hex digits); the key is its path relative to the root. */
  public record FileEntry(long bytes, String crc32c) {}

  public TaskManifest {
    pairs = List.copyOf(pairs);
    seeds = Set.copyOf(seeds);
    files = files == null ? null : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
  }

  /** Whether the manifest lists its data files (older data sets do not: their files go unchecked). */
  public boolean listsFiles() {
    return files != null;
  }

  /**
   * Parses the fields the reader needs, as data-prep/FORMAT.md writes them: {@code dataset},
   * {@code features}, {@code counts} {train, valid, test}, {@code pairs} as [[p, n], ...] and
   * {@code seeds} as a list.
   */
  static TaskManifest fromJson(String file, JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new InputException(file + " is not a JSON object");
    }
    if (json.has("format_version") && json.get("format_version").asInt() != 1) {
      throw new InputException(file + ": format_version is " + json.get("format_version")
          + ", but this reader knows only version 1 (data-prep/FORMAT.md)");
    }
    String dataset = text(json, file, "dataset");
    int features = integer(json, file, "features");
    JsonNode counts = field(json, file, "counts");
    int train = integer(counts, file, "train");
    int valid = integer(counts, file, "valid");
    int test = integer(counts, file, "test");
    return new TaskManifest(file, dataset, features, train, valid, test, pairs(json, file), seeds(json, file),
        files(json, file));
  }

  private static java.util.Map<String, FileEntry> files(JsonNode json, String file) {
    if (!json.has("files")) {
      return null;
    }
    JsonNode node = json.get("files");
    if (!node.isObject()) {
      throw new InputException(file + ": 'files' must be an object of data files, but was " + clip(node));
    }
    java.util.Map<String, FileEntry> files = new java.util.TreeMap<>();
    for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (!v.path("bytes").isIntegralNumber() || v.path("bytes").asLong() < 0
          || !v.path("crc32c").asText("").matches("[0-9a-f]{8}")) {
        throw new InputException(file + ": files entry '" + e.getKey() + "' must be {\"bytes\": N, \"crc32c\": "
            + "\"8 hex digits\"}, but was " + clip(v));
      }
      files.put(e.getKey(), new FileEntry(v.get("bytes").asLong(), v.get("crc32c").asText()));
    }
    return files;
  }

  private static String clip(JsonNode node) {
    String s = String.valueOf(node);
    return s.length() <= 100 ? s : s.substring(0, 80) + "...";
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

  private InputException mismatch(String key, String value, String rule) {
    return new InputException(file + ": " + key + " is " + value + ", but " + rule);
  }

  private String describeSeeds() {
    TreeSet<Integer> sorted = new TreeSet<>(seeds);
    return sorted.isEmpty() ? "empty" : sorted.first() + ".." + sorted.last() + " (" + sorted.size() + " seeds)";
  }

  private static String abbreviate(List<Integer> values) {
    return values.size() <= 10 ? values.toString()
        : values.subList(0, 10).toString().replace("]", ", ... (" + values.size() + " in all)]");
  }

  private static JsonNode field(JsonNode json, String file, String name) {
    if (!json.has(name)) {
      throw new InputException(file + " has no '" + name + "' entry");
    }
    return json.get(name);
  }

  private static String text(JsonNode json, String file, String name) {
    JsonNode node = field(json, file, name);
    if (!node.isTextual()) {
      throw new InputException(file + ": '" + name + "' must be a string, but was " + clip(node));
    }
    return node.asText();
  }

  private static int integer(JsonNode json, String file, String name) {
    JsonNode node = field(json, file, name);
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new InputException(file + ": '" + name + "' must be an integer, but was " + clip(node));
    }
    return node.asInt();
  }

  private static List<ClassPair> pairs(JsonNode json, String file) {
    JsonNode node = field(json, file, "pairs");
    if (!node.isArray()) {
      throw new InputException(file + ": 'pairs' must be a list of class pairs, but was " + clip(node));
    }
    List<ClassPair> pairs = new ArrayList<>();
    for (JsonNode p : node) {
      try {
        if (!p.isArray() || p.size() != 2) {
          throw new InputException("expected [positive, negative]");
        }
        pairs.add(new ClassPair(p.get(0).asInt(), p.get(1).asInt()));
      } catch (IllegalArgumentException e) {
        throw new InputException(file + ": pair " + p + " is invalid: " + e.getMessage(), e);
      }
    }
    return pairs;
  }

  private static Set<Integer> seeds(JsonNode json, String file) {
    JsonNode node = field(json, file, "seeds");
    if (!node.isArray()) {
      throw new InputException(file + ": 'seeds' must be a list of data seeds, but was " + clip(node));
    }
    Set<Integer> seeds = new TreeSet<>();
    for (JsonNode s : node) {
      seeds.add(s.asInt());
    }
    return seeds;
  }
}
