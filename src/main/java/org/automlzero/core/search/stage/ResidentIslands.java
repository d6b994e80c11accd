package org.automlzero.core.search.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlzero.core.search.Island;

/**
 * Where islands of the island-stage mode live between stages: a host's store (one per Spark
 * executor JVM, one per in-process evaluator), and the host's side of a {@link StageCall}. Only
 * migrants and headers travel between driver and host; the members stay here. The store is a
 * cache, never the only truth: a host that lost an island (a new executor, an evicted run)
 * answers "missing", and the driver replays the island from its last full copy, which gives the
 * same island because every stage is a pure function ({@link IslandStage}).
 *
 * <p>Per island the store keeps the two latest versions, so a retried Spark task finds the
 * version it started from. It keeps the islands of the latest few runs.
 */
public final class ResidentIslands {
  private static final int RUNS_KEPT = 2;

  /** Evolves one island for one stage: {@link IslandStage#run}, or the scale benchmark's model. */
  public interface Evolver {
    IslandStage.Result evolve(IslandStage.Request request);
  }

  private record Held(long version, byte[] packed, Held previous) {}

  private final Map<String, Map<Integer, Held>> runs = new LinkedHashMap<>(4, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, Held>> eldest) {
      return size() > RUNS_KEPT;
    }
  };

  /** Runs one call: the island from the call's base or from this store, its steps, its answer. */
  public StageCall.Answer run(StageCall call, Evolver evolver) {
    byte[] island = call.base() != null ? call.base() : held(call.run(), call.island(), call.version());
    if (island == null) {
      return StageCall.Answer.missing(call.island());
    }
    long version = call.version();
    IslandStage.Result last = null;
    for (StageCall.Step step : call.steps()) {
      island = PackedIsland.receive(island, step.incoming());
      last = evolver.evolve(new IslandStage.Request(call.island(), call.list(), step.experiment(), step.generation(),
          step.generations(), island));
      island = last.packed();
      version++;
    }
    keep(call.run(), call.island(), version, island);
    List<PackedIsland.Migrant> emigrants = new ArrayList<>();
    int[] slots = call.emitBest() > 0
        ? Island.bestSlots(PackedIsland.fitness(island), PackedIsland.oldest(island), call.emitBest())
        : call.emitSlots();
    for (int slot : slots) {
      emigrants.add(PackedIsland.migrant(island, slot));
    }
    return new StageCall.Answer(call.island(), false, IslandHeader.of(island), emigrants, call.full() ? island : null,
        last == null ? 0 : last.individuals(), last == null ? 0 : last.trainSteps(),
        last == null ? 0 : last.fecHits(), last == null ? 0 : last.fecMisses());
  }

  /** Forgets every island (as a lost executor would); the driver's replays must then give the same islands. */
  public synchronized void clear() {
    runs.clear();
  }

  private synchronized byte[] held(String run, int island, long version) {
    Map<Integer, Held> islands = runs.get(run);
    for (Held h = islands == null ? null : islands.get(island); h != null; h = h.previous()) {
      if (h.version() == version) {
        return h.packed();
      }
    }
    return null;
  }

  private synchronized void keep(String run, int island, long version, byte[] packed) {
    Map<Integer, Held> islands = runs.computeIfAbsent(run, r -> new HashMap<>());
    Held now = islands.get(island);
    if (now != null && now.version() == version) {
      return; // a retried task's result: the same island
    }
    Held previous = now == null ? null : new Held(now.version(), now.packed(), null);
    islands.put(island, new Held(version, packed, previous));
  }
}
