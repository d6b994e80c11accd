package org.automlzero.runs.report;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the HTML run report shows about one search run, independent of how the run
 * directory stores it. All values are validated here, so the renderer can trust them.
 *
 * @param runName     the run's name, shown in the title
 * @param configText  the config as written in the run directory
 * @param seed        the run's seed
 * @param startTime   when the run started
 * @param generations one row per (generation, island), in any order; no pair twice
 * @param experiments one row per search experiment; no experiment number twice
 * @param result      the final result, absent while a run has not finished
 * @param notes       free-form remarks shown under the summary
 */
public record ReportData(
    String runName,
    String configText,
    long seed,
    Instant startTime,
    List<GenerationRow> generations,
    List<Experiment> experiments,
    Optional<FinalResult> result,
    List<String> notes) {

  public ReportData {
    Objects.requireNonNull(runName, "runName");
    Objects.requireNonNull(configText, "configText");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(result, "result");
    if (runName.isBlank()) {
      throw new IllegalArgumentException("Run name must not be blank, but was '" + runName + "'");
    }
    generations = List.copyOf(generations);
    experiments = List.copyOf(experiments);
    notes = List.copyOf(notes);
    Set<String> seenRows = new HashSet<>();
    for (GenerationRow row : generations) {
      if (!seenRows.add(row.generation() + "/" + row.island())) {
        throw new IllegalArgumentException("Generation rows must be unique per (generation, island), but"
            + " generation " + row.generation() + " island " + row.island() + " appears twice");
      }
    }
    Set<Integer> seenExperiments = new HashSet<>();
    for (Experiment experiment : experiments) {
      if (!seenExperiments.add(experiment.experiment())) {
        throw new IllegalArgumentException(
            "Experiment numbers must be unique, but " + experiment.experiment() + " appears twice");
      }
    }
  }

  /**
   * Statistics of one island after one generation.
   *
   * @param individuals          individuals this island has evaluated so far (cumulative)
   * @param elapsedSeconds       wall-clock seconds since the run started
   * @param fecHits              candidates of this generation answered by the FEC cache
   * @param fecMisses            candidates of this generation that had to be evaluated
   * @param individualsPerSecond this island's throughput in this generation
   */
  public record GenerationRow(
      long generation,
      int island,
      long individuals,
      double elapsedSeconds,
      double bestFitness,
      double meanFitness,
      double stdevFitness,
      long fecHits,
      long fecMisses,
      double individualsPerSecond) {

    public GenerationRow {
      String where = "generation " + generation + " island " + island;
      requireNonNegative("generation", generation, where);
      requireNonNegative("island", island, where);
      requireNonNegative("individuals", individuals, where);
      requireNonNegative("FEC hits", fecHits, where);
      requireNonNegative("FEC misses", fecMisses, where);
      requireFinite("best fitness", bestFitness, where);
      requireFinite("mean fitness", meanFitness, where);
      requireNonNegativeFinite("elapsed seconds", elapsedSeconds, where);
      requireNonNegativeFinite("stdev fitness", stdevFitness, where);
      requireNonNegativeFinite("individuals per second", individualsPerSecond, where);
    }

    /** Fraction of this generation's candidates answered by the FEC cache; empty if there were none. */
    public Optional<Double> fecHitRate() {
      long total = fecHits + fecMisses;
      return total == 0 ? Optional.empty() : Optional.of((double) fecHits / total);
    }
  }

  /** The best algorithm of one search experiment: its fitness on the search and select tasks. */
  public record Experiment(int experiment, double searchFitness, double selectFitness, long individuals) {

    public Experiment {
      String where = "experiment " + experiment;
      requireNonNegative("experiment number", experiment, where);
      requireNonNegative("individuals", individuals, where);
      requireFinite("search fitness", searchFitness, where);
      requireFinite("select fitness", selectFitness, where);
    }
  }

  /**
   * The run's outcome: fitnesses of the chosen algorithm and its readable text, raw and
   * simplified (either may be absent, e.g. for a run written before simplification existed).
   */
  public record FinalResult(
      double searchFitness,
      double selectFitness,
      double finalFitness,
      Optional<String> rawAlgorithm,
      Optional<String> simplifiedAlgorithm) {

    public FinalResult {
      requireFinite("search fitness", searchFitness, "the final result");
      requireFinite("select fitness", selectFitness, "the final result");
      requireFinite("final fitness", finalFitness, "the final result");
      Objects.requireNonNull(rawAlgorithm, "rawAlgorithm");
      Objects.requireNonNull(simplifiedAlgorithm, "simplifiedAlgorithm");
    }
  }

  private static void requireNonNegative(String name, long value, String where) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "Report " + name + " must be >= 0, but was " + value + " (" + where + ")");
    }
  }

  private static void requireFinite(String name, double value, String where) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "Report " + name + " must be a finite number, but was " + value + " (" + where + ")");
    }
  }

  private static void requireNonNegativeFinite(String name, double value, String where) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(
          "Report " + name + " must be finite and >= 0, but was " + value + " (" + where + ")");
    }
  }
}
