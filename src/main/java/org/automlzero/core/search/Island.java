package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.spec.HurdleSpec;

/**
 * Regularized evolution on one population, in batch form. {@link #propose} makes children from
 * the current population (tournament of size T with replacement, the first drawn wins ties,
 * mutation with the mutator's probability); {@link #accept} adds evaluated children, each
 * replacing the oldest member. Members live in slots of a ring: slot {@code oldest} holds the
 * oldest member, the next slots the next oldest, so ages are exact and reproducible. With one
 * child per call this is the original's steady state. Each member carries its hurdle fitness
 * (its fitness on the first tasks, see {@link HurdleSpec}) beside its fitness.
 */
public final class Island {
  private final Algorithm[] members;
  private final double[] fitness;
  private final double[] partial;
  private int oldest;
  private long individuals;

  /** A new island from its evaluated initial members (slot 0 is the oldest), hurdle fitnesses zero. */
  public Island(List<Algorithm> initial, double[] initialFitness) {
    this(new IslandState(initial, initialFitness, 0, initial.size()));
  }

  /** Restores an island from its state, hurdle fitnesses zero. */
  public Island(IslandState state) {
    this(state, new double[state.members().size()]);
  }

  /** Restores an island from its state and its members' hurdle fitnesses by slot. */
  public Island(IslandState state, double[] partial) {
    if (partial.length != state.members().size()) {
      throw new IllegalArgumentException("an island of " + state.members().size() + " members needs as many hurdle "
          + "fitnesses, but had " + partial.length);
    }
    this.members = state.members().toArray(new Algorithm[0]);
    this.fitness = state.fitness();
    this.partial = partial.clone();
    this.oldest = state.oldest();
    this.individuals = state.individuals();
  }

  public IslandState state() {
    return new IslandState(Arrays.asList(members), fitness, oldest, individuals);
  }

  /** The members' hurdle fitnesses by slot (a copy). */
  public double[] partials() {
    return partial.clone();
  }

  /** The hurdle: the {@code percentile}-th percentile of the members' hurdle fitnesses. */
  public double hurdle(double percentile) {
    return Fitnesses.percentile(partial, percentile);
  }

  public int size() {
    return members.length;
  }

  /** Candidates this island has evaluated (initial members included). */
  public long individuals() {
    return individuals;
  }

  /**
   * {@code count} children, each from its own tournament over the population as it is now
   * (children proposed in the same call do not compete). Draws from {@code rng} only.
   */
  public List<Algorithm> propose(int count, int tournamentSize, Mutator mutator, Rng rng) {
    List<Algorithm> children = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      children.add(mutator.mutate(members[tournament(tournamentSize, rng)], rng));
    }
    return children;
  }

  /**
   * The slot of a tournament winner: {@code size} slots drawn uniformly with replacement, the
   * fittest wins, the first drawn wins ties.
   */
  public int tournament(int size, Rng rng) {
    int best = -1;
    double bestFitness = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < size; t++) {
      int slot = rng.nextInt(members.length);
      if (best == -1 || fitness[slot] > bestFitness) {
        best = slot;
        bestFitness = fitness[slot];
      }
    }
    return best;
  }

  /** Adds evaluated children in order; each replaces the oldest member and becomes the youngest. */
  public void accept(List<Algorithm> children, double[] childFitness) {
    accept(children, childFitness, new double[children.size()]);
  }

  /** The same, with the children's hurdle fitnesses. */
  public void accept(List<Algorithm> children, double[] childFitness, double[] childPartial) {
    if (children.size() != childFitness.length || children.size() != childPartial.length) {
      throw new IllegalArgumentException("expected one fitness per child, but got "
          + (children.size() != childFitness.length ? childFitness.length + "" : childPartial.length + " hurdle")
          + " for " + children.size() + " children");
    }
    for (int i = 0; i < children.size(); i++) {
      replaceOldest(children.get(i), childFitness[i], childPartial[i]);
    }
    individuals += children.size();
  }

  /** Migrants enter like children (replacing the oldest) but were evaluated elsewhere: not counted. */
  void receive(Algorithm migrant, double migrantFitness, double migrantPartial) {
    replaceOldest(migrant, migrantFitness, migrantPartial);
  }

  private void replaceOldest(Algorithm algorithm, double f, double p) {
    members[oldest] = algorithm;
    fitness[oldest] = f;
    partial[oldest] = p;
    oldest = (oldest + 1) % members.length;
  }

  public double partial(int slot) {
    return partial[slot];
  }

  public Algorithm member(int slot) {
    return members[slot];
  }

  public double fitness(int slot) {
    return fitness[slot];
  }

  /** The slot of the oldest member. */
  public int oldestSlot() {
    return oldest;
  }

  /** The slot with the highest fitness; ties go to the youngest (most recent) member. */
  public int bestSlot() {
    return bestSlot(fitness, oldest);
  }

  /** {@link #bestSlot()} of an island given by its fitnesses by slot and its oldest slot. */
  public static int bestSlot(double[] fitness, int oldest) {
    int n = fitness.length;
    int best = -1;
    for (int r = n - 1; r >= 0; r--) {
      int slot = (oldest + r) % n;
      if (best == -1 || fitness[slot] > fitness[best]) {
        best = slot;
      }
    }
    return best;
  }

  /** Slots of the {@code k} fittest members, fitness descending, ties to the younger member. */
  public int[] bestSlots(int k) {
    return bestSlots(fitness, oldest, k);
  }

  /** {@link #bestSlots(int)} of an island given by its fitnesses by slot and its oldest slot. */
  public static int[] bestSlots(double[] fitness, int oldest, int k) {
    int n = fitness.length;
    Integer[] order = new Integer[n];
    for (int r = 0; r < n; r++) {
      order[r] = (oldest + n - 1 - r) % n; // youngest first
    }
    Arrays.sort(order, (a, b) -> Double.compare(fitness[b], fitness[a])); // stable: ties stay youngest first
    int[] slots = new int[k];
    for (int i = 0; i < k; i++) {
      slots[i] = order[i];
    }
    return slots;
  }

  /** Population statistics: mean, standard deviation (population formula) and best fitness. */
  public IslandStats stats(int islandIndex, long hits, long misses) {
    return stats(islandIndex, individuals, fitness, hits, misses);
  }

  /** {@link #stats(int, long, long)} of an island given by its count and its fitnesses by slot. */
  public static IslandStats stats(int islandIndex, long individuals, double[] fitness, long hits, long misses) {
    double total = 0.0;
    double squares = 0.0;
    double best = Double.NEGATIVE_INFINITY;
    for (double f : fitness) {
      total += f;
      squares += f * f;
      best = Math.max(best, f);
    }
    double mean = total / fitness.length;
    double var = Math.max(0.0, squares / fitness.length - mean * mean);
    return new IslandStats(islandIndex, individuals, best, mean, Math.sqrt(var), hits, misses);
  }
}
