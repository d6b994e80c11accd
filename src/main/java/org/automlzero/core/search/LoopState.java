package org.automlzero.core.search;

import java.util.List;
import org.automlzero.core.search.fec.FecCache;

/**
 * The whole state of a search loop between generations, as plain data: with the same spec,
 * tasks and seed, {@link EvolutionLoop#resume} continues exactly as the loop would have. Every
 * random stream is re-derived from (seed, purpose, experiment, island, generation, index), so no
 * generator state needs saving.
 *
 * @param partialFitness per island, per slot: the hurdle fitness (first tasks) of each member
 */
public record LoopState(
    int experiment,
    long generation,
    long individuals,
    long trainSteps,
    long fecHits,
    long fecMisses,
    List<IslandState> islands,
    List<double[]> partialFitness,
    List<FecCache.Entry> fecEntries) {

  public LoopState {
    islands = List.copyOf(islands);
    partialFitness = List.copyOf(partialFitness);
    fecEntries = List.copyOf(fecEntries);
  }
}
