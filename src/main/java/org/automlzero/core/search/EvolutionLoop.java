package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.fec.Fingerprinter;
import org.automlzero.core.search.spec.IslandMode;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.search.stage.IslandStage;
import org.automlzero.core.task.TaskList;

/**
 * One search experiment on N islands, in generations. Generation 0 evaluates the initial
 * populations. Each later generation reads:
 * <ol>
 *   <li>propose: every island proposes its batch of children ({@link Proposer});
 *   <li>screen and evaluate: all children are fingerprinted and screened by FEC per (candidate,
 *       task) ({@link FecScreen}), the misses go to the {@link BatchEvaluator} in one call per pass,
 *       per-task fitnesses are combined per candidate in task order ({@link CandidateEvaluation});
 *   <li>accept: each island accepts its children, the oldest die ({@link Island});
 *   <li>migrate: every {@code migrationInterval} generations the islands exchange migrants
 *       ({@link Migration}).
 * </ol>
 * In the island-stage mode a step is one whole stage instead: every island runs those steps on
 * its own for {@code migrationInterval} generations ({@link StagedIslands}, {@link IslandStage}),
 * then the islands migrate.
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
  private final SearchTasks tasks;
  /** The task mix: islands from {@link #firstMixIsland} on search on these tasks instead (null: no mix). */
  private SearchTasks mixTasks;
  private int firstMixIsland = Integer.MAX_VALUE;
  private final TaskProvider taskProvider;
  private final BatchEvaluator evaluator;
  private final FecScreen screen;
  private final CandidateEvaluation evaluation;
  private final Proposer proposer;
  private final long seed;
  private final int experiment;
  private final GenerationListener listener;

  /** The islands in the candidate-batch mode (and in the island-stage mode until they are packed). */
  private Island[] islands;
  /** The islands of the island-stage mode between stages; null in the candidate-batch mode. */
  private StagedIslands staged;
  private long generation;
  private long individuals;
  private long trainSteps;
  private long fecHits;
  private long fecMisses;
  private long startNanos = System.nanoTime();
  private double elapsedBefore;

  /**
   * @param fingerprinter required when FEC is enabled (it may share the evaluator's worker pool)
   * @param budgetBaseline the baseline algorithm when the train budget is enabled, else null
   */
  public EvolutionLoop(SearchSpec spec, TaskList tasks, TaskProvider taskProvider, BatchEvaluator evaluator,
      Fingerprinter fingerprinter, Algorithm budgetBaseline, long seed, int experiment,
      GenerationListener listener) {
    this.spec = spec;
    this.tasks = new SearchTasks(tasks, taskProvider);
    this.taskProvider = taskProvider;
    this.evaluator = evaluator;
    if (spec.fec().enabled() && fingerprinter == null) {
      throw new IllegalArgumentException("FEC is enabled but no fingerprinter was given");
    }
    this.screen = new FecScreen(spec.fec().enabled() ? fingerprinter : null, spec.fec());
    TrainBudget budget = spec.trainBudget().enabled()
        ? new TrainBudget(budgetBaseline, spec.trainBudget().factor())
        : null;
    this.evaluation = new CandidateEvaluation(spec, evaluator, screen, budget, seed, experiment);
    this.proposer = new Proposer(spec, new Mutator(spec), seed, experiment);
    this.seed = seed;
    this.experiment = experiment;
    this.listener = listener == null ? GenerationListener.NONE : listener;
    checkHurdles(this.tasks);
  }

  private void checkHurdles(SearchTasks set) {
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
      this.mixTasks = new SearchTasks(mix, taskProvider);
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
    Island[] islands = new Island[state.islands().size()];
    for (int i = 0; i < islands.length; i++) {
      islands[i] = new Island(state.islands().get(i), state.partialFitness().get(i));
    }
    loop.islands = islands;
    loop.generation = state.generation();
    loop.individuals = state.individuals();
    loop.trainSteps = state.trainSteps();
    loop.fecHits = state.fecHits();
    loop.fecMisses = state.fecMisses();
    loop.screen.restore(state.fecEntries());
    loop.packIfStaged();
    return loop;
  }

  /** The loop's state as plain data (valid after {@link #initialize()}). */
  public LoopState state() {
    requireInitialized();
    List<IslandState> is = new ArrayList<>();
    List<double[]> ps = new ArrayList<>();
    for (int i = 0; i < count(); i++) {
      is.add(staged != null ? staged.state(i) : islands[i].state());
      ps.add(staged != null ? staged.partial(i) : islands[i].partials());
    }
    return new LoopState(experiment, generation, individuals, trainSteps, fecHits, fecMisses, is, ps,
        screen.entries());
  }

  /** Evaluates the initial populations (generation 0). */
  public GenerationReport initialize() {
    if (initialized()) {
      throw new IllegalStateException("already initialized");
    }
    startNanos = System.nanoTime();
    int n = spec.islands().islands();
    int p = spec.islands().population();
    Proposer.Batch initial = proposer.initial(n, p);
    List<Algorithm> all = initial.candidates();
    int[] islandOf = initial.islandOf();
    String description = "experiment " + experiment + ", initial populations: evaluate "
        + String.format(Locale.ROOT, "%,d", all.size()) + " candidates";
    CandidateEvaluation.Outcome e;
    if (mixTasks == null || firstMixIsland >= n) {
      e = evaluate(tasks, all, islandOf, null, description);
    } else {
      int split = firstMixIsland * p;
      CandidateEvaluation.Outcome a = evaluate(tasks, all.subList(0, split), Arrays.copyOfRange(islandOf, 0, split),
          null, description);
      CandidateEvaluation.Outcome b = evaluate(mixTasks, all.subList(split, all.size()),
          Arrays.copyOfRange(islandOf, split, n * p), null, description + " (task mix)");
      e = a.then(b);
    }
    islands = new Island[n];
    for (int i = 0; i < n; i++) {
      islands[i] = new Island(new IslandState(all.subList(i * p, (i + 1) * p),
          Arrays.copyOfRange(e.fitness(), i * p, (i + 1) * p), 0, p), Arrays.copyOfRange(e.partial(), i * p,
          (i + 1) * p));
    }
    packIfStaged();
    return report(e.hits(), e.misses());
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
   * One generation: propose, screen and evaluate, accept, and migrate at migration boundaries. In
   * the island-stage mode, one whole stage instead (see {@link #stage()}).
   */
  public GenerationReport step() {
    requireInitialized();
    if (staged != null) {
      return stage();
    }
    long g = generation + 1;
    int n = islands.length;
    int b = spec.islands().children();
    Proposer.Batch children = proposer.children(islands, g);
    double[] hurdles = null;
    if (spec.hurdles().enabled()) {
      hurdles = new double[n];
      for (int i = 0; i < n; i++) {
        hurdles[i] = islands[i].hurdle(spec.hurdles().percentile());
      }
    }
    String description = evaluator.showsDescriptions() ? "experiment " + experiment + ", generation " + g
        + ": evaluate " + String.format(Locale.ROOT, "%,d", children.candidates().size()) + " candidates" : null;
    CandidateEvaluation.Outcome e = evaluate(tasks, children.candidates(), children.islandOf(), hurdles,
        description);
    for (int i = 0; i < n; i++) {
      int from = i * b;
      islands[i].accept(children.candidates().subList(from, from + b), Arrays.copyOfRange(e.fitness(), from,
          from + b), Arrays.copyOfRange(e.partial(), from, from + b));
    }
    generation = g;
    if (migrates(g)) {
      migrate(g);
    }
    return report(e.hits(), e.misses());
  }

  /**
   * The island-stage mode: every island evolves on its own for one stage ({@link IslandStage}),
   * wherever the evaluator runs it (and keeps it: {@link StagedIslands}), then the islands exchange
   * migrants. The last stage is cut
   * short so that it ends at the first generation that reaches max_individuals.
   */
  private GenerationReport stage() {
    int n = staged.count();
    int interval = spec.islands().migrationInterval();
    long perGeneration = (long) n * spec.islands().children();
    long remaining = spec.maxIndividuals() - individuals;
    int gens = (int) Math.max(1, Math.min(interval, (remaining + perGeneration - 1) / perGeneration));
    List<TaskList> lists = mixTasks == null ? List.of(tasks.list) : List.of(tasks.list, mixTasks.list);
    long end = generation + gens;
    StagedIslands.Spent spent = staged.stage(lists, firstMixIsland, experiment, generation, gens,
        "experiment " + experiment + ", generations " + (generation + 1) + "-" + end + ": evolve " + n + " islands",
        migrates(end) ? Rng.derive(seed, "migrate", experiment, end) : null);
    individuals += spent.individuals();
    trainSteps += spent.trainSteps();
    fecHits += Arrays.stream(spent.hits()).sum();
    fecMisses += Arrays.stream(spent.misses()).sum();
    generation = end;
    return report(spent.hits(), spent.misses());
  }

  private boolean migrates(long g) {
    return count() > 1 && spec.islands().migrants() > 0 && g % spec.islands().migrationInterval() == 0;
  }

  /** Exchanges migrants between the islands as {@link Migration} plans them. */
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
      Island from = islands[moves.get(m).from()];
      int slot = moves.get(m).slot();
      members[m] = from.member(slot);
      fitness[m] = from.fitness(slot);
      partials[m] = from.partial(slot);
    }
    for (int m = 0; m < moves.size(); m++) {
      islands[moves.get(m).to()].receive(members[m], fitness[m], partials[m]);
    }
  }

  /** In the island-stage mode, packs the islands once they are evaluated or restored. */
  private void packIfStaged() {
    if (spec.islands().mode() == IslandMode.ISLAND_STAGE) {
      staged = new StagedIslands(islands, evaluator, spec, seed);
      islands = null;
    }
  }

  private CandidateEvaluation.Outcome evaluate(SearchTasks ts, List<Algorithm> candidates, int[] islandOf,
      double[] hurdles, String description) {
    CandidateEvaluation.Outcome e = evaluation.evaluate(ts, candidates, islandOf, spec.islands().islands(), hurdles,
        individuals, description);
    individuals += candidates.size();
    trainSteps += e.trainSteps();
    fecHits += e.hitsTotal();
    fecMisses += e.missesTotal();
    return e;
  }

  private boolean initialized() {
    return islands != null || staged != null;
  }

  private int count() {
    return staged != null ? staged.count() : islands.length;
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
    if (staged != null) {
      return staged.best(from, to);
    }
    Member best = null;
    for (int i = from; i < to; i++) {
      int slot = islands[i].bestSlot();
      if (best == null || islands[i].fitness(slot) > best.fitness()) {
        best = new Member(islands[i].member(slot), islands[i].fitness(slot));
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
    return staged != null ? staged.islands() : List.of(islands);
  }

  private void requireInitialized() {
    if (!initialized()) {
      throw new IllegalStateException("the loop is not initialized: call initialize() first");
    }
  }

  private GenerationReport report(long[] hits, long[] misses) {
    double elapsed = elapsedSeconds();
    boolean wanted = listener.wantsIslandStats(individuals);
    int n = count();
    List<IslandStats> stats = new ArrayList<>(wanted ? n : 0);
    long genHits = 0;
    long genMisses = 0;
    for (int i = 0; i < n; i++) {
      if (wanted) {
        stats.add(staged != null ? staged.stats(i, hits[i], misses[i]) : islands[i].stats(i, hits[i], misses[i]));
      }
      genHits += hits[i];
      genMisses += misses[i];
    }
    GenerationReport r = new GenerationReport(experiment, generation, individuals, trainSteps, genHits, genMisses,
        elapsed, elapsed > 0 ? individuals / elapsed : 0.0, stats);
    listener.onGeneration(r);
    return r;
  }
}
