package org.automlzero.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps a long run from losing work or going silently wrong, through the real command line
 * in this JVM: help and exit codes, --debug, the run-directory lock, a graceful stop (the flag a
 * SIGTERM sets) followed by an identical resume, and checkpoint digests.
 */
class ReliabilityTest {
  private static final Path BAD = Path.of(System.getProperty("project.basedir", "."), "src", "test", "resources",
      "bad-inputs").toAbsolutePath();

  @TempDir
  Path tmp;

  @Test
  void helpOfEverySubcommandGoesToStandardOutputWithExitZero() {
    for (List<String> args : List.of(List.of("--help"), List.of("help"), List.of("search", "--help"),
        List.of("demo", "--help"), List.of("search-local", "--help"), List.of("search-local", "-h"),
        List.of("prepare", "--help"), List.of("evaluate", "--help"), List.of("report", "--help"),
        List.of("bench", "--help"), List.of("bench", "--spark", "--help"),
        List.of("bench", "--scale", "--help"))) {
      CliRun r = CliRun.run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as("%s: %s", args, r.err()).isZero();
      assertThat(r.out()).as("%s", args).contains("usage");
      assertThat(r.err()).as("%s", args).isEmpty();
    }
  }

  @Test
  void debugAddsTheStackTraceAndKeepsTheExitCode() {
    CliRun plain = CliRun.run("search-local", "--config", BAD.resolve("no-such.conf").toString());
    CliRun debug = CliRun.run("search-local", "--debug", "--config", BAD.resolve("no-such.conf").toString());
    assertThat(plain.exitCode()).isEqualTo(2);
    assertThat(plain.err()).doesNotContain("\tat ");
    assertThat(debug.exitCode()).isEqualTo(2);
    assertThat(debug.err()).contains("\tat ", "ConfigException");
    List<String> lines = debug.err().lines().toList();
    assertThat(lines.get(lines.size() - 1)).as("the message is the last line")
        .isEqualTo(plain.err().strip());
  }

  @Test
  void aConfigWithAByteOrderMarkIsRead() {
    CliRun r = CliRun.run("search-local", "--config", BAD.resolve("bom.conf").toString(), "--out",
        tmp.resolve("bom").toString(), "--threads", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  @Test
  void aStaleLockIsTakenOverWithANoteAndALiveOneRefused() throws Exception {
    Path run = tmp.resolve("run");
    List<String> args = new ArrayList<>(List.of("search-local", "--config", BAD.resolve("good.conf").toString(),
        "--out", run.toString(), "--threads", "1", "--set", "checkpoint.every_generations=10", "--set",
        "checkpoint.min_seconds=0"));
    assertThat(CliRun.run(args.toArray(String[]::new)).exitCode()).isZero();
    assertThat(run.resolve(RunLock.FILE)).as("released at the end").doesNotExist();
    Files.delete(run.resolve("result.json"));

    // A process that has ended, on this host: its lock is stale.
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor(10, TimeUnit.SECONDS);
    Files.writeString(run.resolve(RunLock.FILE), "{\"pid\": " + gone.pid() + ", \"host\": \"" + RunLock.host()
        + "\", \"started\": \"2026-12-01T00:00:00Z\"}\n");
    CliRun resumed = CliRun.run("search-local", "--resume", run.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out() + resumed.err()).contains("note: taking over the stale lock", "process " + gone.pid());
    assertThat(run.resolve(RunLock.FILE)).doesNotExist();

    // A live holder (this JVM stands in for another run): refused, naming it; nothing changes.
    Files.delete(run.resolve("result.json"));
    try (RunLock lock = RunLock.acquire(run, "used", note -> { })) {
      CliRun refused = CliRun.run("search-local", "--resume", run.toString());
      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err().strip()).startsWith("error: --resume: run directory " + run)
          .contains("is in use by process " + ProcessHandle.current().pid() + " on " + RunLock.host());
      assertThatThrownBy(() -> RunLock.acquire(run, "resumed", note -> { })).isInstanceOf(RunDirectoryException.class)
          .hasMessageContaining("cannot be resumed");
    }
  }

  @Test
  void aStopSignalCheckpointsAtAGenerationBoundaryAndTheResumedRunEqualsTheUninterruptedOne() throws Exception {
    List<String> settings = List.of("--config", CliRun.demoConfig().toString(), "--set", "search.population_size=100",
        "--set", "search.max_individuals=60000", "--set", "run.max_experiments=1", "--set", "run.sufficient_fitness=0",
        "--set", "select.tasks.count=5", "--set", "final.tasks.count=5", "--set", "run.seed=9", "--set",
        "checkpoint.every_generations=2000", "--set", "checkpoint.min_seconds=0", "--set", "run.progress_every=0",
        "--threads", "1");
    Path whole = tmp.resolve("whole");
    CliRun reference = cli("search-local", settings, "--out", whole.toString());
    assertThat(reference.exitCode()).as(reference.err()).isZero();

    Path stopped = tmp.resolve("stopped");
    CheckpointStore store = new CheckpointStore(stopped, 3);
    Thread signal = new Thread(() -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline) {
        if (Files.isDirectory(store.directory()) && store.sequences().stream().anyMatch(s -> s >= 2)) {
          StopSignal.request("TERM"); // what the SIGTERM handler does
          return;
        }
        Thread.onSpinWait();
      }
    });
    signal.start();
    CliRun first = cli("search-local", settings, "--out", stopped.toString());
    signal.join();
    assertThat(first.exitCode()).as(first.err()).isEqualTo(143);
    List<String> lines = first.err().lines().toList();
    assertThat(lines.get(lines.size() - 1)).matches("stopped at experiment 1, [0-9,]+ individuals; resume with "
        + "\\./submit\\.sh search-local --resume " + java.util.regex.Pattern.quote(stopped.toString()));
    assertThat(stopped.resolve("result.json")).doesNotExist();
    assertThat(stopped.resolve(RunLock.FILE)).doesNotExist();
    Checkpoint last = store.latest(w -> { });
    assertThat(last.state().loop()).as("stopped inside the experiment").isNotNull();

    CliRun resumed = CliRun.run("search-local", "--resume", stopped.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertSameResult(stopped, whole);
  }

  @Test
  void anEditedCheckpointIsSkippedWithAWarningLikeATornOne() throws Exception {
    Path run = tmp.resolve("edited");
    CliRun r = CliRun.run("search-local", "--config", BAD.resolve("good.conf").toString(), "--out", run.toString(),
        "--set", "checkpoint.every_generations=10", "--set", "checkpoint.min_seconds=0", "--set", "run.threads=1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path whole = tmp.resolve("whole");
    copy(run, whole);
    Files.delete(run.resolve("result.json"));
    CheckpointStore store = new CheckpointStore(run, 3);
    List<Long> sequences = store.sequences();
    Path newest = store.file(sequences.get(sequences.size() - 1));
    String text = Files.readString(newest);
    String edited = text.replaceFirst("\"individuals\":(\\d+)", "\"individuals\":1$1");
    assertThat(edited).isNotEqualTo(text);
    Files.writeString(newest, edited);

    CliRun resumed = CliRun.run("search-local", "--resume", run.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("warning: checkpoint " + newest + " is unusable: its content does not match "
        + "its SHA-256", "resuming from the older checkpoint");
    assertSameResult(run, whole);
  }

  @Test
  void aFailureWhileRunningMarksTheRunFailedInRunJson() throws Exception {
    Path run = tmp.resolve("failing");
    CliRun r = CliRun.run("search-local", "--config", BAD.resolve("good.conf").toString(), "--out", run.toString(),
        "--threads", "1");
    assertThat(r.exitCode()).isZero();
    RunDirectory dir = RunDirectory.open(run);
    dir.markFailed("file x cannot be read");
    JsonNode info = dir.runInfo();
    assertThat(info.path("status").asText()).isEqualTo("failed");
    assertThat(info.path("failure").asText()).isEqualTo("file x cannot be read");
    dir.markRunning();
    assertThat(dir.runInfo().has("status")).isFalse();
  }

  private static CliRun cli(String command, List<String> settings, String... extra) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(settings);
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  static void assertSameResult(Path resumed, Path whole) throws Exception {
    JsonNode a = RunDirectory.readJson(whole.resolve("result.json"));
    JsonNode b = RunDirectory.readJson(resumed.resolve("result.json"));
    for (String field : List.of("search_fitness", "select_fitness", "final_fitness", "experiments", "individuals",
        "train_steps", "fec_hits", "fec_misses", "algorithm")) {
      assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
    }
    assertThat(Files.readString(resumed.resolve("algorithm.json")))
        .isEqualTo(Files.readString(whole.resolve("algorithm.json")));
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
