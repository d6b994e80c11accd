package org.automlzero.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.automlzero.core.task.ClassPair;

/**
 * Writes a tiny task data set in the data-prep/FORMAT.md layout (Hive-style partitions, rows sorted by seed,
 * split, example; Spark's 3-level list for features) with parquet-hadoop, for reader tests.
 * Feature j of an example is a known function of (pair, seed, split, example, j).
 */
public final class TinyTaskDataSet {
  public static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message spark_schema {
        optional int32 seed;
        optional binary split (STRING);
        optional int32 example;
        optional group features (LIST) {
          repeated group list {
            optional float element;
          }
        }
        optional float label;
      }""");

  private TinyTaskDataSet() {}

  /** The value the writer stores for feature j. */
  public static float feature(ClassPair pair, int seed, String split, int example, int j) {
    return pair.positive() * 1000 + pair.negative() * 100 + seed * 10 + example + j * 0.25f
        + (split.equals("valid") ? 0.5f : split.equals("test") ? 0.125f : 0f);
  }

  /** The label the writer stores: alternating 1 and 0. */
  public static float label(int example) {
    return example % 2 == 0 ? 1f : 0f;
  }

  /** Adds the data files' sizes and CRC-32C to the manifest, as prepare writes them. */
  public static void listFiles(Path root) {
    try {
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root.toUri());
      org.apache.hadoop.fs.FileSystem fs = dir.getFileSystem(new Configuration());
      java.util.SortedMap<String, long[]> files = org.automlzero.dataprep.PrepareJob.dataFiles(fs, dir);
      StringBuilder json = new StringBuilder();
      for (java.util.Map.Entry<String, long[]> e : files.entrySet()) {
        json.append(json.length() == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": {\"bytes\": ")
            .append(e.getValue()[0]).append(", \"crc32c\": \"").append(String.format("%08x", e.getValue()[1]))
            .append("\"}");
      }
      Path manifest = root.resolve(ParquetTaskStore.MANIFEST);
      String text = Files.readString(manifest).strip();
      Files.writeString(manifest, text.substring(0, text.length() - 1) + ", \"files\": {" + json + "}}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path root, String dataset, int features, int train, int valid, int test, List<ClassPair> pairs,
      int seeds) {
    write(root, dataset, features, train, valid, test, pairs, seeds, SCHEMA);
  }

  public static void write(Path root, String dataset, int features, int train, int valid, int test, List<ClassPair> pairs,
      int seeds, MessageType schema) {
    try {
      Files.createDirectories(root);
      for (ClassPair pair : pairs) {
        Path dir = root.resolve("dataset=" + dataset).resolve("positive_class=" + pair.positive())
            .resolve("negative_class=" + pair.negative());
        Files.createDirectories(dir);
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("part-00000.parquet").toUri());
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file).withType(schema)
            .withConf(new Configuration()).withPageWriteChecksumEnabled(true).build()) {
          for (int seed = 0; seed < seeds; seed++) {
            for (String split : List.of("test", "train", "valid")) { // sorted by split name
              int n = split.equals("train") ? train : split.equals("valid") ? valid : test;
              for (int e = 0; e < n; e++) {
                Group row = groups.newGroup().append("seed", seed).append("split", split).append("example", e);
                if (schema.containsField("features")) {
                  Group list = row.addGroup("features");
                  for (int j = 0; j < features; j++) {
                    list.addGroup("list").append("element", feature(pair, seed, split, e, j));
                  }
                }
                row.append("label", label(e));
                writer.write(row);
              }
            }
          }
        }
      }
      StringBuilder pairsJson = new StringBuilder();
      for (ClassPair p : pairs) {
        pairsJson.append(pairsJson.length() == 0 ? "" : ", ").append("[").append(p.positive()).append(", ")
            .append(p.negative()).append("]");
      }
      String manifest = """
          {
            "format_version": 1,
            "dataset": "%s",
            "features": %d,
            "counts": {"train": %d, "valid": %d, "test": %d},
            "pairs": [%s],
            "seed_range": "0-%d",
            "seeds": [%s],
            "projection": "gaussian",
            "written_by": "TinyTaskDataSet (test)"
          }
          """.formatted(dataset, features, train, valid, test, pairsJson, seeds - 1,
              String.join(", ", java.util.stream.IntStream.range(0, seeds).mapToObj(Integer::toString).toList()));
      Files.writeString(root.resolve(ParquetTaskStore.MANIFEST), manifest, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
