package org.automlzero.core.search.stage;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.BatchEvaluator;
import org.automlzero.core.search.EvolutionLoop;
import org.automlzero.core.search.GenerationListener;
import org.automlzero.core.search.InProcessEvaluator;
import org.automlzero.core.search.InitialAlgorithms;
import org.automlzero.core.search.IslandParameters;
import org.automlzero.core.search.IslandState;
import org.automlzero.core.search.LoopState;
import org.automlzero.core.search.TaskProvider;
import org.automlzero.core.search.WorkerPool;
import org.automlzero.core.search.fec.Fingerprinter;
import org.automlzero.core.search.spec.IslandMode;
import org.automlzero.core.search.spec.IslandSpec;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskList;

/**
 * One island's stage in the island-stage mode, as a pure function: from the island's state at
 * the start of a stage, evolve it for {@code generations} generations on its own and return its
 * state at the end. Wherever it runs (a driver thread, any Spark executor, a retried task) the
 * result is the same.
 *
 * <p>The island evolves exactly as a one-island {@link EvolutionLoop} in candidate-batch mode
 * would, with every random stream derived from its own seed {@code deriveSeed(runSeed,
 * "island-stage", island)} (so islands never share a stream), generations numbered as the whole
 * run numbers them, and a FEC cache that starts empty at each stage (so no cache state has to
 * travel or be checkpointed).
 */
public final class IslandStage {
  private IslandStage() {}

  /**
   * What a worker needs to run one island's stage.
   *
   * @param island the island's index in the run
   * @param list which of the stage's search task lists the island searches on (0, or 1 for the task mix)
   * @param experiment the experiment (task seeds may differ per experiment)
   * @param generation the generation the stage starts after
   * @param generations generations to run in this stage
   * @param packed the island at the stage start ({@link PackedIsland}: members, fitnesses, hurdle fitnesses, ages, count)
   */
  public record Request(int island, int list, int experiment, long generation, int generations, byte[] packed) {}

  /** The island at the stage end ({@link PackedIsland}), with what the stage spent. */
  public record Result(byte[] packed, long individuals, long trainSteps, long fecHits, long fecMisses) {}

  /** The seed of every random stream of one island in the island-stage mode. */
  public static long islandSeed(long runSeed, int island) {
    return Rng.deriveSeed(runSeed, "island-stage", island);
  }

  /**
   * Runs one island's stage on the calling thread.
   *
   * @param spec the run's search spec (its island model is used for population and children)
   * @param tasks the search tasks of the request's experiment
   * @param learningTasks those tasks, generated or read
   */
  public static Result run(SearchSpec spec, TaskList tasks, List<LearningTask> learningTasks, long runSeed,
      Request request) {
    IslandSpec is = spec.islands();
    IslandParameters.Resolved own = IslandParameters.resolve(spec, runSeed, request.island()); // per-island T and U
    SearchSpec one = new SearchSpec(spec.shape(), spec.setup(), spec.predict(), spec.learn(), spec.initialAlgorithm(),
        spec.method(), own.tournamentSize(), own.mutateProb(), spec.mutations(),
        new IslandSpec(1, is.population(), is.children(), 1, 0, is.topology(), IslandMode.CANDIDATE_BATCH),
        spec.fec(), spec.trainBudget(), spec.hurdles(), Long.MAX_VALUE, 0, spec.maxAbsError(),
        spec.fitnessCombination(), 0);
    TaskProvider fixed = list -> learningTasks;
    Algorithm baseline = spec.trainBudget().enabled()
        ? InitialAlgorithms.handCoded(spec.trainBudget().baseline(), spec)
        : null;
    try (WorkerPool serial = new WorkerPool(1)) {
      BatchEvaluator evaluator = new InProcessEvaluator(spec.shape(), spec.maxAbsError(), fixed, serial);
      Fingerprinter fingerprinter = spec.fec().enabled()
          ? new Fingerprinter(spec.shape(), spec.maxAbsError(), spec.fec(), serial)
          : null;
      IslandState state = PackedIsland.state(request.packed());
      long before = state.individuals();
      LoopState start = new LoopState(request.experiment(), request.generation(), before, 0, 0, 0,
          List.of(state), List.of(PackedIsland.partial(request.packed())), List.of());
      EvolutionLoop loop = EvolutionLoop.resume(start, one, tasks, fixed, evaluator, fingerprinter, baseline,
          islandSeed(runSeed, request.island()), GenerationListener.NONE);
      for (int g = 0; g < request.generations(); g++) {
        loop.step();
      }
      LoopState end = loop.state();
      return new Result(PackedIsland.pack(end.islands().get(0), end.partialFitness().get(0)),
          end.individuals() - before, end.trainSteps(), end.fecHits(), end.fecMisses());
    }
  }
}
