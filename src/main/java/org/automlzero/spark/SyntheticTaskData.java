package org.automlzero.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;
import org.automlzero.store.ParquetTaskStore;

/**
 * Writes "projected-binary-like" tasks in the data-prep/FORMAT.md layout for benchmarks when no
 * prepared data set is at hand: for exactly the (pair, data seed) choices a task list makes,
 * Gaussian features and labels from a random hyperplane, with the real sizes (e.g. 8000/1000,
 * F=16). The reading path is the real one; only the numbers are synthetic.
 */
public final class SyntheticTaskData {
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message spark_schema {
        required int32 seed;
        required binary split (STRING);
        required int32 example;
        required group features (LIST) {
          repeated group list {
            required float element;
          }
        }
        required float label;
      }""");

  private SyntheticTaskData() {}

  /** Writes every projected binary task of {@code list} under {@code root}; returns the root. */
  public static Path write(Path root, TaskList list) {
    String dataset = null;
    int features = 0;
    int train = 0;
    int valid = 0;
    Map<ClassPair, TreeSet<Integer>> seedsByPair = new TreeMap<>(
        (a, b) -> a.positive() != b.positive() ? a.positive() - b.positive() : a.negative() - b.negative());
    for (LearningTaskSpec spec : list.specs()) {
      if (spec.type() != TaskType.PROJECTED_BINARY_CLASSIFICATION) {
        continue;
      }
      dataset = spec.dataset();
      features = spec.features();
      train = Math.max(train, spec.numTrain());
      valid = Math.max(valid, spec.numValid());
      for (int i = 0; i < spec.numTasks(); i++) {
        TaskGenerator.ProjectedChoice choice = TaskGenerator.projectedChoice(spec, spec.dataSeed(i));
        seedsByPair.computeIfAbsent(choice.pair(), p -> new TreeSet<>()).add(choice.dataSeed());
      }
    }
    if (dataset == null) {
      throw new IllegalArgumentException("task list '" + list.name() + "' has no projected binary tasks");
    }
    try {
      Files.createDirectories(root);
      List<String> pairs = new ArrayList<>();
      TreeSet<Integer> allSeeds = new TreeSet<>();
      for (Map.Entry<ClassPair, TreeSet<Integer>> e : seedsByPair.entrySet()) {
        ClassPair pair = e.getKey();
        pairs.add("[" + pair.positive() + ", " + pair.negative() + "]");
        allSeeds.addAll(e.getValue());
        Path dir = root.resolve("dataset=" + dataset).resolve("positive_class=" + pair.positive())
            .resolve("negative_class=" + pair.negative());
        Files.createDirectories(dir);
        for (int seed : e.getValue()) {
          writeTask(dir.resolve(String.format("part-%05d.parquet", seed)), pair, seed, features, train, valid);
        }
      }
      String manifest = "{\n  \"format_version\": 1,\n  \"dataset\": \"" + dataset + "\",\n  \"features\": " + features
          + ",\n  \"counts\": {\"train\": " + train + ", \"valid\": " + valid + ", \"test\": 0},\n  \"pairs\": "
          + pairs + ",\n  \"seeds\": " + allSeeds + ",\n  \"projection\": \"synthetic (benchmark)\"\n}\n";
      Files.writeString(root.resolve(ParquetTaskStore.MANIFEST), manifest, StandardCharsets.UTF_8);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeTask(Path file, ClassPair pair, int seed, int features, int train, int valid)
      throws IOException {
    Rng rng = Rng.derive(seed, "synthetic-projected-binary", pair.positive(), pair.negative());
    double[] w = new double[features];
    for (int j = 0; j < features; j++) {
      w[j] = rng.gaussian(0, 1);
    }
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
        new org.apache.hadoop.fs.Path(file.toUri())).withType(SCHEMA).withConf(new Configuration()).build()) {
      for (String split : List.of("train", "valid")) {
        int n = split.equals("train") ? train : valid;
        for (int e = 0; e < n; e++) {
          Group row = groups.newGroup().append("seed", seed).append("split", split).append("example", e);
          Group list = row.addGroup("features");
          double dot = 0;
          for (int j = 0; j < features; j++) {
            float x = (float) rng.gaussian(0, 1);
            dot += w[j] * x;
            list.addGroup("list").append("element", x);
          }
          row.append("label", dot + rng.gaussian(0, 0.5) > 0 ? 1f : 0f);
          writer.write(row);
        }
      }
    }
  }
}
