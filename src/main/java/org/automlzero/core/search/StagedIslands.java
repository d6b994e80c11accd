package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.spec.IslandSpec;
import org.automlzero.core.search.spec.MigrationTopology;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.search.stage.IslandHeader;
import org.automlzero.core.search.stage.PackedIsland;
import org.automlzero.core.search.stage.ResidentIslands;
import org.automlzero.core.search.stage.StageCall;
import org.automlzero.core.task.TaskList;

/**
 * The island-stage mode as the driver sees it. Between stages the islands' members stay where
 * their last stage ran ({@link ResidentIslands}: a Spark executor, or the in-process
 * evaluator); the driver holds each island's header ({@link IslandHeader}), the migrants it
 * will receive at the start of its next stage, and a full copy from which it can replay the
 * island if its host loses it: the copy is refreshed every {@link #REFRESH_STAGES} stages and
 * whenever the driver needs members (a checkpoint, the experiment's best), and the stages since
 * the copy are kept as steps. So a stage moves only migrants and headers, not populations.
 *
 * <p>Migration is planned before the stage that ends at the boundary (the sizes it needs do not
 * change during a stage: islands are full), so each host sends its emigrants with its answer,
 * and the result is exactly {@link Migration}'s plan applied to the islands after the stage.
 */
final class StagedIslands {
  /** Stages between two full copies of every island on the driver (and at most this many stages to replay). */
  static final int REFRESH_STAGES = 8;

  private final String run = UUID.randomUUID().toString();
  private final BatchEvaluator evaluator;
  private final SearchSpec spec;
  private final long seed;
  /** Each island after the last stage and migration. */
  private final IslandHeader[] headers;
  /** Each island's last full copy, {@code history[i].size()} stages back. */
  private final byte[][] base;
  private final List<List<StageCall.Step>> history = new ArrayList<>();
  /** The migrants each island receives at the start of its next stage. */
  private final List<List<PackedIsland.Migrant>> pending = new ArrayList<>();
  /** Whether a host is believed to hold island i after {@link #version} stages. */
  private final boolean[] hosted;
  private long version;
  private List<TaskList> lists = List.of();
  private int firstMixIsland = Integer.MAX_VALUE;

  StagedIslands(Island[] islands, BatchEvaluator evaluator, SearchSpec spec, long seed) {
    int n = islands.length;
    this.evaluator = evaluator;
    this.spec = spec;
    this.seed = seed;
    headers = new IslandHeader[n];
    base = new byte[n][];
    hosted = new boolean[n];
    for (int i = 0; i < n; i++) {
      base[i] = PackedIsland.pack(islands[i].state(), islands[i].partials());
      headers[i] = IslandHeader.of(base[i]);
      history.add(new ArrayList<>());
      pending.add(List.of());
    }
  }

  /** What a stage spent, in all and per island. */
  record Spent(long individuals, long trainSteps, long[] hits, long[] misses) {}

  /**
   * Runs one stage of {@code generations} generations on every island, then, when
   * {@code migration} is not null, exchanges migrants as {@link Migration} plans them with that
   * stream.
   *
   * @param lists the search task lists; islands from {@code firstMixIsland} on search on the second
   */
  Spent stage(List<TaskList> lists, int firstMixIsland, int experiment, long generation, int generations,
      String description, Rng migration) {
    this.lists = lists;
    this.firstMixIsland = firstMixIsland;
    int n = headers.length;
    IslandSpec is = spec.islands();
    int k = is.migrants();
    int[] sizes = Arrays.stream(headers).mapToInt(IslandHeader::size).toArray();
    List<Migration.Move> moves = null;
    int[][] emitSlots = new int[n][0];
    int emitBest = 0;
    if (migration != null && is.topology() == MigrationTopology.RANDOM) {
      moves = Migration.plan(is.topology(), k, sizes, null, migration);
      emitSlots = emittedSlots(moves, n);
    } else if (migration != null) {
      emitBest = k;
    }
    boolean refresh = (version + 1) % REFRESH_STAGES == 0;
    List<StageCall.Step> steps = new ArrayList<>(n);
    List<StageCall> calls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      steps.add(new StageCall.Step(pending.get(i), experiment, generation, generations));
      calls.add(call(i, List.of(steps.get(i)), emitBest, emitSlots[i], refresh));
    }
    List<StageCall.Answer> answers = host(calls, description);
    long individuals = 0;
    long trainSteps = 0;
    long[] hits = new long[n];
    long[] misses = new long[n];
    for (int i = 0; i < n; i++) {
      StageCall.Answer a = answers.get(i);
      if (a.header().size() != sizes[i]) {
        throw new IllegalStateException("island " + i + " changed size in a stage: " + sizes[i] + " -> "
            + a.header().size());
      }
      history.get(i).add(steps.get(i));
      if (a.full() != null) {
        base[i] = a.full();
        history.get(i).clear();
      }
      pending.set(i, List.of());
      headers[i] = a.header();
      individuals += a.individuals();
      trainSteps += a.trainSteps();
      hits[i] = a.fecHits();
      misses[i] = a.fecMisses();
    }
    version++;
    if (migration != null) {
      receive(moves != null ? moves : ringMoves(n, k), answers, moves != null ? emitSlots : null);
    }
    return new Spent(individuals, trainSteps, hits, misses);
  }

  /** Per source island, the slots it sends away, in plan order. */
  private static int[][] emittedSlots(List<Migration.Move> moves, int n) {
    int[] count = new int[n];
    for (Migration.Move m : moves) {
      count[m.from()]++;
    }
    int[][] slots = new int[n][];
    for (int i = 0; i < n; i++) {
      slots[i] = new int[count[i]];
      count[i] = 0;
    }
    for (Migration.Move m : moves) {
      slots[m.from()][count[m.from()]++] = m.slot();
    }
    return slots;
  }

  /** The ring's moves with slots numbered by emigrant position: island i's j-th best goes to i + 1. */
  private static List<Migration.Move> ringMoves(int n, int k) {
    List<Migration.Move> moves = new ArrayList<>(n * k);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        moves.add(new Migration.Move(i, j, (i + 1) % n));
      }
    }
    return moves;
  }

  /**
   * Hands each move's emigrant to its target, in plan order. With {@code emitSlots} the moves
   * name slots (the k-th time a source appears it sent its k-th emigrant); without, they name the
   * emigrant's position.
   */
  private void receive(List<Migration.Move> moves, List<StageCall.Answer> answers, int[][] emitSlots) {
    int n = headers.length;
    List<List<PackedIsland.Migrant>> incoming = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      incoming.add(new ArrayList<>());
    }
    int[] sent = new int[n];
    for (Migration.Move m : moves) {
      int position = emitSlots != null ? sent[m.from()]++ : m.slot();
      incoming.get(m.to()).add(answers.get(m.from()).emigrants().get(position));
    }
    for (int i = 0; i < n; i++) {
      pending.set(i, incoming.get(i));
      headers[i] = headers[i].receive(incoming.get(i));
    }
  }

  /** A call for island i: from its host's copy, or, if no host holds it, from the driver's copy with the steps since. */
  private StageCall call(int i, List<StageCall.Step> steps, int emitBest, int[] emitSlots, boolean full) {
    int list = i >= firstMixIsland ? 1 : 0;
    if (hosted[i]) {
      return new StageCall(run, i, list, version, null, steps, emitBest, emitSlots, full);
    }
    List<StageCall.Step> all = new ArrayList<>(history.get(i));
    all.addAll(steps);
    return new StageCall(run, i, list, version - history.get(i).size(), base[i], all, emitBest, emitSlots, full);
  }

  /** Runs the calls; islands whose host lost them are replayed from the driver's copies. */
  private List<StageCall.Answer> host(List<StageCall> calls, String description) {
    List<StageCall.Answer> answers = new ArrayList<>(evaluator.runStages(spec, lists, seed, calls, description));
    check(answers, calls.size());
    List<Integer> lost = new ArrayList<>();
    for (int c = 0; c < calls.size(); c++) {
      if (answers.get(c).missing()) {
        lost.add(c);
      }
    }
    if (!lost.isEmpty()) {
      List<StageCall> replays = new ArrayList<>(lost.size());
      for (int c : lost) {
        StageCall call = calls.get(c);
        hosted[call.island()] = false;
        int stepsNow = call.base() != null ? call.steps().size() - history.get(call.island()).size()
            : call.steps().size();
        replays.add(call(call.island(), call.steps().subList(call.steps().size() - stepsNow, call.steps().size()),
            call.emitBest(), call.emitSlots(), call.full()));
      }
      List<StageCall.Answer> again = evaluator.runStages(spec, lists, seed, replays,
          description + " (replaying " + lost.size() + " islands a host lost)");
      check(again, replays.size());
      for (int r = 0; r < lost.size(); r++) {
        if (again.get(r).missing()) {
          throw new IllegalStateException("island " + replays.get(r).island() + " is missing after a replay");
        }
        answers.set(lost.get(r), again.get(r));
      }
    }
    for (StageCall call : calls) {
      hosted[call.island()] = true;
    }
    return answers;
  }

  private static void check(List<StageCall.Answer> answers, int calls) {
    if (answers.size() != calls) {
      throw new IllegalStateException("the evaluator returned " + answers.size() + " island answers for " + calls);
    }
  }

  /** Brings the driver's copy of every island up to date (one call per island that has stages since its copy). */
  private void refresh() {
    List<StageCall> calls = new ArrayList<>();
    for (int i = 0; i < headers.length; i++) {
      if (!history.get(i).isEmpty()) {
        calls.add(call(i, List.of(), 0, new int[0], true));
      }
    }
    if (calls.isEmpty()) {
      return;
    }
    List<StageCall.Answer> answers = host(calls, "copy " + calls.size() + " islands to the driver");
    for (StageCall.Answer a : answers) {
      base[a.island()] = a.full();
      history.get(a.island()).clear();
    }
  }

  /** Island i as it is now (its copy with the migrants it has received since); call {@link #refresh()} first. */
  private byte[] current(int i) {
    return PackedIsland.receive(base[i], pending.get(i));
  }

  int count() {
    return headers.length;
  }

  IslandState state(int i) {
    refresh();
    return PackedIsland.state(current(i));
  }

  double[] partial(int i) {
    return headers[i].partial().clone();
  }

  /** Decoded copies, for reports and tests. */
  List<Island> islands() {
    refresh();
    List<Island> all = new ArrayList<>(headers.length);
    for (int i = 0; i < headers.length; i++) {
      byte[] p = current(i);
      all.add(new Island(PackedIsland.state(p), PackedIsland.partial(p)));
    }
    return all;
  }

  IslandStats stats(int i, long hits, long misses) {
    return headers[i].stats(i, hits, misses);
  }

  /** The best member of islands [from, to): ties to the lower island, then the younger member. */
  EvolutionLoop.Member best(int from, int to) {
    int island = -1;
    int slot = -1;
    for (int i = from; i < to; i++) {
      int s = Island.bestSlot(headers[i].fitness(), headers[i].oldest());
      if (island < 0 || headers[i].fitness()[s] > headers[island].fitness()[slot]) {
        island = i;
        slot = s;
      }
    }
    if (island < 0) {
      return null;
    }
    refresh();
    return new EvolutionLoop.Member(PackedIsland.member(current(island), slot), headers[island].fitness()[slot]);
  }
}
