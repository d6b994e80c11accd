package org.automlzero.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmPrinter;
import org.automlzero.core.config.ConfigException;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.RunState;
import org.automlzero.core.simplify.Simplifier;
import org.automlzero.runs.Checkpoint;
import org.automlzero.runs.CheckpointStore;
import org.automlzero.runs.RunDirectory;
import org.automlzero.runs.RunDirectoryException;
import org.automlzero.runs.RunRecorder;

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
            Instant.now());
        return RunRecorder.start(d, config.outputs(), config.run().seed(), log);
      }
      log.accept("Resuming " + dir + " from checkpoint " + from.sequence() + " (" + from.state().experiments().size()
          + " experiment(s) done" + (from.state().loop() == null ? ""
              : ", experiment " + (from.state().loop().experiment() + 1) + " at generation "
                  + from.state().loop().generation()) + ")");
      return RunRecorder.resume(RunDirectory.open(dir), config.outputs(), from, log);
    }
  }

  private RunOutputs() {}

  /** Options a resumed run may still change: they do not affect what the search computes. */
  static final List<String> RESUMABLE_KEYS = List.of("run.threads", "run.progress_every", "checkpoint.every_generations",
      "checkpoint.min_seconds", "checkpoint.keep", "stats.every_individuals");

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
      throw new UserError("--resume: " + e.getMessage(), 1);
    }
    if (!from.configDigest().equals(run.configDigest())) {
      throw new UserError("--resume: " + run.config() + " was changed after checkpoint " + from.sequence()
          + " was written (its SHA-256 differs); a run resumes only with the config it started with", 1);
    }
    if (from.seed() != config.run().seed()) {
      throw new UserError("--resume: checkpoint " + from.sequence() + " has seed " + from.seed() + " but "
          + run.config() + " says run.seed = " + config.run().seed(), 1);
    }
    return new Plan(config, dir, false, from, command);
  }

  /** Prints the algorithm: simplified unless {@code raw}. */
  static void printAlgorithm(PrintStream out, Algorithm best, boolean raw) {
    if (raw) {
      out.println("Algorithm found:");
      out.print(AlgorithmPrinter.print(best));
    } else {
      out.println("Algorithm found: (simplified: constants folded, dead code removed, addresses renumbered; "
          + "same fitness; --raw prints it as found)");
      out.print(AlgorithmPrinter.print(Simplifier.simplify(best)));
    }
  }

}
