package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.interpreter.Fitness;
import org.automlzero.core.interpreter.FitnessCombination;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.fec.Fingerprinter;
import org.automlzero.core.search.spec.RunSpec;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskList;

/**
 * The experiment flow: search experiments ({@link EvolutionLoop}) repeat until the best
 * T_select fitness exceeds the sufficient fitness or the experiment limit is reached (with fresh
 * task seeds each experiment if asked, drawn from {@code derive(seed, "task-seeds", experiment)});
 * the best algorithm over all experiments (by select fitness; later experiments win ties, as in
 * the original) is then scored on the unseen final tasks. Select and final evaluations use all
 * training examples, no FEC and no budget; their run-time seeds are
 * {@code deriveSeed(seed, "select" | "final", experiment, task)}.
 */
public final class ExperimentRunner {
  private final RunSpec run;
  private final BatchEvaluator evaluator;
  private final TaskProvider taskProvider;
  private final Fingerprinter fingerprinter;
  private final GenerationListener listener;
  private final Consumer<String> log;
  private RunCheckpoints checkpoints = RunCheckpoints.NONE;

  /**
   * @param fingerprinter for FEC (may be null when FEC is disabled)
   * @param log receives the human-readable lines (experiment starts, select fitness, ...)
   */
  public ExperimentRunner(RunSpec run, BatchEvaluator evaluator, TaskProvider taskProvider,
      Fingerprinter fingerprinter, GenerationListener listener, Consumer<String> log) {
    this.run = run;
    this.evaluator = evaluator;
    this.taskProvider = taskProvider;
    this.fingerprinter = fingerprinter;
    this.listener = listener == null ? GenerationListener.NONE : listener;
    this.log = log == null ? s -> { } : log;
  }

  /**
   * Hands the run's state to {@code checkpoints} at due generations and after each experiment
   * (returns this runner).
   */
  public ExperimentRunner withCheckpoints(RunCheckpoints checkpoints) {
    this.checkpoints = checkpoints == null ? RunCheckpoints.NONE : checkpoints;
    return this;
  }

  public SearchResult run() {
    return resume(RunState.START);
  }

  /** Continues a run from a saved state; the result is identical to an uninterrupted run. */
  public SearchResult resume(RunState state) {
    long start = System.nanoTime() - (long) (state.elapsedSeconds() * 1e9);
    SearchSpec spec = run.search();
    Algorithm baseline = spec.trainBudget().enabled()
        ? InitialAlgorithms.handCoded(spec.trainBudget().baseline(), spec)
        : null;
    double bestSelect = Double.NEGATIVE_INFINITY;
    Algorithm best = null;
    double bestSearch = Double.NaN;
    List<ExperimentResult> results = new ArrayList<>(state.experiments());
    for (ExperimentResult r : results) {
      if (r.selectFitness() >= bestSelect) {
        bestSelect = r.selectFitness();
        best = r.best();
        bestSearch = r.searchFitness();
      }
    }
    int experiments = results.size();
    long individuals = state.individuals();
    long trainSteps = state.trainSteps();
    long hits = state.fecHits();
    long misses = state.fecMisses();
    LoopState saved = state.loop();
    boolean done = experiments > 0 && stop(experiments, bestSelect);
    while (!done) {
      int e = experiments;
      TaskList searchTasks = run.searchTasks();
      TaskList selectTasks = run.selectTasks();
      TaskList mixTasks = run.mixTasks();
      if (run.randomizeTaskSeeds()) {
        Rng rng = Rng.derive(run.seed(), "task-seeds", e);
        searchTasks = reseed(searchTasks, rng);
        selectTasks = reseed(selectTasks, rng);
        if (mixTasks != null) {
          mixTasks = reseed(mixTasks, Rng.derive(run.seed(), "mix-task-seeds", e));
        }
      }
      int firstMix = spec.islands().islands() - run.mixIslands();
      EvolutionLoop loop;
      if (saved != null) {
        log.accept("Experiment " + (e + 1) + ": resuming at generation " + saved.generation() + " ("
            + saved.individuals() + " individuals)...");
        loop = EvolutionLoop.resume(saved, spec, searchTasks, taskProvider, evaluator, fingerprinter, baseline,
            run.seed(), listener).mix(mixTasks, firstMix);
        loop.elapsedBefore(state.loopElapsedSeconds());
        saved = null;
      } else {
        log.accept("Experiment " + (e + 1) + ": evolving on " + searchTasks.size() + " T_search tasks...");
        loop = new EvolutionLoop(spec, searchTasks, taskProvider, evaluator, fingerprinter, baseline, run.seed(), e,
            listener).mix(mixTasks, firstMix);
        loop.initialize();
        checkpoint(loop, results, individuals, trainSteps, hits, misses, start);
      }
      while (!loop.finished()) {
        loop.step();
        checkpoint(loop, results, individuals, trainSteps, hits, misses, start);
      }
      individuals += loop.individuals();
      trainSteps += loop.trainSteps();
      hits += loop.fecHits();
      misses += loop.fecMisses();
      EvolutionLoop.Member candidate = loop.best();
      double select = evaluate(selectTasks, candidate.algorithm(), "select", e);
      if (mixTasks != null) {
        // Search fitnesses on different task lists do not compare: the mix's best competes on T_select.
        EvolutionLoop.Member mixBest = loop.bestOfMix();
        double mixSelect = evaluate(selectTasks, mixBest.algorithm(), "select", e);
        if (mixSelect > select) {
          candidate = mixBest;
          select = mixSelect;
        }
      }
      log.accept(String.format(Locale.ROOT, "Experiment %d: search fitness %.6f, select fitness %.6f (%d individuals)",
          e + 1, candidate.fitness(), select, loop.individuals()));
      if (select >= bestSelect) {
        bestSelect = select;
        best = candidate.algorithm();
        bestSearch = candidate.fitness();
      }
      results.add(new ExperimentResult(e, candidate.algorithm(), candidate.fitness(), select, loop.individuals()));
      experiments++;
      checkpoints.save(new RunState(results, individuals, trainSteps, hits, misses, seconds(start), null, 0.0));
      done = stop(experiments, bestSelect);
    }
    log.accept("Final evaluation of the best algorithm on " + run.finalTasks().size() + " unseen tasks...");
    double fin = evaluate(run.finalTasks(), best, "final", experiments);
    return new SearchResult(best, bestSearch, bestSelect, fin, experiments, individuals, trainSteps, hits, misses,
        seconds(start));
  }

  private boolean stop(int experiments, double bestSelect) {
    return (run.sufficientFitness() > 0.0 && bestSelect > run.sufficientFitness())
        || (run.maxExperiments() != 0 && experiments >= run.maxExperiments());
  }

  private void checkpoint(EvolutionLoop loop, List<ExperimentResult> results, long individuals, long trainSteps,
      long hits, long misses, long start) {
    if (checkpoints.due(loop.experiment(), loop.generation())) {
      checkpoints.save(new RunState(results, individuals, trainSteps, hits, misses, seconds(start), loop.state(),
          loop.elapsedSeconds()));
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Mean fitness of one algorithm over a task list, all training examples, no FEC, no budget. */
  public double evaluate(TaskList tasks, Algorithm algorithm, String purpose, int experiment) {
    List<EvaluationRequest> requests = new ArrayList<>();
    int t = 0;
    for (LearningTaskSpec s : tasks.specs()) {
      for (int i = 0; i < s.numTasks(); i++, t++) {
        requests.add(new EvaluationRequest(0, t, s.maxTrainExamples(),
            Rng.deriveSeed(run.seed(), purpose, experiment, t)));
      }
    }
    double[] f = evaluator.evaluate(tasks, List.of(algorithm), requests,
        purpose + " evaluation: 1 algorithm on " + requests.size() + " tasks");
    return Fitness.combine(f, FitnessCombination.MEAN);
  }

  /** Fresh first data and param seeds for every spec of a list (later tasks count up from them). */
  static TaskList reseed(TaskList list, Rng rng) {
    List<LearningTaskSpec> specs = new ArrayList<>();
    for (LearningTaskSpec s : list.specs()) {
      long data = rng.nextInt(Integer.MAX_VALUE / 2);
      long param = rng.nextInt(Integer.MAX_VALUE / 2);
      specs.add(s.withSeeds(List.of(data), List.of(param)));
    }
    return new TaskList(list.name(), specs);
  }
}
