package org.automlzero.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line as separate processes: a search is killed with SIGKILL in the middle
 * (after a few checkpoints), then {@code ./submit.sh ... --resume DIR} finishes it, with another
 * thread count (in-process) or another master (Spark), and the result equals the uninterrupted
 * run's: the same final algorithm (algorithm.json byte for byte) and the same fitnesses.
 */
class ResumeAfterKillIT {
  private static final Path PROJECT = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();

  @TempDir
  Path tmp;

  @Test
  void searchLocalKilledAndResumedEqualsTheUninterruptedRun() throws Exception {
    List<String> settings = List.of("--config", PROJECT.resolve("conf/demo.conf").toString(),
        "--set", "search.population_size=100", "--set", "search.max_individuals=40000",
        "--set", "run.max_experiments=1", "--set", "run.sufficient_fitness=0", "--set", "select.tasks.count=5",
        "--set", "final.tasks.count=5", "--set", "run.seed=5", "--set", "checkpoint.every_generations=1000",
        "--set", "checkpoint.min_seconds=0", "--set", "run.progress_every=5000");
    Path whole = tmp.resolve("whole");
    List<String> reference = new ArrayList<>(List.of("search-local"));
    reference.addAll(settings);
    reference.addAll(List.of("--out", whole.toString(), "--threads", "2"));
    CliRun r = CliRun.run(reference.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();

    Path killed = tmp.resolve("killed");
    List<String> first = new ArrayList<>(List.of("search-local"));
    first.addAll(settings);
    first.addAll(List.of("--out", killed.toString(), "--threads", "2"));
    killAfterCheckpoint(first, killed, 5);

    runToEnd(List.of("search-local", "--resume", killed.toString(), "--threads", "1"), "resume");
    assertSameResult(killed, whole);
  }

  @Test
  void sparkSearchKilledAndResumedOnAnotherMasterEqualsTheUninterruptedRun() throws Exception {
    killResumeAndCompare(List.of("--config", PROJECT.resolve("src/test/resources/spark/small-search.conf").toString(),
        "--set", "search.max_individuals=12000", "--set", "checkpoint.every_generations=10",
        "--set", "checkpoint.min_seconds=0", "--seed", "13"));
  }

  @Test
  void islandStagesKilledAndResumedOnAnotherMasterEqualTheUninterruptedRun() throws Exception {
    killResumeAndCompare(List.of("--config", PROJECT.resolve("src/test/resources/spark/small-search.conf").toString(),
        "--set", "islands.mode=ISLAND_STAGE", "--set", "islands.count=3", "--set", "islands.children_per_generation=2",
        "--set", "islands.migration_interval=30", "--set", "search.max_individuals=8000",
        "--set", "checkpoint.every_generations=30", "--set", "checkpoint.min_seconds=0", "--seed", "17"));
  }

  private void killResumeAndCompare(List<String> settings) throws Exception {
    Path whole = tmp.resolve("whole");
    List<String> reference = new ArrayList<>(List.of("search-local"));
    reference.addAll(settings);
    reference.addAll(List.of("--out", whole.toString()));
    CliRun r = CliRun.run(reference.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();

    Path killed = tmp.resolve("killed");
    List<String> first = new ArrayList<>(List.of("search", "--master", "local[2]"));
    first.addAll(settings);
    first.addAll(List.of("--out", killed.toString()));
    killAfterCheckpoint(first, killed, 4);

    runToEnd(List.of("search", "--master", "local[1]", "--resume", killed.toString()), "resume");
    assertSameResult(killed, whole);
  }

  /** Starts {@code ./submit.sh args}, waits for checkpoint {@code sequence} and kills the driver with SIGKILL. */
  private void killAfterCheckpoint(List<String> args, Path dir, long sequence) throws Exception {
    Process p = start(args, "first");
    try {
      CheckpointStore store = new CheckpointStore(dir, 3);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (store.sequences().stream().noneMatch(s -> s >= sequence)) {
        assertThat(p.isAlive()).as("the search is still running; its output:%n%s", log("first")).isTrue();
        assertThat(System.nanoTime()).as("checkpoint %d within 240 s", sequence).isLessThan(deadline);
        Thread.sleep(20);
      }
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    assertThat(dir.resolve("result.json")).as("killed before the end; output:%n%s", log("first")).doesNotExist();
  }

  private void runToEnd(List<String> args, String name) throws Exception {
    Process p = start(args, name);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("%s finished in time", name).isTrue();
    assertThat(p.exitValue()).as("%s exit code; output:%n%s", name, log(name)).isZero();
    assertThat(log(name)).contains("Resuming ");
  }

  private Process start(List<String> args, String name) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(PROJECT.resolve("submit.sh").toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve(name + ".log").toFile());
    pb.environment().remove("SPARK_HOME");
    return pb.start();
  }

  private String log(String name) throws Exception {
    Path f = tmp.resolve(name + ".log");
    return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "(no output)";
  }

  private static void assertSameResult(Path resumed, Path whole) throws Exception {
    JsonNode a = RunDirectory.readJson(whole.resolve("result.json"));
    JsonNode b = RunDirectory.readJson(resumed.resolve("result.json"));
    for (String field : List.of("search_fitness", "select_fitness", "final_fitness", "experiments", "individuals",
        "train_steps", "fec_hits", "fec_misses", "algorithm")) {
      assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
    }
    assertThat(Files.readString(resumed.resolve("algorithm.json")))
        .isEqualTo(Files.readString(whole.resolve("algorithm.json")));
    assertThat(Files.readString(resumed.resolve("algorithm.txt")))
        .isEqualTo(Files.readString(whole.resolve("algorithm.txt")));
    assertThat(resumed.resolve("report.html")).isNotEmptyFile();
  }
}
