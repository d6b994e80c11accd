package org.automlzero.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmPrinter;
import org.automlzero.core.config.ConfigException;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.io.InputException;
import org.automlzero.core.search.RunState;
import org.automlzero.core.search.SearchResult;
import org.automlzero.core.simplify.VerifiedPass;
import org.automlzero.runs.Checkpoint;
import org.automlzero.runs.CheckpointStore;
import org.automlzero.runs.RunDirectory;
import org.automlzero.runs.RunDirectoryException;
import org.automlzero.runs.RunLock;
import org.automlzero.runs.RunRecorder;
import org.automlzero.runs.StopSignal;

/**
 * The run-directory side of the search commands ({@code --out}, {@code --overwrite},
 * {@code --resume}, {@code --raw}): everything is checked in {@link #fresh} / {@link #resume}
 * before anything is written, so a bad input leaves no output behind.
 */
final class RunOutputs {
  /** A checked plan: the config to run, where to write, and where to start. */
  record Plan(ExperimentConfig config, Path dir, boolean overwrite, Checkpoint from, String command) {
    RunState start() {
      return from == null ? RunState.START : from.state();
    }

    /** Creates (or, for a resume, reopens) the run directory and returns its recorder. */
    RunRecorder begin(Consumer<String> log) {
      if (from == null) {
        RunDirectory d = RunDirectory.create(dir, overwrite, config.toConfigText(), config.run().seed(), command,
            Instant.now(), log);
        writeIslands(d.root().resolve("islands.json"), config.run());
        return RunRecorder.start(d, config.outputs(), config.run().seed(), log);
      }
      log.accept("Resuming " + dir + " from checkpoint " + from.sequence() + " (" + from.state().experiments().size()
          + " experiment(s) done" + (from.state().loop() == null ? ""
              : ", experiment " + (from.state().loop().experiment() + 1) + " at generation "
                  + from.state().loop().generation()) + ")");
      RunDirectory d = RunDirectory.openLocked(dir, log);
      d.markRunning();
      return RunRecorder.resume(d, config.outputs(), from, log);
    }
  }

  /**
   * islands.json: each island's resolved parameters (task list, population, tournament size,
   * mutate probability), as the search uses them (a pure function of the config and the seed).
   */
  static void writeIslands(Path file, org.automlzero.core.search.spec.RunSpec run) {
    org.automlzero.core.search.spec.SearchSpec spec = run.search();
    int firstMix = spec.islands().islands() - run.mixIslands();
    StringBuilder json = new StringBuilder("{\n  \"mode\": \"").append(spec.islands().mode()).append("\",\n");
    json.append("  \"ranges\": {\"tournament_size\": ").append(quoted(spec.ranges().tournamentSize()))
        .append(", \"mutate_prob\": ").append(quoted(spec.ranges().mutateProb())).append("},\n  \"islands\": [\n");
    List<org.automlzero.core.search.IslandParameters.Resolved> all =
        org.automlzero.core.search.IslandParameters.all(spec, run.seed());
    for (org.automlzero.core.search.IslandParameters.Resolved r : all) {
      json.append(String.format(java.util.Locale.ROOT, "    {\"island\": %d, \"tasks\": \"%s\", \"population\": %d, "
          + "\"tournament_size\": %d, \"mutate_prob\": %s}%s%n", r.island(), r.island() >= firstMix ? "mix" : "search",
          spec.islands().population(), r.tournamentSize(), Double.toString(r.mutateProb()),
          r.island() + 1 < all.size() ? "," : ""));
    }
    json.append("  ]\n}\n");
    org.automlzero.core.io.AtomicFiles.writeString(file, json.toString(), "islands file");
  }

  private static String quoted(Object range) {
    return range == null ? "null" : "\"" + range + "\"";
  }

  /** The search was stopped by a signal after writing a checkpoint; the message says how to resume. */
  static final class RunStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    RunStopped(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }

  /** A finished run: its result and its simplified best algorithm ({@link RunSimplification}). */
  record Finished(SearchResult result, VerifiedPass.Result simplified) {}

  /** A search of a config from a state (the command's Spark or in-process search, with its listeners). */
  @FunctionalInterface
  interface Search {
    SearchResult run(ExperimentConfig config, RunState from);
  }

  /** run.max_seconds of a config (0 = no wall-clock budget). */
  static double maxSeconds(ExperimentConfig config) {
    String v = config.effective().get("run.max_seconds");
    return v == null ? 0.0 : Double.parseDouble(v);
  }

  /**
   * Runs the search of a begun plan and writes its results, holding the run directory's lock
   * throughout. A stop signal ends it with a checkpoint ({@link RunStopped}); a failure marks
   * the run failed in run.json with the reason. Bad data found only while running (on an
   * executor) is one line, exit 1.
   *
   * <p>run.max_seconds uses the same graceful stop as SIGTERM: when the wall clock (of the whole
   * run, earlier processes of a resumed run included) passes it, the search stops at the next
   * generation boundary and writes a checkpoint; then the run finishes from that checkpoint with
   * the stopped experiment's individual count as its budget (search.max_individuals = N,
   * run.max_experiments = E): its best so far is selected and finally evaluated as usual, and
   * result.json records E and N. A fresh run with those two keys set computes the same result
   * (docs/budgets.md).
   */
  static Finished runAndFinish(RunRecorder recorder, String command, Plan plan, Search search) {
    RunDirectory d = recorder.directory();
    double maxSeconds = maxSeconds(plan.config());
    try (StopSignal.Scope scope = StopSignal.activate(); TimeBudget budget = new TimeBudget(maxSeconds,
        plan.start().elapsedSeconds())) {
      SearchResult result;
      try {
        result = search.run(plan.config(), plan.start());
      } catch (StopSignal.Requested s) {
        if (!StopSignal.TIME.equals(s.signal())) {
          throw s;
        }
        result = finishAfterTimeStop(recorder, plan, search, maxSeconds);
      }
      VerifiedPass.Result simplified = RunSimplification.of(plan.config(), result);
      recorder.finish(result, simplified);
      return new Finished(result, simplified);
    } catch (StopSignal.Requested s) {
      throw new RunStopped(String.format(java.util.Locale.ROOT, "stopped at experiment %d, %,d individuals; resume "
          + "with ./submit.sh %s --resume %s", s.experiment(), s.individuals(), command, d.root()), s.exitCode());
    } catch (InputException e) {
      d.markFailed(e.getMessage());
      throw new UserError(e.getMessage() + " (found while running; " + d.runJson() + " marks the run failed)", 1, e);
    } catch (RuntimeException | Error e) {
      d.markFailed(Main.describe(e));
      throw e;
    } finally {
      d.close();
    }
  }

  /** After the time budget's stop checkpoint: finish the run with the stopped experiment's count as its budget. */
  private static SearchResult finishAfterTimeStop(RunRecorder recorder, Plan plan, Search search, double maxSeconds) {
    StopSignal.clear();
    RunState at = recorder.lastSaved();
    int experiment;
    long individuals;
    if (at.loop() != null) {
      experiment = at.loop().experiment() + 1;
      individuals = at.loop().individuals();
    } else {
      // Stopped between experiments: the finished ones are the run.
      experiment = at.experiments().size();
      individuals = at.experiments().get(experiment - 1).individuals();
    }
    System.out.println(String.format(java.util.Locale.ROOT, "run.max_seconds = %s reached: experiment %d stopped at "
        + "%,d individuals; selecting its best so far (replay: --set search.max_individuals=%d --set "
        + "run.max_experiments=%d)", plain(maxSeconds), experiment, individuals, individuals, experiment));
    recorder.stoppedBy("run.max_seconds", experiment, individuals);
    List<String> budget = List.of("search.max_individuals=" + Math.max(1, individuals),
        "run.max_experiments=" + experiment, "run.max_seconds=0");
    ExperimentConfig finish = ConfigLoader.load(recorder.directory().root().resolve("config.conf"), budget);
    return search.run(finish, at);
  }

  private static String plain(double seconds) {
    return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
  }

  /** A daemon timer that asks for the graceful stop when run.max_seconds has passed. */
  static final class TimeBudget implements AutoCloseable {
    private final java.util.Timer timer;

    TimeBudget(double maxSeconds, double elapsedBefore) {
      if (maxSeconds <= 0) {
        timer = null;
        return;
      }
      timer = new java.util.Timer("run.max_seconds", true);
      long delay = Math.max(0, Math.round((maxSeconds - elapsedBefore) * 1000));
      timer.schedule(new java.util.TimerTask() {
        @Override
        public void run() {
          StopSignal.requestIfNone(StopSignal.TIME);
        }
      }, delay);
    }

    @Override
    public void close() {
      if (timer != null) {
        timer.cancel();
      }
    }
  }

  private RunOutputs() {}

  /** Options a resumed run may still change: they do not affect what the search computes. */
  static final List<String> RESUMABLE_KEYS = List.of("run.threads", "run.progress_every", "checkpoint.every_generations",
      "checkpoint.min_seconds", "checkpoint.keep", "stats.every_individuals", "run.max_seconds");

  /** A new run of {@code config} into {@code out} (default: runs/<time>-<config name>). */
  static Plan fresh(ExperimentConfig config, Path configFile, Path out, boolean overwrite, String command) {
    Path dir = out != null ? out : RunDirectory.defaultPath(configFile, Instant.now());
    try {
      RunDirectory.checkWritable(dir, overwrite);
    } catch (RunDirectoryException e) {
      throw new UserError(e.getMessage(), 2);
    }
    return new Plan(config, dir, overwrite, null, command);
  }

  /**
   * Continues the run in {@code dir} from its newest complete checkpoint, with its own
   * config.conf; {@code overrides} may only change {@link #RESUMABLE_KEYS}.
   */
  static Plan resume(Path dir, List<String> overrides, String command, PrintStream out) {
    for (String o : overrides) {
      String key = o.contains("=") ? o.substring(0, o.indexOf('=')).trim() : o;
      if (!RESUMABLE_KEYS.contains(key)) {
        throw new UserError("--resume " + dir + ": " + key + " cannot be changed when resuming (the run continues with "
            + "its own config.conf); only " + String.join(", ", RESUMABLE_KEYS) + " can", 2);
      }
    }
    RunDirectory run;
    try {
      run = RunDirectory.open(dir);
    } catch (RunDirectoryException e) {
      throw new UserError("--resume: " + e.getMessage(), 2);
    }
    try {
      RunLock.checkFree(dir, "resumed");
    } catch (RunDirectoryException e) {
      throw new UserError("--resume: " + e.getMessage(), 2);
    }
    if (Files.exists(run.resultJson())) {
      throw new UserError("--resume: the run in " + dir + " has already finished (" + run.resultJson()
          + " exists); nothing to resume", 2);
    }
    ExperimentConfig config;
    try {
      config = ConfigLoader.load(run.config(), overrides);
    } catch (ConfigException e) {
      throw new UserError("--resume: " + e.getMessage(), 2);
    }
    Checkpoint from;
    try {
      from = new CheckpointStore(dir, config.outputs().checkpointKeep()).latest(out::println);
    } catch (RunDirectoryException e) {
      throw new UserError("--resume: " + e.getMessage(), 2);
    }
    if (!from.configDigest().equals(run.configDigest())) {
      throw new UserError("--resume: " + run.config() + " was changed after checkpoint " + from.sequence()
          + " was written (its SHA-256 differs); a run resumes only with the config it started with", 2);
    }
    if (from.seed() != config.run().seed()) {
      throw new UserError("--resume: checkpoint " + from.sequence() + " has seed " + from.seed() + " but "
          + run.config() + " says run.seed = " + config.run().seed(), 2);
    }
    return new Plan(config, dir, false, from, command);
  }

  /** Prints the best algorithm: simplified (with the verified pass's summary) unless {@code raw}. */
  static void printAlgorithm(PrintStream out, Finished run, boolean raw) {
    if (raw) {
      out.println("Algorithm found:");
      out.print(AlgorithmPrinter.print(run.result().best()));
    } else {
      out.println("Algorithm found: (simplified: constants folded, dead code removed, addresses renumbered; "
          + "--raw prints it as found; docs/simplifier.md)");
      out.print(AlgorithmPrinter.print(run.simplified().algorithm()));
      out.println("Simplifier's " + run.simplified().summary());
    }
  }
}
