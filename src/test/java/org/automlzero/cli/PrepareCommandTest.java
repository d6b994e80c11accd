package org.automlzero.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prepare subcommand end to end: exit codes, messages, no partial output, and local[1] == local[2]. */
class PrepareCommandTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  static Path mnist;

  @BeforeAll
  static void rawData() throws Exception {
    // In-process runs reuse the shared session (as under spark-submit); the child JVM makes its own.
    org.automlzero.spark.SharedSpark.session();
    mnist = shared.resolve("mnist");
    Files.createDirectories(mnist);
    byte[] labels = new byte[400];
    byte[] pixels = new byte[400 * 784];
    for (int i = 0; i < 400; i++) {
      labels[i] = (byte) (i % 10);
      for (int p = 0; p < 784; p++) {
        pixels[i * 784 + p] = (byte) ((p * (labels[i] + 1) * 31 + i * 17 + (p * p) % 13) % 256);
      }
    }
    Files.write(mnist.resolve("train-images-idx3-ubyte"), idx(2051, new int[] {400, 28, 28}, pixels));
    Files.write(mnist.resolve("train-labels-idx1-ubyte"), idx(2049, new int[] {400}, labels));
  }

  static byte[] idx(int magic, int[] dims, byte[] data) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.putInt(magic);
    for (int d : dims) {
      b.putInt(d);
    }
    b.put(data);
    return b.array();
  }

  record Result(int code, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new Result(Main.run(args), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
    }
  }

  private String[] args(Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("prepare", "--dataset", "mnist", "--source", mnist.toString(), "--out",
        out.toString(), "--pairs", "(1,2),(4,6)", "--seeds", "0-1", "--features", "3", "--train", "20", "--valid",
        "6", "--test", "4"));
    a.addAll(Arrays.asList(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void badPairsAndOptionsFailClearlyWithoutOutput() throws IOException {
    Path out = dir.resolve("o");
    Result same = run(args(out, "--pairs", "(3,3)"));
    assertThat(same.code()).isEqualTo(2);
    assertThat(same.err()).contains("error: prepare: --pairs '(3,3)': class pair (3,3) is invalid: the two classes "
        + "must differ");
    Result big = run(args(out, "--pairs", "(2,11)"));
    assertThat(big.code()).isEqualTo(2);
    assertThat(big.err()).contains("class pair (2,11) is invalid: classes must be in 0..9");
    Result unknown = run(args(out, "--colour", "blue"));
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("prepare: unknown option '--colour'");
    Result dataset = run("prepare", "--dataset", "svhn", "--out", out.toString());
    assertThat(dataset.err()).contains("--dataset 'svhn' is unknown: use cifar10, mnist or fashion_mnist");
    Result odd = run(args(out, "--valid", "5"));
    assertThat(odd.err()).contains("--valid 5 is invalid: each split must have an even size");
    assertThat(out).doesNotExist();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void badRawFilesFailClearlyWithoutOutput() throws IOException {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.copy(mnist.resolve("train-images-idx3-ubyte"), bad.resolve("train-images-idx3-ubyte"));
    byte[] labels = Files.readAllBytes(mnist.resolve("train-labels-idx1-ubyte"));
    labels[8 + 17] = 42;
    Files.write(bad.resolve("train-labels-idx1-ubyte"), labels);
    Path out = dir.resolve("o");
    Result r = run("prepare", "--dataset", "mnist", "--source", bad.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("train-labels-idx1-ubyte: label 42 at byte offset 25 (example 17) is out of "
        + "range 0..9");
    Files.write(bad.resolve("train-labels-idx1-ubyte"), Arrays.copyOf(labels, 100));
    Files.write(bad.resolve("train-images-idx3-ubyte"), idx(2049, new int[] {400}, new byte[400]));
    r = run("prepare", "--dataset", "mnist", "--source", bad.toString(), "--out", out.toString());
    assertThat(r.err()).contains("magic number 2049 at byte offset 0 is not 2051");
    Path cifar = dir.resolve("cifar-10-binary.tar.gz");
    Files.write(cifar, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3});
    r = run("prepare", "--dataset", "cifar10", "--source", cifar.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cifar-10-binary.tar.gz is corrupt or truncated");
    assertThat(out).doesNotExist();
  }

  @Test
  void outputHoldingSomethingElseIsKept() throws IOException {
    Path out = dir.resolve("results");
    Files.createDirectories(out);
    Files.writeString(out.resolve("paper.pdf"), "keep me");
    Result r = run(args(out));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is a non-empty directory without _manifest.json");
    assertThat(out.resolve("paper.pdf")).hasContent("keep me");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s).containsExactly(out);
    }
  }

  /** The real command line in a child JVM on local[1] writes exactly what this JVM's local[2] session writes. */
  @Test
  void localOneAndLocalTwoWriteIdenticalTasks() throws Exception {
    Path two = dir.resolve("two");
    Result r = run(args(two));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("prepare: 4 / 4 tasks (pairs x seeds) done").contains("prepare: wrote 4 tasks");

    Path one = dir.resolve("one");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Djdk.") || a.startsWith("-Dio.netty")
          || a.startsWith("-XX:")) {
        cmd.add(a);
      }
    }
    cmd.addAll(List.of("-Xmx1g", "-Dspark.master=local[1]", "-Dspark.ui.enabled=false",
        "-Dlog4j2.configurationFile=" + Path.of(System.getProperty("project.basedir", "."),
            "src/test/resources/log4j2-test.properties").toUri(),
        "-cp", System.getProperty("java.class.path"), "org.automlzero.cli.Main"));
    cmd.addAll(Arrays.asList(args(one)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    String childLog = Files.readString(dir.resolve("child.log"));
    assertThat(p.exitValue()).as(childLog).isZero();
    assertThat(childLog).contains("prepare: wrote 4 tasks");

    SparkSession spark = org.automlzero.spark.SharedSpark.session();
    List<Row> a = spark.read().parquet(one.toString()).orderBy("positive_class", "seed", "split", "example")
        .collectAsList();
    List<Row> b = spark.read().parquet(two.toString()).orderBy("positive_class", "seed", "split", "example")
        .collectAsList();
    assertThat(a).hasSize(4 * 30);
    assertThat(a).isEqualTo(b);
    for (int i = 0; i < a.size(); i++) {
      List<Float> fa = a.get(i).getList(a.get(i).fieldIndex("features"));
      List<Float> fb = b.get(i).getList(b.get(i).fieldIndex("features"));
      for (int j = 0; j < 3; j++) {
        assertThat(Float.floatToRawIntBits(fa.get(j))).isEqualTo(Float.floatToRawIntBits(fb.get(j)));
      }
    }
    // Same arguments again: the manifest matches, nothing is rewritten.
    Result again = run(args(two));
    assertThat(again.code()).isZero();
    assertThat(again.err()).contains("already holds this data set (same _manifest.json); nothing to do");
  }
}
