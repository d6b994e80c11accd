package org.automlzero.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.search.spec.FecSpec;
import org.automlzero.core.search.spec.HurdleSpec;
import org.automlzero.core.search.spec.IslandSpec;
import org.automlzero.core.search.spec.MigrationTopology;
import org.automlzero.core.search.spec.SearchMethod;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.TaskList;
import org.junit.jupiter.api.Test;

class EvolutionLoopTest {
  private static final TaskList TASKS = Specs.linearTasks(3, 20, 20);
  private static final TaskProvider NO_TASKS = list -> {
    throw new AssertionError("FEC is off: no task data needed");
  };

  private static EvolutionLoop loop(SearchSpec spec, FakeEvaluator evaluator, long seed, GenerationListener l) {
    return new EvolutionLoop(spec, TASKS, NO_TASKS, evaluator, null, null, seed, 0, l);
  }

  @Test
  void steadyStateRunsOneChildPerGenerationUntilMaxIndividuals() {
    SearchSpec spec = Specs.small(Specs.steadyState(20), FecSpec.DISABLED, 120);
    FakeEvaluator evaluator = new FakeEvaluator();
    List<GenerationReport> reports = new ArrayList<>();
    EvolutionLoop loop = loop(spec, evaluator, 5, reports::add);
    loop.run();
    assertThat(loop.individuals()).isEqualTo(120);
    assertThat(loop.generation()).isEqualTo(100);
    assertThat(reports).hasSize(101);
    assertThat(reports.get(0).generation()).isZero();
    assertThat(reports.get(0).individuals()).isEqualTo(20);
    assertThat(evaluator.descriptions.get(0)).isEqualTo("experiment 0, initial populations: evaluate 20 candidates");
    assertThat(evaluator.descriptions.get(1)).isEqualTo("experiment 0, generation 1: evaluate 1 candidates");
    assertThat(evaluator.requests).isEqualTo(120 * 3);
    // Selection pressure works: the population improved on the fake fitness.
    assertThat(reports.get(100).islands().get(0).meanFitness())
        .isGreaterThan(reports.get(0).islands().get(0).meanFitness());
  }

  @Test
  void sameSeedSameRunDifferentSeedDifferentRun() {
    SearchSpec spec = Specs.small(new IslandSpec(3, 16, 4, 2, 2, MigrationTopology.RING), FecSpec.DISABLED, 400);
    EvolutionLoop a = loop(spec, new FakeEvaluator(), 7, null);
    EvolutionLoop b = loop(spec, new FakeEvaluator(), 7, null);
    EvolutionLoop c = loop(spec, new FakeEvaluator(), 8, null);
    a.run();
    b.run();
    c.run();
    assertThat(b.state()).usingRecursiveComparison().isEqualTo(a.state());
    assertThat(c.state().islands()).isNotEqualTo(a.state().islands());
  }

  @Test
  void resumingFromStateContinuesIdentically() {
    SearchSpec spec = Specs.small(new IslandSpec(2, 12, 3, 3, 1, MigrationTopology.RANDOM), FecSpec.DISABLED, 300);
    EvolutionLoop whole = loop(spec, new FakeEvaluator(), 3, null);
    whole.run();
    EvolutionLoop first = loop(spec, new FakeEvaluator(), 3, null);
    first.initialize();
    for (int g = 0; g < 20; g++) {
      first.step();
    }
    LoopState saved = first.state();
    EvolutionLoop resumed = EvolutionLoop.resume(saved, spec, TASKS, NO_TASKS, new FakeEvaluator(), null, null, 3,
        null);
    resumed.run();
    assertThat(resumed.state()).usingRecursiveComparison().isEqualTo(whole.state());
  }

  @Test
  void ringMigrationSendsTheBestToTheNextIsland() {
    // Migration every generation, 1 migrant: island 0's best after the generation's children
    // arrived (and before migration) must become island 1's youngest member, with its fitness.
    SearchSpec spec = Specs.small(new IslandSpec(2, 10, 1, 1, 1, MigrationTopology.RING), FecSpec.DISABLED, 1000);
    EvolutionLoop noMigration = loop(Specs.small(new IslandSpec(2, 10, 1, 1, 0, MigrationTopology.RING),
        FecSpec.DISABLED, 1000), new FakeEvaluator(), 11, null);
    noMigration.initialize();
    noMigration.step(); // the same generation (same streams), without the exchange
    Island before = noMigration.islands().get(0);
    Algorithm sent = before.member(before.bestSlot());
    double sentFitness = before.fitness(before.bestSlot());

    EvolutionLoop loop = loop(spec, new FakeEvaluator(), 11, null);
    loop.initialize();
    loop.step();
    Island to = loop.islands().get(1);
    int youngest = Math.floorMod(to.oldestSlot() - 1, to.size());
    assertThat(to.member(youngest)).isEqualTo(sent);
    assertThat(to.fitness(youngest)).isEqualTo(sentFitness);
    assertThat(to.individuals()).isEqualTo(11); // migrants are not counted as evaluated
  }

  @Test
  void randomSearchDrawsFreshCandidates() {
    SearchSpec base = Specs.small(Specs.steadyState(10), FecSpec.DISABLED, 50);
    SearchSpec spec = new SearchSpec(base.shape(), base.setup(), base.predict(), base.learn(),
        base.initialAlgorithm(), SearchMethod.RANDOM_SEARCH, base.tournamentSize(), base.mutateProb(),
        base.mutations(), base.islands(), base.fec(), base.trainBudget(), base.hurdles(), base.maxIndividuals(),
        0, 100.0, base.fitnessCombination(), 0);
    EvolutionLoop loop = loop(spec, new FakeEvaluator(), 1, null);
    loop.run();
    assertThat(loop.individuals()).isEqualTo(50);
    assertThat(loop.islands().get(0).member(0).learn()).hasSize(4); // init sizes, not mutated sizes
  }

  @Test
  void hurdlesStopWeakCandidatesAfterTheFirstTasks() {
    SearchSpec base = Specs.small(Specs.steadyState(10), FecSpec.DISABLED, 60);
    SearchSpec spec = new SearchSpec(base.shape(), base.setup(), base.predict(), base.learn(),
        base.initialAlgorithm(), base.method(), base.tournamentSize(), base.mutateProb(), base.mutations(),
        base.islands(), base.fec(), base.trainBudget(), new HurdleSpec(true, 1, 75.0), base.maxIndividuals(), 0,
        100.0, base.fitnessCombination(), 0);
    FakeEvaluator evaluator = new FakeEvaluator();
    EvolutionLoop loop = loop(spec, evaluator, 2, null);
    loop.run();
    // Initial members are always fully evaluated (10 x 3 tasks); later ones only past the hurdle.
    assertThat(evaluator.requests).isLessThan(60 * 3).isGreaterThan(10 * 3 + 50);
    assertThat(evaluator.descriptions).anyMatch(d -> d.endsWith("(past hurdle)"));
  }
}
