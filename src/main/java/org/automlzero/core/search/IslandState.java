package org.automlzero.core.search;

import java.util.Arrays;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;

/**
 * One island as plain data (for checkpoints): members and fitnesses by slot, the slot of the
 * oldest member (slots age in ring order from there), and how many candidates this island has
 * evaluated. Restoring it gives back an island that continues identically.
 */
public record IslandState(List<Algorithm> members, double[] fitness, int oldest, long individuals) {
  public IslandState {
    members = List.copyOf(members);
    fitness = fitness.clone();
    if (members.isEmpty() || members.size() != fitness.length) {
      throw new IllegalArgumentException(
          "an island needs one fitness per member, but had " + members.size() + " members and " + fitness.length
              + " fitnesses");
    }
    if (oldest < 0 || oldest >= members.size()) {
      throw new IllegalArgumentException("oldest slot must be in [0, " + members.size() + "), but was " + oldest);
    }
  }

  @Override
  public double[] fitness() {
    return fitness.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IslandState s && members.equals(s.members) && Arrays.equals(fitness, s.fitness)
        && oldest == s.oldest && individuals == s.individuals;
  }

  @Override
  public int hashCode() {
    return 31 * members.hashCode() + Arrays.hashCode(fitness) + 7 * oldest + Long.hashCode(individuals);
  }
}
