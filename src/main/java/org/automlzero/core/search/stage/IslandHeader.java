package org.automlzero.core.search.stage;

import java.util.List;
import org.automlzero.core.search.Fitnesses;
import org.automlzero.core.search.Island;
import org.automlzero.core.search.IslandStats;

/**
 * An island of the island-stage mode without its members: what the driver needs between stages
 * to report statistics, plan migration and find the best slot, while the members stay where the
 * island's stages run ({@link ResidentIslands}). Fitnesses and hurdle fitnesses are by slot;
 * {@code oldest} is the slot the next newcomer replaces.
 */
public record IslandHeader(int size, int oldest, long individuals, double[] fitness, double[] partial) {

  /** The header of a packed island. */
  public static IslandHeader of(byte[] packed) {
    return new IslandHeader(PackedIsland.size(packed), PackedIsland.oldest(packed), PackedIsland.individuals(packed),
        PackedIsland.fitness(packed), PackedIsland.partial(packed));
  }

  /** The header after receiving {@code migrants} in order, exactly as {@link PackedIsland#receive} does. */
  public IslandHeader receive(List<PackedIsland.Migrant> migrants) {
    if (migrants.isEmpty()) {
      return this;
    }
    double[] f = fitness.clone();
    double[] p = partial.clone();
    int at = oldest;
    for (PackedIsland.Migrant m : migrants) {
      f[at] = m.fitness();
      p[at] = m.partial();
      at = (at + 1) % size;
    }
    return new IslandHeader(size, at, individuals, f, p);
  }

  public IslandStats stats(int index, long hits, long misses) {
    return Island.stats(index, individuals, fitness, hits, misses);
  }
}
