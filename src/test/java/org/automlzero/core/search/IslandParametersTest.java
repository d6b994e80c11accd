package org.automlzero.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.automlzero.core.config.ConfigException;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.search.spec.FecSpec;
import org.automlzero.core.search.spec.IslandMode;
import org.automlzero.core.search.spec.IslandSpec;
import org.automlzero.core.search.spec.MigrationTopology;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.search.stage.IslandStage;
import org.automlzero.core.search.stage.PackedIsland;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.junit.jupiter.api.Test;

/** Per-island parameters drawn from ranges: deterministic from the seed, each island its own, applied in stages. */
class IslandParametersTest {
  private static final TaskList TASKS = Specs.linearTasks(3, 20, 20);
  private static final TaskProvider GENERATED = new CachingTaskProvider(new TaskGenerator(null)::generate);

  private static SearchSpec spec(int islands, IslandParameters.Ranges ranges) {
    SearchSpec s = Specs.small(new IslandSpec(islands, 12, 1, 10, 4, MigrationTopology.RANDOM,
        IslandMode.ISLAND_STAGE), new FecSpec(false, 5, 5, 1000, 0), 400);
    return new SearchSpec(s.shape(), s.setup(), s.predict(), s.learn(), s.initialAlgorithm(), s.method(),
        s.tournamentSize(), s.mutateProb(), s.mutations(), s.islands(), s.fec(), s.trainBudget(), s.hurdles(),
        s.maxIndividuals(), s.maxTrainSteps(), s.maxAbsError(), s.fitnessCombination(), s.progressEvery(), ranges);
  }

  private static IslandParameters.Ranges ranges(double t0, double t1, double u0, double u1) {
    return new IslandParameters.Ranges(new IslandParameters.Range(t0, t1), new IslandParameters.Range(u0, u1));
  }

  @Test
  void rangesDrawDeterministicallyFromTheRunSeed() {
    SearchSpec spec = spec(10, ranges(2, 12, 0.5, 1.0));
    List<IslandParameters.Resolved> a = IslandParameters.all(spec, 7);
    assertThat(IslandParameters.all(spec, 7)).isEqualTo(a);
    assertThat(IslandParameters.all(spec(10, ranges(2, 12, 0.5, 1.0)), 7)).isEqualTo(a);
    assertThat(IslandParameters.all(spec, 8)).isNotEqualTo(a);
    // Island i's values depend on the seed and i only, not on how many islands there are.
    assertThat(IslandParameters.all(spec(4, ranges(2, 12, 0.5, 1.0)), 7)).isEqualTo(a.subList(0, 4));
    // Declaring one range leaves the other's draws as they were.
    List<IslandParameters.Resolved> onlyT = IslandParameters.all(
        spec(10, new IslandParameters.Ranges(new IslandParameters.Range(2, 12), null)), 7);
    for (int i = 0; i < 10; i++) {
      assertThat(onlyT.get(i).tournamentSize()).isEqualTo(a.get(i).tournamentSize());
      assertThat(onlyT.get(i).mutateProb()).isEqualTo(spec.mutateProb());
    }
  }

  @Test
  void islandsGetTheirOwnParametersWithinTheRanges() {
    List<IslandParameters.Resolved> all = IslandParameters.all(spec(50, ranges(2, 12, 0.5, 1.0)), 3);
    Set<Integer> sizes = new HashSet<>();
    Set<Double> probs = new HashSet<>();
    for (IslandParameters.Resolved r : all) {
      assertThat(r.tournamentSize()).isBetween(2, 12);
      assertThat(r.mutateProb()).isBetween(0.5, 1.0);
      sizes.add(r.tournamentSize());
      probs.add(r.mutateProb());
    }
    assertThat(sizes).hasSizeGreaterThan(6); // 50 draws over 11 integers
    assertThat(probs).hasSize(50);
    // Without ranges every island has the spec's values.
    for (IslandParameters.Resolved r : IslandParameters.all(spec(5, IslandParameters.Ranges.NONE), 3)) {
      assertThat(r.tournamentSize()).isEqualTo(4);
      assertThat(r.mutateProb()).isEqualTo(0.9);
    }
  }

  @Test
  void aStageRunsWithItsIslandsParameters() {
    // With U drawn from [0, 0] no child is ever mutated: a stage only copies members.
    SearchSpec never = spec(2, ranges(1, 1, 0.0, 0.0));
    SearchSpec always = spec(2, ranges(1, 1, 1.0, 1.0));
    try (WorkerPool pool = new WorkerPool(1)) {
      EvolutionLoop loop = new EvolutionLoop(never, TASKS, GENERATED,
          new InProcessEvaluator(never.shape(), 100.0, GENERATED, pool), null, null, 9, 0, null);
      loop.initialize();
      LoopState start = loop.state();
      IslandState island = start.islands().get(1);
      List<org.automlzero.core.task.LearningTask> learning = GENERATED.tasks(TASKS);
      IslandStage.Request request = new IslandStage.Request(1, 0, 0, 0, 10,
          PackedIsland.pack(island, start.partialFitness().get(1)));
      IslandStage.Result copies = IslandStage.run(never, TASKS, learning, 9, request);
      assertThat(island.members()).containsAll(PackedIsland.state(copies.packed()).members());
      IslandStage.Result mutated = IslandStage.run(always, TASKS, learning, 9, request);
      // With U drawn from [1, 1] the 10 children are mutated (a mutation can rarely give back a member).
      long fresh = PackedIsland.state(mutated.packed()).members().stream().filter(m -> !island.members().contains(m)).count();
      assertThat(fresh).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void theConfigDeclaresRangesAndRefusesBadOnesInOneLine() {
    String base = "islands.mode = ISLAND_STAGE\nislands.count = 4\nsearch.population_size = 20\n"
        + "search.setup.ops = [SCALAR_CONST_SET]\n";
    SearchSpec s = ConfigLoader.parse(base + "islands.ranges.tournament_size = 5..10\n"
        + "islands.ranges.mutate_prob = 0.8..1.0\n", "t.conf", List.of()).run().search();
    assertThat(s.ranges()).isEqualTo(ranges(5, 10, 0.8, 1.0));
    assertThat(ConfigLoader.parse(base, "t.conf", List.of()).run().search().ranges().any()).isFalse();
    record Bad(String setting, String message) {}
    for (Bad bad : List.of(
        new Bad("islands.ranges.tournament_size = 5", "t.conf:5: islands.ranges.tournament_size = 5: must be a range "
            + "LOW..HIGH, e.g. 5..20"),
        new Bad("islands.ranges.tournament_size = 10..5", "has LOW > HIGH"),
        new Bad("islands.ranges.tournament_size = 2.5..5", "must be a range of two integers"),
        new Bad("islands.ranges.tournament_size = 0..5", "must be >= 1"),
        new Bad("islands.ranges.tournament_size = 5..21", "must not exceed search.population_size (20)"),
        new Bad("islands.ranges.mutate_prob = 0.5..x", "must be a range LOW..HIGH of two numbers"),
        new Bad("islands.ranges.mutate_prob = 0.5..1.5", "must lie in [0, 1]"))) {
      assertThatThrownBy(() -> ConfigLoader.parse(base + bad.setting() + "\n", "t.conf", List.of()))
          .isInstanceOf(ConfigException.class).hasMessageContaining(bad.message())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
    assertThatThrownBy(() -> ConfigLoader.parse("islands.ranges.mutate_prob = 0.5..1\n"
        + "search.setup.ops = [SCALAR_CONST_SET]\n", "t.conf", List.of()))
        .isInstanceOf(ConfigException.class).hasMessage("t.conf:1: islands.ranges.mutate_prob = 0.5..1: needs "
            + "islands.mode = ISLAND_STAGE (each island runs with its own parameters only in that mode)");
  }
}
