package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskList;

/**
 * One search experiment on N islands, in generations. Generation 0 evaluates the initial
 * populations. Each later generation: every island proposes its batch of children (stream
 * {@code derive(seed, "propose", experiment, island, generation)}); all children are
 * fingerprinted and screened by FEC per (candidate, task); the misses go to the
 * {@link BatchEvaluator} in ONE call; per-task fitnesses are combined per candidate in task
 * order; each island accepts its children (the oldest die); every {@code migrationInterval}
 * generations the islands exchange migrants ({@link MigrationTopology}).
 *
 * <p>Candidates are numbered in proposal order (island by island); the run-time random seed of
 * (candidate, task) is {@code deriveSeed(seed, "evaluate", experiment, individual, task)}, a pure
 * function, so results never depend on threads, partitions or arrival order. With one island and
 * one child per generation this is the original's steady-state regularized evolution.
 *
 * <p>FEC within a batch behaves as if the batch were processed in order: a (candidate, task)
 * whose fingerprint equals an earlier one of the same batch reuses that result (a hit).
 * Train steps count the fingerprint runs' actual steps plus the granted examples of every full
 * evaluation (an evaluation that stops early still counts its full grant).
 */
public final class EvolutionLoop {
  private final SearchSpec spec;
  private final TaskSet tasks;
  /** The task mix: islands from {@link #firstMixIsland} on search on these tasks instead (null: no mix). */
  private TaskSet mixTasks;
  private int firstMixIsland = Integer.MAX_VALUE;
  private final TaskProvider taskProvider;
  private final BatchEvaluator evaluator;
  private final Fingerprinter fingerprinter;
  private final TrainBudget budget;
  private final Mutator mutator;
  private final long seed;
  private final int experiment;
  private final GenerationListener listener;
  private final FecCache cache;

  /** The islands in the candidate-batch mode (and in the island-stage mode until they are packed). */
  private Island[] islands;
  private double[][] partial;
  /**
   * The islands of the island-stage mode between stages, packed ({@link PackedIsland}): the
   * driver runs stages and migrates without decoding a member. Null in the candidate-batch mode.
   */
  private byte[][] packed;
  private long generation;
  private long individuals;
  private long trainSteps;
  private long fecHits;
  private long fecMisses;
  private long startNanos = System.nanoTime();
  private double elapsedBefore;

  /** One search task list with what the loop derives from it. */
  private static final class TaskSet {
    final TaskList list;
    final int size;
    final long[] maxTrain;
    List<LearningTask> learning;
    /** Recent algorithms' fingerprints (hashes per task, then train steps); a pure cache, not state. */
    final LinkedHashMap<Algorithm, long[]> memo = new LinkedHashMap<>(1 << 12, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(java.util.Map.Entry<Algorithm, long[]> eldest) {
        return size() > 8192;
      }
    };

    TaskSet(TaskList list) {
      this.list = list;
      this.size = list.size();
      this.maxTrain = new long[size];
      int t = 0;
      for (LearningTaskSpec s : list.specs()) {
        for (int i = 0; i < s.numTasks(); i++) {
          maxTrain[t++] = s.maxTrainExamples();
        }
      }
    }
  }

  /**
   * @param fingerprinter required when FEC is enabled (it may share the evaluator's worker pool)
   * @param budgetBaseline the baseline algorithm when the train budget is enabled, else null
   */
  public EvolutionLoop(SearchSpec spec, TaskList tasks, TaskProvider taskProvider, BatchEvaluator evaluator,
      Fingerprinter fingerprinter, Algorithm budgetBaseline, long seed, int experiment,
      GenerationListener listener) {
    this.spec = spec;
    this.tasks = new TaskSet(tasks);
    this.taskProvider = taskProvider;
    this.evaluator = evaluator;
    if (spec.fec().enabled() && fingerprinter == null) {
      throw new IllegalArgumentException("FEC is enabled but no fingerprinter was given");
    }
    this.fingerprinter = spec.fec().enabled() ? fingerprinter : null;
    this.budget = spec.trainBudget().enabled() ? new TrainBudget(budgetBaseline, spec.trainBudget().factor()) : null;
    this.mutator = new Mutator(spec);
    this.seed = seed;
    this.experiment = experiment;
    this.listener = listener == null ? GenerationListener.NONE : listener;
    this.cache = new FecCache(spec.fec());
    checkHurdles(this.tasks);
  }

  private void checkHurdles(TaskSet set) {
    if (spec.hurdles().enabled() && spec.hurdles().tasks() >= set.size) {
      throw new IllegalArgumentException("hurdle tasks (" + spec.hurdles().tasks()
          + ") must be fewer than the search tasks (" + set.size + ")");
    }
  }

  /**
   * The task mix of heterogeneous islands (island-stage mode only): islands {@code firstIsland}
   * and later search on {@code mix} instead of the loop's tasks. Call before {@link #initialize}
   * or right after {@link #resume}; returns this loop.
   */
  public EvolutionLoop mix(TaskList mix, int firstIsland) {
    if (mix != null) {
      if (spec.islands().mode() != IslandMode.ISLAND_STAGE) {
        throw new IllegalArgumentException("a task mix needs the island-stage mode");
      }
      this.mixTasks = new TaskSet(mix);
      this.firstMixIsland = firstIsland;
      checkHurdles(mixTasks);
    }
    return this;
  }

  /** True when island {@code i} searches on the task mix. */
  public boolean searchesMix(int island) {
    return mixTasks != null && island >= firstMixIsland;
  }

  /** Restores a loop from {@link #state()}; the other arguments must be those of the saved loop. */
  public static EvolutionLoop resume(LoopState state, SearchSpec spec, TaskList tasks, TaskProvider taskProvider,
      BatchEvaluator evaluator, Fingerprinter fingerprinter, Algorithm budgetBaseline, long seed,
      GenerationListener listener) {
    EvolutionLoop loop = new EvolutionLoop(spec, tasks, taskProvider, evaluator, fingerprinter, budgetBaseline, seed,
        state.experiment(), listener);
    loop.islands = state.islands().stream().map(Island::new).toArray(Island[]::new);
    loop.partial = state.partialFitness().stream().map(double[]::clone).toArray(double[][]::new);
    loop.generation = state.generation();
    loop.individuals = state.individuals();
    loop.trainSteps = state.trainSteps();
    loop.fecHits = state.fecHits();
    loop.fecMisses = state.fecMisses();
    loop.cache.restore(state.fecEntries());
    loop.packIfStaged();
    return loop;
  }

  /** The loop's state as plain data (valid after {@link #initialize()}). */
  public LoopState state() {
    requireInitialized();
    List<IslandState> is = new ArrayList<>();
    List<double[]> ps = new ArrayList<>();
    for (int i = 0; i < count(); i++) {
      is.add(packed != null ? PackedIsland.state(packed[i]) : islands[i].state());
      ps.add(packed != null ? PackedIsland.partial(packed[i]) : partial[i].clone());
    }
    return new LoopState(experiment, generation, individuals, trainSteps, fecHits, fecMisses, is, ps,
        cache.entries());
  }

  /** Evaluates the initial populations (generation 0). */
  public GenerationReport initialize() {
    if (initialized()) {
      throw new IllegalStateException("already initialized");
    }
    startNanos = System.nanoTime();
    int n = spec.islands().islands();
    int p = spec.islands().population();
    List<Algorithm> all = new ArrayList<>(n * p);
    int[] islandOf = new int[n * p];
    for (int i = 0; i < n; i++) {
      for (int m = 0; m < p; m++) {
        Rng rng = Rng.derive(seed, "init", experiment, i, m);
        islandOf[all.size()] = i;
        all.add(InitialAlgorithms.create(spec.initialAlgorithm(), spec, mutator, rng));
      }
    }
    String description = "experiment " + experiment + ", initial populations: evaluate "
        + String.format(Locale.ROOT, "%,d", all.size()) + " candidates";
    Evaluated e;
    if (mixTasks == null || firstMixIsland >= n) {
      e = evaluate(tasks, all, islandOf, null, description);
    } else {
      int split = firstMixIsland * p;
      Evaluated a = evaluate(tasks, all.subList(0, split), Arrays.copyOfRange(islandOf, 0, split), null, description);
      Evaluated b = evaluate(mixTasks, all.subList(split, all.size()), Arrays.copyOfRange(islandOf, split, n * p), null,
          description + " (task mix)");
      e = a.then(b);
    }
    islands = new Island[n];
    partial = new double[n][];
    for (int i = 0; i < n; i++) {
      islands[i] = new Island(all.subList(i * p, (i + 1) * p), Arrays.copyOfRange(e.fitness, i * p, (i + 1) * p));
      partial[i] = Arrays.copyOfRange(e.partial, i * p, (i + 1) * p);
    }
    packIfStaged();
    return report(e);
  }

  /** True once the experiment reached max_individuals or max_train_steps. */
  public boolean finished() {
    return initialized() && (individuals >= spec.maxIndividuals()
        || (spec.maxTrainSteps() > 0 && trainSteps >= spec.maxTrainSteps()));
  }

  /** Runs generations (initializing first if needed) until {@link #finished()}. */
  public void run() {
    if (!initialized()) {
      initialize();
    }
    while (!finished()) {
      step();
    }
  }

  /**
   * One generation: propose, screen, evaluate, accept, and migrate at stage boundaries. In the
   * island-stage mode, one whole stage instead (see {@link #stage()}).
   */
  public GenerationReport step() {
    requireInitialized();
    if (spec.islands().mode() == IslandMode.ISLAND_STAGE) {
      return stage();
    }
    long g = generation + 1;
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
    double[] hurdles = null;
    if (spec.hurdles().enabled()) {
      hurdles = new double[n];
      for (int i = 0; i < n; i++) {
        hurdles[i] = Fitnesses.percentile(partial[i], spec.hurdles().percentile());
      }
    }
    String description = evaluator.showsDescriptions() ? "experiment " + experiment + ", generation " + g
        + ": evaluate " + String.format(Locale.ROOT, "%,d", children.size()) + " candidates" : null;
    Evaluated e = evaluate(tasks, children, islandOf, hurdles, description);
    for (int i = 0; i < n; i++) {
      int from = i * b;
      int slot = islands[i].oldestSlot();
      for (int c = 0; c < b; c++) {
        partial[i][(slot + c) % partial[i].length] = e.partial[from + c];
      }
      islands[i].accept(children.subList(from, from + b), Arrays.copyOfRange(e.fitness, from, from + b));
    }
    generation = g;
    if (n > 1 && spec.islands().migrants() > 0 && g % spec.islands().migrationInterval() == 0) {
      migrate(g);
    }
    return report(e);
  }

  /**
   * The island-stage mode: every island evolves on its own for one stage ({@link IslandStage}),
   * wherever the evaluator runs it, then the islands exchange migrants. The last stage is cut
   * short so that it ends at the first generation that reaches max_individuals.
   */
  private GenerationReport stage() {
    int n = packed.length;
    int interval = spec.islands().migrationInterval();
    long perGeneration = (long) n * spec.islands().children();
    long remaining = spec.maxIndividuals() - individuals;
    int gens = (int) Math.max(1, Math.min(interval, (remaining + perGeneration - 1) / perGeneration));
    List<IslandStage.Request> requests = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      requests.add(new IslandStage.Request(i, i >= firstMixIsland ? 1 : 0, experiment, generation, gens, packed[i]));
    }
    List<TaskList> lists = mixTasks == null ? List.of(tasks.list) : List.of(tasks.list, mixTasks.list);
    List<IslandStage.Result> results = evaluator.runStages(spec, lists, seed, requests, "experiment " + experiment
        + ", generations " + (generation + 1) + "-" + (generation + gens) + ": evolve " + n + " islands");
    if (results.size() != n) {
      throw new IllegalStateException("the evaluator returned " + results.size() + " island stages for " + n);
    }
    long[] hits = new long[n];
    long[] misses = new long[n];
    for (int i = 0; i < n; i++) {
      IslandStage.Result r = results.get(i);
      packed[i] = r.packed();
      individuals += r.individuals();
      trainSteps += r.trainSteps();
      hits[i] = r.fecHits();
      misses[i] = r.fecMisses();
      fecHits += hits[i];
      fecMisses += misses[i];
    }
    generation += gens;
    if (n > 1 && spec.islands().migrants() > 0 && generation % interval == 0) {
      migratePacked(generation);
    }
    return report(new Evaluated(null, null, hits, misses));
  }

  private void migrate(long g) {
    int k = spec.islands().migrants();
    int[] sizes = Arrays.stream(islands).mapToInt(Island::size).toArray();
    List<Migration.Move> moves = Migration.plan(spec.islands().topology(), k, sizes, i -> islands[i].bestSlots(k),
        Rng.derive(seed, "migrate", experiment, g));
    // Every migrant is read before any island receives one.
    Algorithm[] members = new Algorithm[moves.size()];
    double[] fitness = new double[moves.size()];
    double[] partials = new double[moves.size()];
    for (int m = 0; m < moves.size(); m++) {
      Migration.Move move = moves.get(m);
      members[m] = islands[move.from()].member(move.slot());
      fitness[m] = islands[move.from()].fitness(move.slot());
      partials[m] = partial[move.from()][move.slot()];
    }
    for (int m = 0; m < moves.size(); m++) {
      int to = moves.get(m).to();
      partial[to][islands[to].oldestSlot()] = partials[m];
      islands[to].receive(members[m], fitness[m]);
    }
  }

  /** {@link #migrate} on packed islands: the same moves, migrants moved as bytes. */
  private void migratePacked(long g) {
    int n = packed.length;
    int k = spec.islands().migrants();
    int[] sizes = Arrays.stream(packed).mapToInt(PackedIsland::size).toArray();
    List<Migration.Move> moves = Migration.plan(spec.islands().topology(), k, sizes,
        i -> Island.bestSlots(PackedIsland.fitness(packed[i]), PackedIsland.oldest(packed[i]), k),
        Rng.derive(seed, "migrate", experiment, g));
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

  /** In the island-stage mode, packs the islands once they are evaluated or restored. */
  private void packIfStaged() {
    if (spec.islands().mode() == IslandMode.ISLAND_STAGE) {
      packed = new byte[islands.length][];
      for (int i = 0; i < islands.length; i++) {
        packed[i] = PackedIsland.pack(islands[i].state(), partial[i]);
      }
      islands = null;
      partial = null;
    }
  }

  private boolean initialized() {
    return islands != null || packed != null;
  }

  private int count() {
    return packed != null ? packed.length : islands.length;
  }

  /**
   * The best member over all islands (ties: lower island, then the younger member); with a task
   * mix, over the islands that search on the loop's own tasks.
   */
  public Member best() {
    return best(0, Math.min(initialized() ? count() : 0, firstMixIsland));
  }

  /** The best member of the task-mix islands (see {@link #mix}). */
  public Member bestOfMix() {
    if (mixTasks == null) {
      throw new IllegalStateException("this loop has no task mix");
    }
    return best(firstMixIsland, count());
  }

  private Member best(int from, int to) {
    requireInitialized();
    Member best = null;
    for (int i = from; i < to; i++) {
      double[] fitness = packed != null ? PackedIsland.fitness(packed[i]) : null;
      int slot = packed != null ? Island.bestSlot(fitness, PackedIsland.oldest(packed[i])) : islands[i].bestSlot();
      double f = packed != null ? fitness[slot] : islands[i].fitness(slot);
      if (best == null || f > best.fitness()) {
        best = new Member(packed != null ? PackedIsland.member(packed[i], slot) : islands[i].member(slot), f);
      }
    }
    return best;
  }

  /** An algorithm with its search fitness. */
  public record Member(Algorithm algorithm, double fitness) {}

  public long individuals() {
    return individuals;
  }

  public long trainSteps() {
    return trainSteps;
  }

  public long generation() {
    return generation;
  }

  /** Wall-clock seconds of this experiment so far (reported only; a resumed loop continues its count). */
  public double elapsedSeconds() {
    return elapsedBefore + (System.nanoTime() - startNanos) / 1e9;
  }

  /** Continues the wall-clock count of a resumed loop from {@code seconds}. */
  void elapsedBefore(double seconds) {
    elapsedBefore = seconds;
    startNanos = System.nanoTime();
  }

  public int experiment() {
    return experiment;
  }

  public long fecHits() {
    return fecHits;
  }

  public long fecMisses() {
    return fecMisses;
  }

  /** Islands (read access for reports and tests; in the island-stage mode, decoded copies). */
  public List<Island> islands() {
    requireInitialized();
    return packed != null ? Arrays.stream(packed).map(p -> new Island(PackedIsland.state(p))).toList()
        : List.of(islands);
  }

  private void requireInitialized() {
    if (!initialized()) {
      throw new IllegalStateException("the loop is not initialized: call initialize() first");
    }
  }

  private record Evaluated(double[] fitness, double[] partial, long[] hits, long[] misses) {
    /** This evaluation's candidates followed by {@code next}'s; hits and misses added up by island. */
    Evaluated then(Evaluated next) {
      long[] h = hits.clone();
      long[] m = misses.clone();
      for (int i = 0; i < h.length; i++) {
        h[i] += next.hits[i];
        m[i] += next.misses[i];
      }
      return new Evaluated(concat(fitness, next.fitness), concat(partial, next.partial), h, m);
    }

    private static double[] concat(double[] a, double[] b) {
      double[] out = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }

  private static final byte NEEDED = 1;
  private static final byte MISS = 2;
  private static final byte CACHE_HIT = 3;
  private static final byte BATCH_HIT = 4;

  /**
   * Evaluates candidates: FEC screening, one evaluator call per stage, combination in task
   * order. With hurdles, stage 1 covers the first tasks and stage 2 the rest for candidates at
   * or above their island's hurdle.
   */
  private Evaluated evaluate(TaskSet ts, List<Algorithm> candidates, int[] islandOf, double[] hurdles, String description) {
    int c = candidates.size();
    int nIslands = spec.islands().islands();
    long[] granted = new long[c * ts.size];
    for (int k = 0; k < c; k++) {
      for (int t = 0; t < ts.size; t++) {
        granted[k * ts.size + t] = budget == null ? ts.maxTrain[t] : budget.trainExamples(candidates.get(k), ts.maxTrain[t]);
      }
    }
    long[] hits = new long[nIslands];
    long[] misses = new long[nIslands];
    double[] perTask = new double[c * ts.size];
    long[] hashes = null;
    if (fingerprinter != null) {
      if (ts.learning == null) {
        ts.learning = taskProvider.tasks(ts.list);
      }
      hashes = fingerprints(ts, candidates, granted);
    }
    double[] fitness = new double[c];
    double[] partialFitness = new double[c];
    int hurdleTasks = spec.hurdles().enabled() ? spec.hurdles().tasks() : ts.size;
    byte[] needed = new byte[c * ts.size];
    for (int k = 0; k < c; k++) {
      Arrays.fill(needed, k * ts.size, k * ts.size + hurdleTasks, NEEDED);
    }
    runStage(ts, candidates, islandOf, granted, hashes, needed, perTask, hits, misses, description);
    boolean[] stopped = new boolean[c];
    if (hurdleTasks < ts.size) {
      boolean any = false;
      for (int k = 0; k < c; k++) {
        partialFitness[k] = Fitnesses.combine(perTask, k * ts.size, hurdleTasks, spec.fitnessCombination());
        stopped[k] = hurdles != null && partialFitness[k] < hurdles[islandOf[k]];
        if (!stopped[k]) {
          Arrays.fill(needed, k * ts.size + hurdleTasks, (k + 1) * ts.size, NEEDED);
          any = true;
        }
      }
      if (any) {
        runStage(ts, candidates, islandOf, granted, hashes, needed, perTask, hits, misses,
            description == null ? null : description + " (past hurdle)");
      }
    }
    for (int k = 0; k < c; k++) {
      fitness[k] = stopped[k]
          ? partialFitness[k] * hurdleTasks / ts.size
          : Fitnesses.combine(perTask, k * ts.size, ts.size, spec.fitnessCombination());
    }
    individuals += c;
    for (long h : hits) {
      fecHits += h;
    }
    for (long m : misses) {
      fecMisses += m;
    }
    return new Evaluated(fitness, partialFitness, hits, misses);
  }

  /**
   * Fingerprints of every (candidate, task). A fingerprint is a pure function of the algorithm
   * (the granted examples derive from it too), so algorithms seen recently (exact copies of
   * their parent, mutations that redrew the same value) reuse theirs: this saves work and
   * changes nothing, not even the train-step count.
   */
  private long[] fingerprints(TaskSet ts, List<Algorithm> candidates, long[] granted) {
    int c = candidates.size();
    long[] hashes = new long[c * ts.size];
    List<Algorithm> fresh = new ArrayList<>();
    List<Integer> freshIndex = new ArrayList<>();
    for (int k = 0; k < c; k++) {
      long[] known = ts.memo.get(candidates.get(k));
      if (known != null) {
        System.arraycopy(known, 0, hashes, k * ts.size, ts.size);
        trainSteps += known[ts.size];
      } else {
        fresh.add(candidates.get(k));
        freshIndex.add(k);
      }
    }
    if (!fresh.isEmpty()) {
      long[] freshGranted = new long[fresh.size() * ts.size];
      for (int f = 0; f < fresh.size(); f++) {
        System.arraycopy(granted, freshIndex.get(f) * ts.size, freshGranted, f * ts.size, ts.size);
      }
      Fingerprinter.Result fp = fingerprinter.fingerprint(fresh, ts.learning, freshGranted);
      for (int f = 0; f < fresh.size(); f++) {
        long[] entry = new long[ts.size + 1];
        System.arraycopy(fp.hashes(), f * ts.size, entry, 0, ts.size);
        entry[ts.size] = fp.candidateSteps()[f];
        System.arraycopy(entry, 0, hashes, freshIndex.get(f) * ts.size, ts.size);
        trainSteps += entry[ts.size];
        ts.memo.put(fresh.get(f), entry);
      }
    }
    return hashes;
  }

  private void runStage(TaskSet ts, List<Algorithm> candidates, int[] islandOf, long[] granted, long[] hashes, byte[] needed,
      double[] perTask, long[] hits, long[] misses, String description) {
    int c = candidates.size();
    int[] pendingOf = new int[needed.length];
    HashMap<Long, Integer> pending = new HashMap<>(); // lookups only: its order never matters
    // Phase A, in (candidate, task) order: cache hits resolve now, repeats within the batch wait.
    for (int k = 0; k < c; k++) {
      for (int t = 0; t < ts.size; t++) {
        int idx = k * ts.size + t;
        if (needed[idx] != NEEDED) {
          continue;
        }
        if (hashes == null) {
          needed[idx] = MISS;
          continue;
        }
        long h = hashes[idx];
        double f = cache.find(h);
        if (!Double.isNaN(f)) {
          perTask[idx] = f;
          needed[idx] = CACHE_HIT;
          hits[islandOf[k]]++;
          continue;
        }
        // One candidate's tasks never share a fingerprint (the task index is hashed): no map needed.
        Integer first = c == 1 ? null : pending.get(h);
        if (first != null) {
          needed[idx] = BATCH_HIT;
          pendingOf[idx] = first;
          hits[islandOf[k]]++;
        } else {
          needed[idx] = MISS;
          if (c > 1) {
            pending.put(h, idx);
          }
          misses[islandOf[k]]++;
        }
      }
    }
    // The misses: one evaluator call over the candidates that have any.
    List<Algorithm> sent = new ArrayList<>();
    List<EvaluationRequest> requests = new ArrayList<>();
    List<Integer> requestIdx = new ArrayList<>();
    for (int k = 0; k < c; k++) {
      int sentIndex = -1;
      for (int t = 0; t < ts.size; t++) {
        int idx = k * ts.size + t;
        if (needed[idx] != MISS) {
          continue;
        }
        if (sentIndex < 0) {
          sentIndex = sent.size();
          sent.add(candidates.get(k));
        }
        long evalSeed = Rng.deriveSeed(seed, "evaluate", experiment, individuals + k, t);
        requests.add(new EvaluationRequest(sentIndex, t, granted[idx], evalSeed));
        requestIdx.add(idx);
        trainSteps += granted[idx];
      }
    }
    if (!requests.isEmpty()) {
      double[] results = evaluator.evaluate(ts.list, sent, requests, description);
      if (results.length != requests.size()) {
        throw new IllegalStateException("the evaluator returned " + results.length + " fitnesses for "
            + requests.size() + " requests");
      }
      for (int r = 0; r < results.length; r++) {
        perTask[requestIdx.get(r)] = results[r];
      }
    }
    // Phase B, in order: misses enter the cache, repeats take their first's result (and count a use).
    for (int k = 0; k < c; k++) {
      for (int t = 0; t < ts.size; t++) {
        int idx = k * ts.size + t;
        if (hashes != null && needed[idx] == MISS) {
          cache.insert(hashes[idx], perTask[idx]);
        } else if (needed[idx] == BATCH_HIT) {
          perTask[idx] = perTask[pendingOf[idx]];
          cache.find(hashes[idx]);
        }
        if (needed[idx] != 0) {
          needed[idx] = -1; // done: a later stage skips it
        }
      }
    }
  }

  private GenerationReport report(Evaluated e) {
    double elapsed = elapsedSeconds();
    boolean wanted = listener.wantsIslandStats(individuals);
    int n = count();
    List<IslandStats> stats = new ArrayList<>(wanted ? n : 0);
    long genHits = 0;
    long genMisses = 0;
    for (int i = 0; i < n; i++) {
      if (wanted) {
        stats.add(packed != null ? PackedIsland.stats(packed[i], i, e.hits[i], e.misses[i])
            : islands[i].stats(i, e.hits[i], e.misses[i]));
      }
      genHits += e.hits[i];
      genMisses += e.misses[i];
    }
    GenerationReport r = new GenerationReport(experiment, generation, individuals, trainSteps, genHits, genMisses,
        elapsed, elapsed > 0 ? individuals / elapsed : 0.0, stats);
    listener.onGeneration(r);
    return r;
  }
}
