package org.automlzero.dataprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.automlzero.core.task.ClassPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareJobTest {
  static final Recipe RECIPE = new Recipe(4, 40, 10, 10);
  static final List<ClassPair> PAIRS = List.of(new ClassPair(3, 5), new ClassPair(0, 9));
  static final List<Integer> SEEDS = List.of(1, 2);

  @TempDir static Path shared;
  @TempDir Path dir;
  static RawImages raw;
  static SparkSession spark;
  static Path prepared;

  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

  @BeforeAll
  static void prepareOnce() throws IOException {
    RawFixtures.writeMnist(shared.resolve("raw"), 600, 7);
    raw = ImageDataset.MNIST.read(shared.resolve("raw"));
    spark = org.automlzero.spark.SharedSpark.session();
    prepared = shared.resolve("out/mnist-tasks");
    PrepareJob.Outcome outcome = new PrepareJob(spark, new PrintStream(new ByteArrayOutputStream()), 100)
        .run(raw, request(prepared.toString(), SEEDS, false));
    assertThat(outcome).isEqualTo(PrepareJob.Outcome.WRITTEN);
  }

  static PrepareJob.Request request(String out, List<Integer> seeds, boolean overwrite) {
    return new PrepareJob.Request(ImageDataset.MNIST, "test-fixture", out, PAIRS, seeds, RECIPE, overwrite);
  }

  private PrepareJob job() {
    return new PrepareJob(spark, log, 100);
  }

  @Test
  void layoutManifestAndRowsFollowTheFormat() throws IOException {
    assertThat(prepared.resolve("_manifest.json")).exists();
    for (ClassPair p : PAIRS) {
      Path partition = prepared.resolve("dataset=mnist/positive_class=" + p.positive() + "/negative_class="
          + p.negative());
      try (Stream<Path> files = Files.list(partition)) {
        assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".parquet")))
            .hasSize(SEEDS.size()).allMatch(n -> n.startsWith("part-"));
      }
    }
    JsonNode m = new ObjectMapper().readTree(prepared.resolve("_manifest.json").toFile());
    assertThat(m.get("format_version").asInt()).isEqualTo(1);
    assertThat(m.get("dataset").asText()).isEqualTo("mnist");
    assertThat(m.get("features").asInt()).isEqualTo(4);
    assertThat(m.get("counts").toString()).isEqualTo("{\"train\":40,\"valid\":10,\"test\":10}");
    assertThat(m.get("pairs").toString()).isEqualTo("[[0,9],[3,5]]");
    assertThat(m.get("seeds").toString()).isEqualTo("[1,2]");
    assertThat(m.get("seed_range").asText()).isEqualTo("1-2");
    assertThat(m.get("tasks").asInt()).isEqualTo(4);
    assertThat(m.get("rows").asInt()).isEqualTo(240);
    assertThat(m.get("source_files").get("train-images-idx3-ubyte.gz").get("sha256").asText()).hasSize(64);
    assertThat(m.get("written_at").asText()).isNotEmpty();
    assertThat(m.get("projection").asText()).startsWith("gaussian");

    List<Row> rows = spark.read().parquet(prepared.toString())
        .where("positive_class = 3 AND negative_class = 5 AND seed = 2").collectAsList();
    assertThat(rows).hasSize(60);
    PreparedTask expected = TaskMaker.make(raw, new ClassPair(3, 5), 2, RECIPE);
    int k = 0;
    for (Split split : Split.STORAGE_ORDER) {
      for (int i = 0; i < expected.size(split); i++, k++) {
        Row r = rows.get(k);
        assertThat(r.<String>getAs("split")).isEqualTo(split.id());
        assertThat(r.<Integer>getAs("example")).isEqualTo(i);
        assertThat(r.<Float>getAs("label")).isEqualTo(expected.labels(split)[i]);
        List<Float> features = r.getList(r.fieldIndex("features"));
        for (int j = 0; j < 4; j++) {
          assertThat(features.get(j)).isEqualTo(expected.features(split)[i * 4 + j]);
        }
      }
    }
  }

  @Test
  void everyTrainSplitIsStandardisedAndSplitsAreBalanced() {
    List<Row> rows = spark.read().parquet(prepared.toString()).collectAsList();
    assertThat(rows).hasSize(240);
    java.util.Map<String, double[]> stats = new java.util.TreeMap<>();
    for (Row r : rows) {
      String key = r.getAs("positive_class") + "/" + r.getAs("seed") + "/" + r.getAs("split");
      double[] s = stats.computeIfAbsent(key, k -> new double[2 + 2 * 4]); // n, positives, sum[4], sumsq[4]
      s[0]++;
      s[1] += r.<Float>getAs("label");
      List<Float> x = r.getList(r.fieldIndex("features"));
      for (int j = 0; j < 4; j++) {
        s[2 + j] += x.get(j);
        s[6 + j] += (double) x.get(j) * x.get(j);
      }
    }
    assertThat(stats).hasSize(2 * 2 * 3);
    stats.forEach((key, s) -> {
      assertThat(s[1] * 2).as("positives in %s", key).isEqualTo(s[0]);
      if (key.endsWith("/train")) {
        for (int j = 0; j < 4; j++) {
          double mean = s[2 + j] / s[0];
          assertThat(mean).as("mean of feature %d in %s", j, key)
              .isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-5));
          assertThat(s[6 + j] / s[0] - mean * mean).as("variance of feature %d in %s", j, key)
              .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
      }
    });
  }

  @Test
  void plainParquetHadoopReadsOneTask() throws IOException {
    Path partition = prepared.resolve("dataset=mnist/positive_class=0/negative_class=9");
    List<Path> files;
    try (Stream<Path> s = Files.list(partition)) {
      files = s.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
    PreparedTask expected = TaskMaker.make(raw, new ClassPair(0, 9), 1, RECIPE);
    List<Group> groups = new ArrayList<>();
    for (Path f : files) {
      try (ParquetReader<Group> reader = ParquetReader
          .builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(f.toUri()))
          .withConf(new Configuration())
          .withFilter(FilterCompat.get(FilterApi.eq(FilterApi.intColumn("seed"), 1)))
          .build()) {
        for (Group g = reader.read(); g != null; g = reader.read()) {
          groups.add(g);
        }
      }
    }
    assertThat(groups).hasSize(60);
    Group first = groups.get(0);
    assertThat(first.getString("split", 0)).isEqualTo("test");
    Group train0 = groups.get(10);
    assertThat(train0.getString("split", 0)).isEqualTo("train");
    assertThat(train0.getInteger("example", 0)).isZero();
    assertThat(train0.getFloat("label", 0)).isEqualTo(expected.labels(Split.TRAIN)[0]);
    Group list = train0.getGroup("features", 0);
    assertThat(list.getFieldRepetitionCount("list")).isEqualTo(4);
    for (int j = 0; j < 4; j++) {
      assertThat(list.getGroup("list", j).getFloat("element", 0)).isEqualTo(expected.features(Split.TRAIN)[j]);
    }
  }

  @Test
  void rerunSkipsDifferentDataSetIsRefusedOverwriteReplaces() throws IOException {
    Path out = dir.resolve("tasks");
    assertThat(job().run(raw, request(out.toString(), List.of(1), false))).isEqualTo(PrepareJob.Outcome.WRITTEN);
    assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("prepare: 2 / 2 tasks (pairs x seeds) done")
        .contains("prepare: wrote 2 tasks (2 pairs x 1 seeds, 120 rows)");
    byte[] manifest = Files.readAllBytes(out.resolve("_manifest.json"));

    assertThat(job().run(raw, request(out.toString(), List.of(1), false)))
        .isEqualTo(PrepareJob.Outcome.ALREADY_PRESENT);
    assertThat(Files.readAllBytes(out.resolve("_manifest.json"))).isEqualTo(manifest);

    assertThatThrownBy(() -> job().run(raw, request(out.toString(), List.of(1, 2), false)))
        .isInstanceOf(DataPrepException.class)
        .hasMessageContaining("holds a different prepared data set (it differs in seed_range (\"1\" there, \"1-2\" "
            + "requested))")
        .hasMessageContaining("pass --overwrite to replace it");
    assertThat(Files.readAllBytes(out.resolve("_manifest.json"))).isEqualTo(manifest);
    assertThat(siblings(dir)).containsExactly("tasks");

    assertThat(job().run(raw, request(out.toString(), List.of(1, 2), true))).isEqualTo(PrepareJob.Outcome.WRITTEN);
    assertThat(new ObjectMapper().readTree(out.resolve("_manifest.json").toFile()).get("tasks").asInt()).isEqualTo(4);
    assertThat(siblings(dir)).containsExactly("tasks");
  }

  @Test
  void somethingElseAtTheOutputPathIsNeverOverwritten() throws IOException {
    Path other = dir.resolve("notes");
    Files.createDirectories(other);
    Files.writeString(other.resolve("thesis.tex"), "precious");
    assertThatThrownBy(() -> job().run(raw, request(other.toString(), List.of(1), false)))
        .hasMessageContaining("is a non-empty directory without _manifest.json, so it is not a prepared data set; "
            + "refusing to overwrite it");
    assertThat(other.resolve("thesis.tex")).hasContent("precious");
    Path file = dir.resolve("file");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> job().run(raw, request(file.toString(), List.of(1), false)))
        .hasMessageContaining("is a file, not a data set directory");
    assertThat(siblings(dir)).containsExactlyInAnyOrder("notes", "file");
  }

  static List<String> siblings(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
