package org.automlzero.core.search.spec;

import java.util.List;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.InitAlgorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.interpreter.FitnessCombination;
import org.automlzero.core.search.IslandParameters;

/**
 * Everything one search experiment needs besides its tasks: the search space, the method and
 * its parameters, FEC, the train budget, hurdles, the island model and the stopping limits.
 * The config loader builds it (and names keys in its errors); the constructor only guards
 * invariants.
 *
 * @param maxIndividuals stop an experiment once this many candidates (initial population
 *     included, all islands together) were evaluated
 * @param maxTrainSteps stop once this many training steps (FEC runs included) were spent; 0 = no limit
 * @param progressEvery individuals between progress lines (0 = none)
 * @param ranges per-island ranges of the tournament size and mutate probability (island-stage
 *     mode; {@link IslandParameters})
 */
public record SearchSpec(
    MemoryShape shape,
    FunctionSpec setup,
    FunctionSpec predict,
    FunctionSpec learn,
    InitAlgorithm initialAlgorithm,
    SearchMethod method,
    int tournamentSize,
    double mutateProb,
    List<MutationType> mutations,
    IslandSpec islands,
    FecSpec fec,
    TrainBudgetSpec trainBudget,
    HurdleSpec hurdles,
    long maxIndividuals,
    long maxTrainSteps,
    double maxAbsError,
    FitnessCombination fitnessCombination,
    long progressEvery,
    IslandParameters.Ranges ranges) {

  /** A spec whose islands all use its own tournament size and mutate probability. */
  public SearchSpec(MemoryShape shape, FunctionSpec setup, FunctionSpec predict, FunctionSpec learn,
      InitAlgorithm initialAlgorithm, SearchMethod method, int tournamentSize, double mutateProb,
      List<MutationType> mutations, IslandSpec islands, FecSpec fec, TrainBudgetSpec trainBudget, HurdleSpec hurdles,
      long maxIndividuals, long maxTrainSteps, double maxAbsError, FitnessCombination fitnessCombination,
      long progressEvery) {
    this(shape, setup, predict, learn, initialAlgorithm, method, tournamentSize, mutateProb, mutations, islands, fec,
        trainBudget, hurdles, maxIndividuals, maxTrainSteps, maxAbsError, fitnessCombination, progressEvery,
        IslandParameters.Ranges.NONE);
  }

  public SearchSpec {
    mutations = List.copyOf(mutations);
    if (mutations.isEmpty()) {
      throw new IllegalArgumentException("at least one mutation type is needed");
    }
    if (tournamentSize < 1 || tournamentSize > islands.population()) {
      throw new IllegalArgumentException("tournament size must be in [1, population=" + islands.population()
          + "], but was " + tournamentSize);
    }
    if (!(mutateProb >= 0.0 && mutateProb <= 1.0)) {
      throw new IllegalArgumentException("mutate probability must be in [0, 1], but was " + mutateProb);
    }
    if (maxIndividuals < 1 || maxTrainSteps < 0) {
      throw new IllegalArgumentException(
          "limits must be positive, but were individuals=" + maxIndividuals + " train steps=" + maxTrainSteps);
    }
    if (!(maxAbsError > 0.0)) {
      throw new IllegalArgumentException("max abs error must be > 0, but was " + maxAbsError);
    }
    if (ranges == null) {
      ranges = IslandParameters.Ranges.NONE;
    }
    if (ranges.any() && islands.mode() != IslandMode.ISLAND_STAGE) {
      throw new IllegalArgumentException("per-island parameter ranges need the island-stage mode");
    }
    if (ranges.tournamentSize() != null && ranges.tournamentSize().high() > islands.population()) {
      throw new IllegalArgumentException("tournament sizes must be in [1, population=" + islands.population()
          + "], but the range was " + ranges.tournamentSize());
    }
  }

  public FunctionSpec function(ComponentFunctionType type) {
    return switch (type) {
      case SETUP -> setup;
      case PREDICT -> predict;
      case LEARN -> learn;
    };
  }
}
