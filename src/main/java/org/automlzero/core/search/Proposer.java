package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.spec.SearchSpec;

/**
 * The propose step: the initial populations, then every generation each island's batch of
 * children, island by island. Island {@code i}'s children of generation {@code g} draw from the
 * stream {@code derive(seed, "propose", experiment, i, g)} only; initial member {@code m} of
 * island {@code i} from {@code derive(seed, "init", experiment, i, m)}.
 */
final class Proposer {
  private final SearchSpec spec;
  private final Mutator mutator;
  private final long seed;
  private final int experiment;

  Proposer(SearchSpec spec, Mutator mutator, long seed, int experiment) {
    this.spec = spec;
    this.mutator = mutator;
    this.seed = seed;
    this.experiment = experiment;
  }

  /** Candidates in proposal order, with each one's island. */
  record Batch(List<Algorithm> candidates, int[] islandOf) {}

  Batch initial(int islands, int population) {
    List<Algorithm> all = new ArrayList<>(islands * population);
    int[] islandOf = new int[islands * population];
    for (int i = 0; i < islands; i++) {
      for (int m = 0; m < population; m++) {
        islandOf[all.size()] = i;
        all.add(InitialAlgorithms.create(spec.initialAlgorithm(), spec, mutator, Rng.derive(seed, "init", experiment,
            i, m)));
      }
    }
    return new Batch(all, islandOf);
  }

  /**
   * Generation {@code g}'s children: per island, {@code children_per_generation} tournament
   * winners mutated (regularized evolution) or fresh random algorithms (random search).
   */
  Batch children(Island[] islands, long g) {
    int n = islands.length;
    int b = spec.islands().children();
    List<Algorithm> children = new ArrayList<>(n * b);
    int[] islandOf = new int[n * b];
    for (int i = 0; i < n; i++) {
      Rng rng = Rng.derive(seed, "propose", experiment, i, g);
      List<Algorithm> proposed = switch (spec.method()) {
        case EVOLUTION -> islands[i].propose(b, spec.tournamentSize(), mutator, rng);
        case RANDOM_SEARCH -> {
          List<Algorithm> fresh = new ArrayList<>(b);
          for (int c = 0; c < b; c++) {
            fresh.add(mutator.randomAlgorithm(rng));
          }
          yield fresh;
        }
      };
      for (int c = 0; c < b; c++) {
        islandOf[children.size()] = i;
        children.add(proposed.get(c));
      }
    }
    return new Batch(children, islandOf);
  }
}
