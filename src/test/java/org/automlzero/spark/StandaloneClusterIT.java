package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster (one Master, three Workers, started from target/lib on
 * 127.0.0.1): a short search through {@code ./submit.sh search --master spark://...} gives the
 * identical per-generation history and best algorithm as the local[1] run, in both island modes,
 * also when a worker (with its executor) is killed in the middle of the run. Every process is
 * killed at the end.
 */
class StandaloneClusterIT {
  private static final Path PROJECT = Paths.get(System.getProperty("project.basedir", ".")).toAbsolutePath();

  @TempDir
  Path work;

  /** The run's options: 100 candidates per generation, 50 generations, frequent progress lines. */
  private List<String> search(String master, Path history, String... extra) {
    List<String> command = new ArrayList<>(List.of(PROJECT.resolve("submit.sh").toString(), "search", "--master",
        master, "--config", PROJECT.resolve("src/test/resources/spark/small-search.conf").toString(),
        "--set", "islands.children_per_generation=50", "--set", "search.max_individuals=4000",
        "--set", "run.progress_every=500", "--seed", "11", "--history", history.toString(),
        "--out", history.resolveSibling(history.getFileName() + ".run").toString()));
    command.addAll(List.of(extra));
    return command;
  }

  /** Runs a command, returning its stdout lines; {@code onLine} may act on progress (e.g. kill a worker). */
  private static List<String> run(List<String> command, Path log, Predicate<String> onLine) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
    pb.environment().remove("SPARK_HOME");
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try {
      CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            synchronized (lines) {
              lines.add(line);
            }
            onLine.test(line);
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("run finished in time; stderr:\n%s", Files.readString(log))
          .isTrue();
      reader.get(10, TimeUnit.SECONDS);
      assertThat(p.exitValue()).as("exit code; stdout:\n%s\nstderr:\n%s", String.join("\n", lines),
          Files.readString(log)).isZero();
      return lines;
    } finally {
      LocalStandaloneCluster.kill(p);
    }
  }

  /** The deterministic result lines: from "Best algorithm:" to the end. */
  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static List<String> result(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("Best algorithm:")) {
        return lines.subList(i, lines.size());
      }
    }
    throw new AssertionError("no 'Best algorithm:' line in:\n" + String.join("\n", lines));
  }

  @Test
  void aClusterRunEqualsTheLocalRunEvenWhenAWorkerDies() throws Exception {
    long t0 = System.nanoTime();
    Path localHistory = work.resolve("local.tsv");
    List<String> local = run(search("local[1]", localHistory), work.resolve("local.err"), line -> true);

    String[] stages = {"--set", "islands.mode=ISLAND_STAGE", "--set", "islands.count=4", "--set",
        "islands.migration_interval=10", "--set", "islands.migrants=5", "--set", "islands.topology=RANDOM", "--set",
        "islands.children_per_generation=5"};
    Path localStages = work.resolve("local-stages.tsv");
    List<String> localStaged = run(search("local[1]", localStages, stages), work.resolve("local-stages.err"),
        line -> true);

    List<ProcessHandle> started = new ArrayList<>();
    try (LocalStandaloneCluster cluster = new LocalStandaloneCluster(PROJECT, work.resolve("cluster"), 3, 1, "1g")) {
      // The island-stage mode: the same islands and history as local[1], with the stages spread over
      // the workers, one of which dies mid-run (its islands' stages run again elsewhere).
      Path clusterStages = work.resolve("cluster-stages.tsv");
      int[] reports = {0};
      List<String> remoteStaged = run(search(cluster.masterUrl(), clusterStages, concat(stages, "--executor-memory",
          "512m")), work.resolve("cluster-stages.err"), line -> {
            if (line.startsWith("experiment 1: ") && ++reports[0] == 2) { // the second progress line
              cluster.killWorker(2);
            }
            return true;
          });
      assertThat(reports[0]).as("progress lines of the island-stage run").isGreaterThan(2);
      assertThat(remoteStaged).as("the dead executor's islands were replayed from the driver's copies")
          .anyMatch(line -> line.contains("islands replayed"));
      assertThat(result(remoteStaged)).isEqualTo(result(localStaged));
      assertThat(Files.readAllLines(clusterStages)).isEqualTo(Files.readAllLines(localStages)).hasSizeGreaterThan(20);
      assertThat(result(localStaged)).isNotEqualTo(result(local));

      long t1 = System.nanoTime();
      Path clusterHistory = work.resolve("cluster.tsv");
      boolean[] killed = {false};
      List<String> remote = run(search(cluster.masterUrl(), clusterHistory, "--executor-memory", "512m"),
          work.resolve("cluster.err"), line -> {
            // Kill a worker (and its executor) once the search is well under way.
            if (!killed[0] && line.startsWith("experiment 1: 1,500")) { // the progress line at 1,500 individuals
              killed[0] = true;
              cluster.killWorker(0);
            }
            return true;
          });
      System.err.printf("StandaloneClusterIT: local[1] run + cluster start %.1f s, cluster run %.1f s%n",
          (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
      assertThat(killed[0]).as("a worker was killed mid-run").isTrue();
      assertThat(remote.get(0)).contains("spark://127.0.0.1:");
      assertThat(result(remote)).isEqualTo(result(local));
      assertThat(Files.readAllLines(clusterHistory)).isEqualTo(Files.readAllLines(localHistory));
      assertThat(Files.readAllLines(localHistory)).hasSizeGreaterThan(60);
      // Master, the surviving worker and its executor: all must be gone after close().
      ProcessHandle.current().descendants().forEach(started::add);
      assertThat(started).hasSizeGreaterThanOrEqualTo(2);
    }
    for (ProcessHandle p : started) {
      try {
        p.onExit().get(30, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        // reported just below
      }
      assertThat(p.isAlive()).as("process %s still alive after the cluster stopped", p.pid()).isFalse();
    }
  }
}
