package org.automlzero.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.automlzero.core.search.fec.Fingerprinter;
import org.automlzero.core.search.spec.FecSpec;
import org.automlzero.core.search.spec.IslandMode;
import org.automlzero.core.search.spec.IslandSpec;
import org.automlzero.core.search.spec.MigrationTopology;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.search.stage.IslandHeader;
import org.automlzero.core.search.stage.IslandStage;
import org.automlzero.core.search.stage.PackedIsland;
import org.automlzero.core.search.stage.StageCall;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.junit.jupiter.api.Test;

/** The island-stage mode: stage arithmetic, determinism on any thread count, resume, the codec. */
class IslandStageTest {
  private static final TaskList TASKS = Specs.linearTasks(3, 20, 20);
  private static final TaskProvider GENERATED = new CachingTaskProvider(new TaskGenerator(null)::generate);

  private static SearchSpec spec(int islands, int children, int interval, long maxIndividuals) {
    return Specs.small(new IslandSpec(islands, 12, children, interval, 4, MigrationTopology.RANDOM,
        IslandMode.ISLAND_STAGE), new FecSpec(true, 5, 5, 1000, 0), maxIndividuals);
  }

  private static EvolutionLoop loop(SearchSpec spec, WorkerPool pool, List<GenerationReport> reports) {
    return new EvolutionLoop(spec, TASKS, GENERATED, new InProcessEvaluator(spec.shape(), 100.0, GENERATED, pool),
        new Fingerprinter(spec.shape(), 100.0, spec.fec(), pool), null, 9, 0, reports == null ? null : reports::add);
  }

  @Test
  void oneStepRunsAWholeStageAndTheLastStageStopsAtTheBudget() {
    // 3 islands x 12 initial, then 3 islands x 2 children x 10 generations = 60 per stage.
    SearchSpec spec = spec(3, 2, 10, 36 + 60 + 60 + 12);
    List<GenerationReport> reports = new java.util.ArrayList<>();
    try (WorkerPool pool = new WorkerPool(1)) {
      EvolutionLoop loop = loop(spec, pool, reports);
      loop.run();
      assertThat(reports).extracting(GenerationReport::generation).containsExactly(0L, 10L, 20L, 22L);
      assertThat(reports).extracting(GenerationReport::individuals).containsExactly(36L, 96L, 156L, 168L);
      for (Island island : loop.islands()) {
        assertThat(island.individuals()).isEqualTo(12 + 2 * 22);
      }
      assertThat(loop.fecHits() + loop.fecMisses()).isEqualTo(168L * 3);
    }
  }

  @Test
  void resultsDoNotDependOnThreadsAndIslandsDrawTheirOwnStreams() {
    SearchSpec spec = spec(4, 1, 25, 400);
    LoopState one;
    LoopState three;
    try (WorkerPool pool = new WorkerPool(1)) {
      EvolutionLoop loop = loop(spec, pool, null);
      loop.run();
      one = loop.state();
    }
    try (WorkerPool pool = new WorkerPool(3)) {
      EvolutionLoop loop = loop(spec, pool, null);
      loop.run();
      three = loop.state();
    }
    assertThat(three).usingRecursiveComparison().isEqualTo(one);
    // Two islands started from the same state evolve differently: their streams differ.
    IslandState start = one.islands().get(0);
    double[] partial = one.partialFitness().get(0);
    List<org.automlzero.core.task.LearningTask> learning = GENERATED.tasks(TASKS);
    byte[] packed = PackedIsland.pack(start, partial);
    IslandStage.Result a = IslandStage.run(spec, TASKS, learning, 9, new IslandStage.Request(0, 0, 0, 0, 5, packed));
    IslandStage.Result b = IslandStage.run(spec, TASKS, learning, 9, new IslandStage.Request(1, 0, 0, 0, 5, packed));
    IslandStage.Result again = IslandStage.run(spec, TASKS, learning, 9,
        new IslandStage.Request(0, 0, 0, 0, 5, packed));
    assertThat(PackedIsland.state(a.packed()).members()).isNotEqualTo(PackedIsland.state(b.packed()).members());
    assertThat(again).usingRecursiveComparison().isEqualTo(a);
  }

  @Test
  void aHostThatLosesItsIslandsChangesNothingForEitherTopology() {
    for (MigrationTopology topology : MigrationTopology.values()) {
      // 20 stages: more than two driver refreshes, losses right after one and with steps to replay.
      SearchSpec spec = Specs.small(new IslandSpec(3, 12, 1, 5, 4, topology, IslandMode.ISLAND_STAGE),
          new FecSpec(true, 5, 5, 1000, 0), 36 + 3 * 5 * 20);
      try (WorkerPool pool = new WorkerPool(2)) {
        List<GenerationReport> kept = new java.util.ArrayList<>();
        EvolutionLoop steady = loop(spec, pool, kept);
        steady.run();
        List<GenerationReport> lost = new java.util.ArrayList<>();
        InProcessEvaluator evaluator = new InProcessEvaluator(spec.shape(), 100.0, GENERATED, pool);
        EvolutionLoop losing = new EvolutionLoop(spec, TASKS, GENERATED, evaluator,
            new Fingerprinter(spec.shape(), 100.0, spec.fec(), pool), null, 9, 0, lost::add);
        losing.initialize();
        for (int stage = 1; !losing.finished(); stage++) {
          if (stage == 3 || stage == 9 || stage == 10 || stage == 15) {
            evaluator.residents().clear();
          }
          losing.step();
        }
        assertThat(losing.state()).usingRecursiveComparison().isEqualTo(steady.state());
        assertThat(lost).extracting(GenerationReport::islands).usingRecursiveComparison()
            .isEqualTo(kept.stream().map(GenerationReport::islands).toList());
        assertThat(steady.best()).isEqualTo(losing.best());
      }
    }
  }

  @Test
  void resumingAtAStageBoundaryContinuesIdentically() {
    SearchSpec spec = spec(2, 2, 7, 300);
    try (WorkerPool pool = new WorkerPool(2)) {
      EvolutionLoop whole = loop(spec, pool, null);
      whole.run();
      EvolutionLoop first = loop(spec, pool, null);
      first.initialize();
      first.step();
      first.step();
      EvolutionLoop resumed = EvolutionLoop.resume(first.state(), spec, TASKS, GENERATED,
          new InProcessEvaluator(spec.shape(), 100.0, GENERATED, pool),
          new Fingerprinter(spec.shape(), 100.0, spec.fec(), pool), null, 9, null);
      resumed.run();
      assertThat(resumed.state()).usingRecursiveComparison().isEqualTo(whole.state());
    }
  }

  @Test
  void callsAnswersAndPackedIslandsSurviveTheCodecBitForBit() {
    SearchSpec spec = spec(2, 1, 5, 100);
    try (WorkerPool pool = new WorkerPool(1)) {
      EvolutionLoop loop = loop(spec, pool, null);
      loop.initialize();
      IslandState state = loop.state().islands().get(1);
      double[] partial = {0.25, -0.0, Double.NaN, Double.MIN_VALUE, 1e300, 0, 0, 0, 0, 0, 0, 0};
      byte[] packed = PackedIsland.pack(state, partial);
      assertThat(PackedIsland.state(packed)).isEqualTo(state);
      assertThat(Arrays.equals(PackedIsland.partial(packed), partial)).isTrue();
      assertThat(PackedIsland.fitness(packed)).isEqualTo(state.fitness());
      assertThat(PackedIsland.member(packed, 3)).isEqualTo(state.members().get(3));
      List<PackedIsland.Migrant> migrants = List.of(PackedIsland.migrant(packed, 2),
          new PackedIsland.Migrant(new byte[0], -0.0, Double.NaN));
      StageCall call = new StageCall("run-1", 1, 1, 40, packed,
          List.of(new StageCall.Step(migrants, 3, 40, 5), new StageCall.Step(List.of(), 3, 45, 2)), 0,
          new int[] {3, 3, 0}, true);
      StageCall hosted = new StageCall("run-1", 0, 0, 7, null, List.of(), 4, new int[0], false);
      assertThat(StageCall.decodeCalls(StageCall.encode(List.of(call, hosted)))).usingRecursiveComparison()
          .withEqualsForType(StageIslandsCodec::sameBits, Double.class).isEqualTo(List.of(call, hosted));
      StageCall.Answer answer = new StageCall.Answer(1, false, IslandHeader.of(packed), migrants, packed, 7, 8, 9, 10);
      List<StageCall.Answer> back = StageCall.decodeAnswers(StageCall.encodeAnswers(
          List.of(answer, StageCall.Answer.missing(4))));
      assertThat(back.get(0)).usingRecursiveComparison().withEqualsForType(StageIslandsCodec::sameBits, Double.class)
          .isEqualTo(answer);
      assertThat(back.get(0).header().partial()).usingElementComparator(StageIslandsCodec::compareBits)
          .containsExactly(partial);
      assertThat(back.get(1).missing()).isTrue();
      assertThat(back.get(1).island()).isEqualTo(4);
    }
  }

  /** Bit-for-bit double comparison (NaN and -0.0 included). */
  private static final class StageIslandsCodec {
    static boolean sameBits(Double a, Double b) {
      return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    static int compareBits(Double a, Double b) {
      return Long.compare(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b));
    }
  }

  @Test
  void packedIslandsReceiveMigrantsExactlyAsIslandsDo() {
    SearchSpec spec = spec(2, 1, 5, 100);
    try (WorkerPool pool = new WorkerPool(1)) {
      EvolutionLoop loop = loop(spec, pool, null);
      loop.initialize();
      IslandState a = loop.state().islands().get(0);
      IslandState b = new IslandState(a.members(), a.fitness(), 7, a.individuals());
      double[] partial = new double[12];
      Arrays.setAll(partial, i -> i / 10.0);
      byte[] packedA = PackedIsland.pack(a, partial);
      byte[] packedB = PackedIsland.pack(b, partial);
      List<PackedIsland.Migrant> migrants = List.of(PackedIsland.migrant(packedA, 2), PackedIsland.migrant(packedA, 5));
      Island island = new Island(b, partial);
      island.receive(a.members().get(2), a.fitness()[2], partial[2]);
      island.receive(a.members().get(5), a.fitness()[5], partial[5]);
      byte[] received = PackedIsland.receive(packedB, migrants);
      assertThat(PackedIsland.state(received)).isEqualTo(island.state());
      assertThat(PackedIsland.partial(received)).isEqualTo(island.partials());
      assertThat(PackedIsland.partial(received)[7]).isEqualTo(0.2);
      assertThat(PackedIsland.partial(received)[8]).isEqualTo(0.5);
      assertThat(PackedIsland.stats(received, 1, 2, 3)).isEqualTo(island.stats(1, 2, 3));
    }
  }

  @Test
  void taskMixIslandsSearchOnTheirOwnTasksAndTheOthersAreUntouched() {
    TaskList mix = new TaskList("mix", List.of(org.automlzero.core.task.LearningTaskSpec.regression(
        org.automlzero.core.task.TaskType.SCALAR_NONLINEAR_REGRESSION, 4, 20, 20, 3, List.of(), List.of())));
    SearchSpec spec = Specs.small(new IslandSpec(4, 12, 1, 10, 0, MigrationTopology.RANDOM, IslandMode.ISLAND_STAGE),
        new FecSpec(true, 5, 5, 1000, 0), 48 + 4 * 30);
    LoopState plain;
    LoopState mixed;
    try (WorkerPool pool = new WorkerPool(2)) {
      EvolutionLoop a = loop(spec, pool, null);
      a.run();
      plain = a.state();
      EvolutionLoop b = loop(spec, pool, null).mix(mix, 2);
      b.run();
      mixed = b.state();
      assertThat(b.searchesMix(1)).isFalse();
      assertThat(b.searchesMix(2)).isTrue();
      assertThat(b.bestOfMix().fitness()).isEqualTo(
          java.util.stream.IntStream.range(2, 4).mapToDouble(i -> b.islands().get(i).fitness(b.islands().get(i)
              .bestSlot())).max().orElseThrow());
    }
    // No migrants here: islands 0 and 1 evolve exactly as without the mix, islands 2 and 3 on other tasks.
    assertThat(mixed.islands().subList(0, 2)).isEqualTo(plain.islands().subList(0, 2));
    assertThat(mixed.islands().get(2).fitness()).isNotEqualTo(plain.islands().get(2).fitness());
    assertThat(mixed.islands().get(3).fitness()).isNotEqualTo(plain.islands().get(3).fitness());
  }
}
