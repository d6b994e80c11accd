package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real YARN cluster (Hadoop's MiniYARNCluster: a ResourceManager and a NodeManager in this
 * JVM on 127.0.0.1; the application master, the executors and, in cluster mode, the driver are
 * JVMs in YARN containers): a short search through {@code ./submit.sh search --master yarn}
 * with the thin jar, in client and in cluster deploy mode, writes the identical per-generation
 * history, best algorithm and fitness as the same search on local[1]; a driver that fails in
 * cluster mode makes submit.sh exit non-zero.
 */
class YarnClusterIT {
  private static final Path PROJECT = Paths.get(System.getProperty("project.basedir", ".")).toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  @TempDir
  Path work;

  private record Outcome(int code, String out, String err) {}

  /** The search: 2 islands x 100, 20 children per island per generation, 600 individuals. */
  private List<String> search(String master, String name, String... sparkOptions) {
    List<String> command = new ArrayList<>(List.of(PROJECT.resolve("submit.sh").toString(), "search", "--master",
        master));
    command.addAll(List.of(sparkOptions));
    command.addAll(List.of("--config", PROJECT.resolve("src/test/resources/spark/small-search.conf").toString(),
        "--set", "search.max_individuals=600", "--set", "run.progress_every=200", "--seed", "11",
        "--history", work.resolve(name + ".tsv").toString(), "--out", work.resolve(name).toString()));
    return command;
  }

  /** Spark options for the MiniYARNCluster: small containers, loopback only, no retry of a failed driver. */
  private List<String> yarn(String deployMode, String... extra) {
    List<String> options = new ArrayList<>(List.of("--deploy-mode", deployMode, "--num-executors", "1",
        "--executor-cores", "2", "--executor-memory", "512m", "--driver-memory", "512m",
        "--conf", "spark.yarn.am.memory=384m",
        "--conf", "spark.ui.enabled=false",
        // Short-lived JVMs on a small machine: the C1 compiler and the serial collector cost less CPU.
        "--driver-java-options", QUICK_JVM,
        "--conf", "spark.yarn.am.extraJavaOptions=" + QUICK_JVM,
        "--conf", "spark.executor.extraJavaOptions=" + QUICK_JVM,
        // The Spark jars from their paths on this machine (the one node): nothing is uploaded.
        "--conf", "spark.yarn.jars=local:" + PROJECT.resolve("target/lib") + "/*",
        "--conf", "spark.yarn.maxAppAttempts=1",
        "--conf", "spark.yarn.stagingDir=" + work.resolve("staging").toUri(),
        "--conf", "spark.yarn.appMasterEnv.SPARK_LOCAL_IP=127.0.0.1",
        "--conf", "spark.executorEnv.SPARK_LOCAL_IP=127.0.0.1",
        "--conf", "spark.yarn.appMasterEnv.JAVA_HOME=" + System.getProperty("java.home"),
        "--conf", "spark.executorEnv.JAVA_HOME=" + System.getProperty("java.home")));
    options.addAll(List.of(extra));
    return options;
  }

  private Outcome run(List<String> command, LocalYarnCluster yarn, String name) throws Exception {
    Path out = work.resolve(name + ".out");
    Path err = work.resolve(name + ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("SPARK_HOME");
    pb.environment().remove("YARN_CONF_DIR");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    if (yarn != null) {
      pb.environment().put("HADOOP_CONF_DIR", yarn.confDir().toString());
    }
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("%s finished in time; stderr:\n%s%s", name,
          Files.readString(err), yarn == null ? "" : yarn.containerLogs(3000)).isTrue();
    } finally {
      LocalStandaloneCluster.kill(p);
    }
    System.err.printf("YarnClusterIT: %s %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
    return new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static void assertSucceeded(Outcome o, LocalYarnCluster yarn) {
    assertThat(o.code()).as("exit code; stdout:\n%s\nstderr:\n%s\n%s", o.out(), o.err(),
        yarn == null ? "" : yarn.containerLogs(3000)).isZero();
  }

  /** The run's deterministic outputs: history, algorithm files, per-experiment and final results (timings removed). */
  private List<String> results(String name) throws IOException {
    Path dir = work.resolve(name);
    List<String> files = new ArrayList<>();
    files.add(Files.readString(work.resolve(name + ".tsv")));
    for (String f : List.of("config.conf", "algorithm.txt", "algorithm-raw.txt", "algorithm.json")) {
      files.add(f + ":\n" + Files.readString(dir.resolve(f)));
    }
    ObjectNode result = (ObjectNode) JSON.readTree(dir.resolve("result.json").toFile());
    result.remove(List.of("elapsed_seconds", "individuals_per_second"));
    files.add("result.json:\n" + result.toPrettyString());
    files.add("experiments.json:\n" + Files.readString(dir.resolve("experiments.json")));
    return files;
  }

  @Test
  void clientAndClusterModeRunsEqualTheLocalRun() throws Exception {
    // The cluster starts while the local run runs.
    long t0 = System.nanoTime();
    CompletableFuture<LocalYarnCluster> starting = CompletableFuture.supplyAsync(() -> {
      try {
        LocalYarnCluster started = new LocalYarnCluster(work.resolve("yarn"), 4096, 4);
        System.err.printf("YarnClusterIT: MiniYARNCluster started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return started;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
    List<String> expected;
    try {
      Outcome local = run(search("local[1]", "local"), null, "local");
      assertSucceeded(local, null);
      expected = results("local");
      assertThat(Files.readAllLines(work.resolve("local.tsv"))).hasSizeGreaterThan(20);
    } catch (Exception | AssertionError e) {
      starting.thenAccept(LocalYarnCluster::close);
      throw e;
    }

    try (LocalYarnCluster yarn = starting.get(180, TimeUnit.SECONDS)) {
      // Client mode: the driver is submit.sh's JVM, the application master and executors run in containers.
      Outcome client = run(search("yarn", "client", yarn("client").toArray(String[]::new)), yarn, "client");
      assertSucceeded(client, yarn);
      assertThat(client.out()).contains("Best algorithm:");
      assertThat(results("client")).isEqualTo(expected);

      // Cluster mode: the driver runs in the application master's container; the run directory
      // is an absolute path on this machine.
      Outcome cluster = run(search("yarn", "cluster", yarn("cluster").toArray(String[]::new)), yarn, "cluster");
      assertSucceeded(cluster, yarn);
      assertThat(cluster.err()).contains("final status: SUCCEEDED");
      assertThat(cluster.out()).doesNotContain("Best algorithm:");
      assertThat(yarn.containerLogs(Integer.MAX_VALUE)).contains("Best algorithm:");
      assertThat(results("cluster")).isEqualTo(expected);

      // A driver that fails in cluster mode (bad input: exit code 2 in the container) fails the submission.
      Outcome bad = run(search("yarn", "bad", yarn("cluster", "--set", "search.population_size=0")
          .toArray(String[]::new)), yarn, "bad");
      assertThat(bad.code()).as(bad.err()).isNotZero();
      assertThat(bad.err()).contains("final status: FAILED");
      assertThat(work.resolve("bad")).doesNotExist();
    }
  }
}
