package org.automlzero.runs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmJson;
import org.automlzero.core.algorithm.AlgorithmPrinter;
import org.automlzero.core.config.OutputSpec;
import org.automlzero.core.io.AtomicFiles;
import org.automlzero.core.search.ExperimentResult;
import org.automlzero.core.search.GenerationListener;
import org.automlzero.core.search.GenerationReport;
import org.automlzero.core.search.IslandState;
import org.automlzero.core.search.IslandStats;
import org.automlzero.core.search.RunCheckpoints;
import org.automlzero.core.search.RunState;
import org.automlzero.core.search.SearchResult;
import org.automlzero.core.simplify.VerifiedPass;

/**
 * Writes a run into its {@link RunDirectory} as it goes: the search calls it after every
 * generation (statistics rows, buffered) and at checkpoint time (the buffered rows become one
 * Parquet part, then the checkpoint is written, so a checkpoint never counts a part that is not
 * complete); {@link #finish} writes the result files and the report. The same recorder serves
 * the in-process and the Spark search, so both write the same layout.
 */
public final class RunRecorder implements GenerationListener, RunCheckpoints {
  private final RunDirectory dir;
  private final OutputSpec outputs;
  private final long seed;
  private final String configDigest;
  private final CheckpointStore store;
  private final Consumer<String> log;
  private final double elapsedBefore;
  private final long startNanos = System.nanoTime();
  private final List<StatsRow> pending = new ArrayList<>();
  private int nextPart;
  private long nextSequence;
  private long lastCheckpointNanos = startNanos;
  private int experiment = -1;
  private long lastIndividuals;
  private long nextStatsAt;
  private long[] islandIndividuals = new long[0];
  private double[] islandSeconds = new double[0];
  private RunState lastSaved;
  private String stoppedBy;
  private long stoppedExperiment;
  private long stoppedIndividuals;

  private RunRecorder(RunDirectory dir, OutputSpec outputs, long seed, Consumer<String> log, int nextPart,
      long nextSequence, double elapsedBefore) {
    this.dir = dir;
    this.outputs = outputs;
    this.seed = seed;
    this.configDigest = dir.configDigest();
    this.store = new CheckpointStore(dir.root(), outputs.checkpointKeep());
    this.log = log;
    this.nextPart = nextPart;
    this.nextSequence = nextSequence;
    this.elapsedBefore = elapsedBefore;
  }

  /** A recorder for a new run in a freshly created directory. */
  public static RunRecorder start(RunDirectory dir, OutputSpec outputs, long seed, Consumer<String> log) {
    return new RunRecorder(dir, outputs, seed, log, 0, 1, 0.0);
  }

  /**
   * A recorder that continues after {@code from}: statistics parts and checkpoints written after
   * it (an interrupted run's last, possibly torn, files) are removed first.
   */
  public static RunRecorder resume(RunDirectory dir, OutputSpec outputs, Checkpoint from, Consumer<String> log) {
    for (int part : StatsParquet.parts(dir.root())) {
      if (part >= from.statsParts()) {
        AtomicFiles.deleteQuietly(StatsParquet.part(dir.root(), part));
      }
    }
    CheckpointStore store = new CheckpointStore(dir.root(), outputs.checkpointKeep());
    for (long s : store.sequences()) {
      if (s > from.sequence()) {
        AtomicFiles.deleteQuietly(store.file(s));
      }
    }
    RunRecorder r = new RunRecorder(dir, outputs, from.seed(), log, from.statsParts(), from.sequence() + 1,
        from.state().elapsedSeconds());
    RunState s = from.state();
    if (s.loop() != null) {
      r.experiment = s.loop().experiment();
      r.lastIndividuals = s.loop().individuals();
      long every = outputs.statsEveryIndividuals();
      r.nextStatsAt = every == 0 ? 0 : (r.lastIndividuals / every + 1) * every;
      List<IslandState> islands = s.loop().islands();
      r.islandIndividuals = new long[islands.size()];
      r.islandSeconds = new double[islands.size()];
      for (int i = 0; i < islands.size(); i++) {
        r.islandIndividuals[i] = islands.get(i).individuals();
        r.islandSeconds[i] = s.loopElapsedSeconds();
      }
    }
    return r;
  }

  public RunDirectory directory() {
    return dir;
  }

  private double elapsed() {
    return elapsedBefore + (System.nanoTime() - startNanos) / 1e9;
  }

  /** Whether the next report needs island statistics (the core skips computing them otherwise). */
  @Override
  public boolean wantsIslandStats(long individuals) {
    return outputs.statsEveryIndividuals() == 0 || individuals >= nextStatsAt || individuals < lastIndividuals;
  }

  @Override
  public void onGeneration(GenerationReport r) {
    if (r.experiment() != experiment) {
      experiment = r.experiment();
      nextStatsAt = 0;
      islandIndividuals = new long[r.islands().size()];
      islandSeconds = new double[r.islands().size()];
    }
    lastIndividuals = r.individuals();
    long every = outputs.statsEveryIndividuals();
    if (r.islands().isEmpty() || (every > 0 && r.individuals() < nextStatsAt)) {
      return;
    }
    nextStatsAt = every == 0 ? 0 : (r.individuals() / every + 1) * every;
    if (islandIndividuals.length != r.islands().size()) {
      islandIndividuals = new long[r.islands().size()];
      islandSeconds = new double[r.islands().size()];
    }
    double now = elapsed();
    for (IslandStats s : r.islands()) {
      int i = s.island();
      // Rates over the experiment's own clock (which a resumed loop continues), since the island's last row.
      double dt = r.elapsedSeconds() - islandSeconds[i];
      double rate = dt > 0 ? (s.individuals() - islandIndividuals[i]) / dt : 0.0;
      pending.add(new StatsRow(r.experiment(), r.generation(), i, s.individuals(), s.bestFitness(), s.meanFitness(),
          s.stdevFitness(), s.fecHits(), s.fecMisses(), now, Math.max(0.0, rate)));
      islandIndividuals[i] = s.individuals();
      islandSeconds[i] = r.elapsedSeconds();
    }
  }

  /**
   * This recorder and {@code other} as one listener: both see every report, and island
   * statistics are computed when either wants them.
   */
  public GenerationListener alongside(GenerationListener other) {
    RunRecorder self = this;
    return new GenerationListener() {
      @Override
      public void onGeneration(GenerationReport report) {
        other.onGeneration(report);
        self.onGeneration(report);
      }

      @Override
      public boolean wantsIslandStats(long individuals) {
        // Both are asked: each may track its own schedule.
        boolean a = other.wantsIslandStats(individuals);
        boolean b = self.wantsIslandStats(individuals);
        return a || b;
      }
    };
  }

  /** The generation of the previous {@link #due} call. */
  private long lastGeneration;

  @Override
  public boolean due(int experimentNumber, long generation) {
    if (StopSignal.requested() != null) {
      return true; // the generation boundary after a stop signal: checkpoint here, then stop
    }
    long every = outputs.checkpointEveryGenerations();
    long last = lastGeneration;
    lastGeneration = generation;
    if (every <= 0) {
      return false;
    }
    // A multiple of `every` reached or passed: island stages advance many generations at once.
    boolean reached = generation % every == 0 || (generation > last && generation / every > last / every);
    return reached && (System.nanoTime() - lastCheckpointNanos) / 1e9 >= outputs.checkpointMinSeconds();
  }

  @Override
  public void save(RunState state) {
    flushStats();
    if (state.loop() == null) {
      writeExperiments(state.experiments());
    }
    store.write(new Checkpoint(nextSequence++, seed, configDigest, nextPart, state));
    lastSaved = state;
    lastCheckpointNanos = System.nanoTime();
    String signal = StopSignal.requested();
    if (signal != null) {
      int experimentNumber = state.loop() != null ? state.loop().experiment() + 1 : state.experiments().size();
      long individuals = state.individuals() + (state.loop() != null ? state.loop().individuals() : 0);
      throw new StopSignal.Requested(signal, experimentNumber, individuals);
    }
  }

  private void flushStats() {
    if (!pending.isEmpty()) {
      StatsParquet.writePart(dir.root(), nextPart++, pending);
      pending.clear();
    }
  }

  private void writeExperiments(List<ExperimentResult> experiments) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("experiments");
      for (ExperimentResult e : experiments) {
        json.writeStartObject();
        json.writeNumberField("experiment", e.experiment() + 1);
        JsonDoubles.write(json, "search_fitness", e.searchFitness());
        JsonDoubles.write(json, "select_fitness", e.selectFitness());
        json.writeNumberField("individuals", e.individuals());
        json.writeStringField("algorithm_text", AlgorithmPrinter.print(e.best()));
        json.writeFieldName("algorithm");
        AlgorithmJson.write(e.best(), json);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.writeString(dir.experimentsJson(), text + "\n");
  }

  /** The state of the newest checkpoint this recorder wrote (null before the first). */
  public RunState lastSaved() {
    return lastSaved;
  }

  /**
   * Records in result.json that a budget ({@code key}, e.g. run.max_seconds) ended the run:
   * experiment {@code experiment} (1-based) stopped after {@code individuals} individuals.
   */
  public void stoppedBy(String key, int experiment, long individuals) {
    this.stoppedBy = key;
    this.stoppedExperiment = experiment;
    this.stoppedIndividuals = individuals;
  }

  /**
   * Writes the final statistics, algorithm files, result.json and report.html; algorithm.txt is
   * {@code simplified}'s algorithm (the exact rules and the verified pass), result.json says what
   * the verified pass removed.
   */
  public void finish(SearchResult result, VerifiedPass.Result simplified) {
    flushStats();
    Algorithm best = result.best();
    AtomicFiles.writeString(dir.algorithmRawText(), AlgorithmPrinter.print(best));
    AtomicFiles.writeString(dir.algorithmText(), AlgorithmPrinter.print(simplified.algorithm()));
    AtomicFiles.writeString(dir.algorithmJson(), AlgorithmJson.write(best));
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeNumberField("seed", seed);
      JsonDoubles.write(json, "search_fitness", result.searchFitness());
      JsonDoubles.write(json, "select_fitness", result.selectFitness());
      JsonDoubles.write(json, "final_fitness", result.finalFitness());
      json.writeNumberField("experiments", result.experiments());
      json.writeNumberField("individuals", result.individuals());
      json.writeNumberField("train_steps", result.trainSteps());
      json.writeNumberField("fec_hits", result.fecHits());
      json.writeNumberField("fec_misses", result.fecMisses());
      JsonDoubles.write(json, "elapsed_seconds", result.elapsedSeconds());
      JsonDoubles.write(json, "individuals_per_second", result.individualsPerSecond());
      if (stoppedBy != null) {
        // Where a time budget stopped the run: the same config with search.max_individuals = this count
        // and run.max_experiments = this experiment replays it exactly (docs/budgets.md).
        json.writeStringField("stopped_by", stoppedBy);
        json.writeNumberField("stopped_experiment", stoppedExperiment);
        json.writeNumberField("stopped_at_individuals", stoppedIndividuals);
      }
      json.writeBooleanField("simplified", true);
      writeVerifiedPass(json, simplified);
      json.writeFieldName("algorithm");
      AlgorithmJson.write(best, json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.writeString(dir.resultJson(), text + "\n");
    try {
      RunReport.write(dir);
    } catch (RuntimeException e) {
      log.accept("warning: could not write " + dir.report() + ": " + e.getMessage());
    }
  }

  /** result.json's "verified_pass": what the simplifier's last pass removed from algorithm.txt (docs/simplifier.md). */
  private static void writeVerifiedPass(JsonGenerator json, VerifiedPass.Result pass) throws IOException {
    json.writeObjectFieldStart("verified_pass");
    json.writeNumberField("tolerance", VerifiedPass.TOLERANCE);
    JsonDoubles.write(json, "final_fitness_before", pass.fitnessBefore());
    JsonDoubles.write(json, "final_fitness_after", pass.fitnessAfter());
    json.writeNumberField("evaluations", pass.evaluations());
    json.writeBooleanField("capped", pass.capped());
    json.writeArrayFieldStart("removed");
    for (VerifiedPass.Removal removal : pass.removals()) {
      json.writeString(removal.toString());
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
