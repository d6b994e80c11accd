package org.automlzero.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.spec.FecSpec;
import org.junit.jupiter.api.Test;

class IslandTest {
  /** Distinct algorithms: algorithm k has k+1 setup instructions. */
  private static Algorithm algorithm(int k) {
    return Algorithm.noOp(k + 1, 1, 1);
  }

  private static Island island(int p, double[] fitness) {
    List<Algorithm> members = new ArrayList<>();
    for (int k = 0; k < p; k++) {
      members.add(algorithm(k));
    }
    return new Island(members, fitness);
  }

  @Test
  void theOldestIsAlwaysTheOneRemoved() {
    int p = 5;
    Island island = island(p, new double[] {0.9, 0.1, 0.5, 0.3, 0.7});
    for (int step = 0; step < 12; step++) {
      int oldest = island.oldestSlot();
      Algorithm oldestMember = island.member(oldest);
      Algorithm child = algorithm(100 + step);
      island.accept(List.of(child), new double[] {step == 0 ? 0.0 : 1.0});
      assertThat(island.member(oldest)).isSameAs(child);
      assertThat(island.oldestSlot()).isEqualTo((oldest + 1) % p); // the child is the youngest
      for (int s = 0; s < p; s++) {
        assertThat(island.member(s)).isNotSameAs(oldestMember);
      }
    }
    // The fittest initial member (0.9) died at its turn although it was the best.
    assertThat(island.individuals()).isEqualTo(p + 12);
  }

  @Test
  void batchesReplaceTheOldestInOrder() {
    Island island = island(4, new double[] {1, 2, 3, 4});
    island.accept(List.of(algorithm(10), algorithm(11)), new double[] {5, 6});
    assertThat(island.member(0)).isEqualTo(algorithm(10));
    assertThat(island.member(1)).isEqualTo(algorithm(11));
    assertThat(island.oldestSlot()).isEqualTo(2);
    island.accept(List.of(algorithm(12), algorithm(13)), new double[] {7, 8});
    assertThat(island.member(2)).isEqualTo(algorithm(12));
    assertThat(island.member(3)).isEqualTo(algorithm(13));
    assertThat(island.oldestSlot()).isZero(); // algorithm(10), the oldest of the four now
  }

  @Test
  void tournamentStatisticsMatchTheory() {
    // P = 10 members with fitness = slot; a tournament of T draws with replacement picks the
    // maximum, so P(winner = k) = ((k+1)^T - k^T) / P^T.
    int p = 10;
    int t = 3;
    double[] fitness = new double[p];
    for (int k = 0; k < p; k++) {
      fitness[k] = k;
    }
    Island island = island(p, fitness);
    Rng rng = new Rng(2024);
    int n = 200_000;
    int[] wins = new int[p];
    for (int i = 0; i < n; i++) {
      wins[island.tournament(t, rng)]++;
    }
    double chiSquare = 0.0;
    for (int k = 0; k < p; k++) {
      double expected = n * (Math.pow(k + 1, t) - Math.pow(k, t)) / Math.pow(p, t);
      chiSquare += (wins[k] - expected) * (wins[k] - expected) / expected;
    }
    // 9 degrees of freedom: the 99.9% quantile is 27.9.
    assertThat(chiSquare).isLessThan(27.9);
  }

  @Test
  void theFirstDrawnWinsTies() {
    Island island = island(6, new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5});
    for (long seed = 0; seed < 100; seed++) {
      int firstDrawn = new Rng(seed).nextInt(6);
      assertThat(island.tournament(4, new Rng(seed))).isEqualTo(firstDrawn);
    }
  }

  @Test
  void proposeUsesOnlyTheRngAndTheSnapshot() {
    Mutator mutator = new Mutator(Specs.small(Specs.steadyState(8), FecSpec.DISABLED, 100));
    List<Algorithm> members = new ArrayList<>();
    Rng init = new Rng(1);
    for (int k = 0; k < 8; k++) {
      members.add(mutator.randomAlgorithm(init));
    }
    double[] fitness = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    Island a = new Island(members, fitness);
    Island b = new Island(a.state());
    assertThat(a.propose(5, 3, mutator, new Rng(9))).isEqualTo(b.propose(5, 3, mutator, new Rng(9)));
    assertThat(b.state()).isEqualTo(a.state());
  }

  @Test
  void bestSlotsPreferFitnessThenYouth() {
    Island island = island(4, new double[] {0.7, 0.9, 0.7, 0.1});
    island.accept(List.of(algorithm(20)), new double[] {0.7}); // slot 0 now the youngest, 0.7
    assertThat(island.bestSlots(3)).containsExactly(1, 0, 2);
    assertThat(island.bestSlot()).isEqualTo(1);
  }

  @Test
  void statsArePopulationMeanStdevAndBest() {
    Island island = island(4, new double[] {0.0, 1.0, 0.0, 1.0});
    IslandStats s = island.stats(3, 7, 8);
    assertThat(s.meanFitness()).isEqualTo(0.5);
    assertThat(s.stdevFitness()).isEqualTo(0.5);
    assertThat(s.bestFitness()).isEqualTo(1.0);
    assertThat(s.island()).isEqualTo(3);
    assertThat(s.fecHits()).isEqualTo(7);
  }

  @Test
  void acceptChecksTheFitnessCount() {
    Island island = island(3, new double[] {1, 2, 3});
    assertThatThrownBy(() -> island.accept(List.of(algorithm(1)), new double[0]))
        .hasMessage("expected one fitness per child, but got 0 for 1 children");
  }

  @Test
  void stateRejectsMismatchedFitness() {
    assertThatThrownBy(() -> new IslandState(List.of(Algorithm.noOp(1, 1, 1)), new double[2], 0, 1))
        .hasMessage("an island needs one fitness per member, but had 1 members and 2 fitnesses");
  }
}
