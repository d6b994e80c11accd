package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.spec.SearchSpec;

/**
 * Search parameters drawn per island from declared ranges (the paper's heterogeneous workers:
 * "where a parameter is given as a range, different workers use different values from it"),
 * in the island-stage mode. Island {@code i}'s values are a pure function of the run seed and
 * {@code i}: both are drawn, in this order, from {@code derive(runSeed, "island-parameters", i)}
 * whether or not a range is declared, so declaring one range never changes the other's draws.
 * A tournament size is uniform over the integers of its range, a mutate probability uniform
 * over its interval. Without ranges every island uses the spec's own values.
 *
 * <p>Only the tournament size and the mutate probability take ranges: a per-island population
 * size would change how the driver lays out and exchanges populations, which this does not touch.
 */
public final class IslandParameters {
  private IslandParameters() {}

  /** A closed interval [low, high]. */
  public record Range(double low, double high) {
    public Range {
      if (!(low <= high)) {
        throw new IllegalArgumentException("a range needs low <= high, but was " + low + ".." + high);
      }
    }

    @Override
    public String toString() {
      return low + ".." + high;
    }
  }

  /** The declared ranges; a null range means the spec's single value for every island. */
  public record Ranges(Range tournamentSize, Range mutateProb) {
    public static final Ranges NONE = new Ranges(null, null);

    public Ranges {
      if (tournamentSize != null && (tournamentSize.low() < 1 || tournamentSize.low() != Math.rint(tournamentSize.low())
          || tournamentSize.high() != Math.rint(tournamentSize.high()))) {
        throw new IllegalArgumentException("a tournament size range needs integers >= 1, but was " + tournamentSize);
      }
      if (mutateProb != null && (mutateProb.low() < 0 || mutateProb.high() > 1)) {
        throw new IllegalArgumentException("a mutate probability range must lie in [0, 1], but was " + mutateProb);
      }
    }

    /** True when any range is declared. */
    public boolean any() {
      return tournamentSize != null || mutateProb != null;
    }
  }

  /** One island's resolved parameters. */
  public record Resolved(int island, int tournamentSize, double mutateProb) {}

  /** Island {@code island}'s parameters under {@code spec}'s ranges and the run seed. */
  public static Resolved resolve(SearchSpec spec, long runSeed, int island) {
    Ranges ranges = spec.ranges();
    if (!ranges.any()) {
      return new Resolved(island, spec.tournamentSize(), spec.mutateProb());
    }
    Rng rng = Rng.derive(runSeed, "island-parameters", island);
    int lowT = ranges.tournamentSize() == null ? 0 : (int) ranges.tournamentSize().low();
    int highT = ranges.tournamentSize() == null ? 0 : (int) ranges.tournamentSize().high();
    int t = lowT + rng.nextInt(highT - lowT + 1);
    double u = rng.nextDouble();
    return new Resolved(island, ranges.tournamentSize() == null ? spec.tournamentSize() : t,
        ranges.mutateProb() == null ? spec.mutateProb()
            : ranges.mutateProb().low() + u * (ranges.mutateProb().high() - ranges.mutateProb().low()));
  }

  /** Every island's parameters, island by island. */
  public static List<Resolved> all(SearchSpec spec, long runSeed) {
    List<Resolved> out = new ArrayList<>();
    for (int i = 0; i < spec.islands().islands(); i++) {
      out.add(resolve(spec, runSeed, i));
    }
    return out;
  }
}
