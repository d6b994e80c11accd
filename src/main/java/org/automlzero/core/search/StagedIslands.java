package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.TaskList;

/**
 * The island-stage mode as the driver sees it: the islands between stages, packed
 * ({@link PackedIsland}). A stage sends each island to the evaluator ({@link IslandStage}, wherever
 * it runs) and takes it back; migration moves members between packed islands as byte slices. The
 * driver decodes members only for checkpoints and the experiment's best.
 */
final class StagedIslands {
  private final byte[][] packed;

  StagedIslands(Island[] islands) {
    packed = new byte[islands.length][];
    for (int i = 0; i < islands.length; i++) {
      packed[i] = PackedIsland.pack(islands[i].state(), islands[i].partials());
    }
  }

  /** What a stage spent, in all and per island. */
  record Spent(long individuals, long trainSteps, long[] hits, long[] misses) {}

  /**
   * Runs one stage of {@code generations} generations on every island.
   *
   * @param lists the search task lists; islands from {@code firstMixIsland} on search on the second
   */
  Spent stage(BatchEvaluator evaluator, SearchSpec spec, List<TaskList> lists, int firstMixIsland, long seed,
      int experiment, long generation, int generations, String description) {
    int n = packed.length;
    List<IslandStage.Request> requests = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      requests.add(new IslandStage.Request(i, i >= firstMixIsland ? 1 : 0, experiment, generation, generations,
          packed[i]));
    }
    List<IslandStage.Result> results = evaluator.runStages(spec, lists, seed, requests, description);
    if (results.size() != n) {
      throw new IllegalStateException("the evaluator returned " + results.size() + " island stages for " + n);
    }
    long individuals = 0;
    long trainSteps = 0;
    long[] hits = new long[n];
    long[] misses = new long[n];
    for (int i = 0; i < n; i++) {
      IslandStage.Result r = results.get(i);
      packed[i] = r.packed();
      individuals += r.individuals();
      trainSteps += r.trainSteps();
      hits[i] = r.fecHits();
      misses[i] = r.fecMisses();
    }
    return new Spent(individuals, trainSteps, hits, misses);
  }

  /** Exchanges migrants as {@link Migration} plans them, moved as bytes. */
  void migrate(IslandSpec is, Rng rng) {
    int n = packed.length;
    int k = is.migrants();
    int[] sizes = Arrays.stream(packed).mapToInt(PackedIsland::size).toArray();
    List<Migration.Move> moves = Migration.plan(is.topology(), k, sizes,
        i -> Island.bestSlots(PackedIsland.fitness(packed[i]), PackedIsland.oldest(packed[i]), k), rng);
    List<List<PackedIsland.Migrant>> incoming = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      incoming.add(new ArrayList<>());
    }
    for (Migration.Move move : moves) {
      incoming.get(move.to()).add(PackedIsland.migrant(packed[move.from()], move.slot()));
    }
    for (int i = 0; i < n; i++) {
      packed[i] = PackedIsland.receive(packed[i], incoming.get(i));
    }
  }

  int count() {
    return packed.length;
  }

  IslandState state(int i) {
    return PackedIsland.state(packed[i]);
  }

  double[] partial(int i) {
    return PackedIsland.partial(packed[i]);
  }

  /** Decoded copies, for reports and tests. */
  List<Island> islands() {
    return Arrays.stream(packed).map(p -> new Island(PackedIsland.state(p), PackedIsland.partial(p))).toList();
  }

  IslandStats stats(int i, long hits, long misses) {
    return PackedIsland.stats(packed[i], i, hits, misses);
  }

  /** The best member of islands [from, to): ties to the lower island, then the younger member. */
  EvolutionLoop.Member best(int from, int to) {
    EvolutionLoop.Member best = null;
    for (int i = from; i < to; i++) {
      double[] fitness = PackedIsland.fitness(packed[i]);
      int slot = Island.bestSlot(fitness, PackedIsland.oldest(packed[i]));
      if (best == null || fitness[slot] > best.fitness()) {
        best = new EvolutionLoop.Member(PackedIsland.member(packed[i], slot), fitness[slot]);
      }
    }
    return best;
  }
}
