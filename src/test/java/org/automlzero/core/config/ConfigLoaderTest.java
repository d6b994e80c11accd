package org.automlzero.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.automlzero.core.algorithm.InitAlgorithm;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.search.spec.MigrationTopology;
import org.automlzero.core.search.spec.MutationType;
import org.automlzero.core.search.spec.RunSpec;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskType;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final String MINIMAL = """
      memory.scalars = 4
      memory.vectors = 3
      memory.matrices = 1
      search.predict.ops = [SCALAR_SUM, VECTOR_INNER_PRODUCT]
      search.population_size = 20
      search.tournament_size = 5
      """;

  private static Path conf(String name) {
    return Path.of(System.getProperty("project.basedir", "."), "conf", name);
  }

  private static ExperimentConfig parse(String text, String... overrides) {
    return ConfigLoader.parse(text, "test.conf", List.of(overrides));
  }

  private static String message(String text, String... overrides) {
    try {
      parse(text, overrides);
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a ConfigException");
  }

  @Test
  void demoConfigIsTheSeedReadmeDemo() {
    ExperimentConfig config = ConfigLoader.load(conf("demo.conf"), List.of());
    RunSpec run = config.run();
    SearchSpec s = run.search();
    assertThat(s.shape().scalars()).isEqualTo(4);
    assertThat(s.shape().vectors()).isEqualTo(3);
    assertThat(s.shape().matrices()).isEqualTo(1);
    assertThat(s.shape().features()).isEqualTo(4);
    List<Op> ops = List.of(Op.SCALAR_CONST_SET, Op.VECTOR_INNER_PRODUCT, Op.SCALAR_DIFF, Op.SCALAR_PRODUCT,
        Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM);
    assertThat(s.setup().ops()).isEqualTo(ops);
    assertThat(s.predict().ops()).isEqualTo(ops);
    assertThat(s.learn().ops()).isEqualTo(ops);
    assertThat(List.of(s.setup().initSize(), s.predict().initSize(), s.learn().initSize())).containsExactly(10, 2, 8);
    assertThat(s.setup().maxSize()).isEqualTo(10);
    assertThat(s.islands().population()).isEqualTo(1000);
    assertThat(s.islands().islands()).isEqualTo(1);
    assertThat(s.islands().children()).isEqualTo(1);
    assertThat(s.tournamentSize()).isEqualTo(10);
    assertThat(s.mutateProb()).isEqualTo(0.9);
    assertThat(s.mutations()).containsExactly(MutationType.ALTER_PARAM, MutationType.RANDOMIZE_INSTRUCTION,
        MutationType.RANDOMIZE_COMPONENT_FUNCTION);
    assertThat(s.initialAlgorithm()).isEqualTo(InitAlgorithm.RANDOM);
    assertThat(s.fec().enabled()).isTrue();
    assertThat(s.fec().trainExamples()).isEqualTo(10);
    assertThat(s.maxIndividuals()).isEqualTo(1_000_000L);
    assertThat(run.sufficientFitness()).isEqualTo(0.9999);
    assertThat(run.maxExperiments()).isZero();
    assertThat(run.randomizeTaskSeeds()).isTrue();
    LearningTaskSpec search = run.searchTasks().specs().get(0);
    assertThat(search.type()).isEqualTo(TaskType.SCALAR_LINEAR_REGRESSION);
    assertThat(List.of(search.numTrain(), search.numValid(), search.numTasks())).containsExactly(100, 100, 10);
    LearningTaskSpec fin = run.finalTasks().specs().get(0);
    assertThat(List.of(fin.numTrain(), fin.numValid(), fin.numTasks())).containsExactly(1000, 100, 100);
    assertThat(fin.dataSeeds()).containsExactly(1_000_000L);
    assertThat(fin.paramSeeds()).containsExactly(2_000_000L);
    assertThat(run.selectTasks().size()).isEqualTo(100);
  }

  @Test
  void baselineConfigSearchesOnThe36PairsAndEvaluatesOnTheHeldOut9() {
    ExperimentConfig config = ConfigLoader.load(conf("baseline.conf"), List.of());
    RunSpec run = config.run();
    assertThat(run.seed()).isEqualTo(1000060L);
    assertThat(run.search().trainBudget().enabled()).isTrue();
    assertThat(run.search().maxTrainSteps()).isEqualTo(100_000_000_000L);
    LearningTaskSpec search = run.searchTasks().specs().get(0);
    assertThat(search.evalType()).isEqualTo(EvalType.ACCURACY);
    // As the original's run_baseline.sh: its held_out_pairs are excluded from T_search and T_select.
    assertThat(search.pairs()).hasSize(36).doesNotContainAnyElementsOf(ClassPair.HELD_OUT)
        .contains(new ClassPair(0, 1), new ClassPair(7, 9));
    assertThat(run.selectTasks().specs().get(0).pairs()).isEqualTo(search.pairs());
    LearningTaskSpec fin = run.finalTasks().specs().get(0);
    assertThat(fin.pairs()).containsExactlyElementsOf(ClassPair.HELD_OUT);
    assertThat(run.search().learn().maxSize()).isEqualTo(23);
  }

  @Test
  void pairListsSayWhatTheyMean() {
    String base = MINIMAL + "\nsearch.tasks.type = PROJECTED_BINARY_CLASSIFICATION\n";
    assertThat(parse(base).run().searchTasks().specs().get(0).pairs()).isEqualTo(ClassPair.ALL).hasSize(45);
    assertThat(parse(base, "search.tasks.exclude_pairs=[(0,1), (8,9)]").run().searchTasks().specs().get(0).pairs())
        .hasSize(43).doesNotContain(new ClassPair(0, 1), new ClassPair(8, 9)).startsWith(new ClassPair(0, 2));
    assertThat(parse(base, "search.tasks.held_out_pairs=[(0,1)]").run().searchTasks().specs().get(0).pairs())
        .hasSize(44).doesNotContain(new ClassPair(0, 1));
    assertThat(parse(base, "search.tasks.pairs=[(3,5), (1,2)]", "search.tasks.exclude_pairs=[(1,2)]").run()
        .searchTasks().specs().get(0).pairs()).containsExactly(new ClassPair(3, 5));
  }

  @Test
  void fullConfigIsBaselinePlusMigrationFecHurdlesAndHalfTheIslandsOnMnist() {
    RunSpec full = ConfigLoader.load(conf("full.conf"), List.of()).run();
    RunSpec basic = ConfigLoader.load(conf("baseline.conf"), List.of()).run();
    assertThat(full.search().fec().enabled()).isTrue();
    assertThat(full.search().hurdles().enabled()).isTrue();
    assertThat(full.search().islands().islands()).isEqualTo(10);
    assertThat(full.mixIslands()).isEqualTo(5);
    assertThat(full.mixTasks().specs().get(0).dataset()).isEqualTo("mnist");
    assertThat(full.mixTasks().specs().get(0).pairs()).isEqualTo(full.searchTasks().specs().get(0).pairs());
    assertThat(full.searchTasks()).isEqualTo(basic.searchTasks());
    assertThat(full.finalTasks()).isEqualTo(basic.finalTasks());
    assertThat(full.search().predict()).isEqualTo(basic.search().predict());
    assertThat(full.search().learn()).isEqualTo(basic.search().learn());
  }

  @Test
  void aTaskMixGivesTheLastIslandsTheirOwnTasks() {
    String base = MINIMAL + "\nislands.count = 4\nislands.mode = ISLAND_STAGE\n";
    RunSpec run = parse(base, "islands.mix_fraction=0.5", "mix.tasks.type=SCALAR_NONLINEAR_REGRESSION").run();
    assertThat(run.mixIslands()).isEqualTo(2);
    assertThat(run.mixTasks().specs().get(0).type()).isEqualTo(TaskType.SCALAR_NONLINEAR_REGRESSION);
    assertThat(parse(base).run().mixTasks()).isNull();
    assertThatThrownBy(() -> parse(base, "islands.mix_fraction=0.1"))
        .hasMessageContaining("islands.mix_fraction = 0.1: gives 0 of islands.count = 4 islands");
    assertThatThrownBy(() -> parse(base, "islands.mix_fraction=1"))
        .hasMessageContaining("islands.mix_fraction = 1: must be below 1");
    assertThatThrownBy(() -> parse(base, "islands.mix_fraction=0.5", "islands.mode=CANDIDATE_BATCH"))
        .hasMessageContaining("islands.mix_fraction = 0.5: needs islands.mode = ISLAND_STAGE");
  }

  @Test
  void badPairExclusionsAreNamed() {
    String base = MINIMAL + "\nsearch.tasks.type = PROJECTED_BINARY_CLASSIFICATION\n";
    assertThatThrownBy(() -> parse(base, "search.tasks.pairs=[(3,5)]", "search.tasks.exclude_pairs=[(1,2)]"))
        .hasMessageContaining("search.tasks.exclude_pairs = [(1,2)]: excludes (1,2), which is not among the pairs "
            + "listed in search.tasks.pairs");
    assertThatThrownBy(() -> parse(base, "search.tasks.pairs=[(3,5)]", "search.tasks.exclude_pairs=[(3,5)]"))
        .hasMessageContaining("excludes every pair: at least one must remain");
    assertThatThrownBy(() -> parse(base, "search.tasks.held_out_pairs=[(3,5)]", "search.tasks.exclude_pairs=[(1,2)]"))
        .hasMessageContaining("search.tasks.held_out_pairs = [(3,5)]: is the original's spelling of "
            + "search.tasks.exclude_pairs: set only one of them");
  }

  @Test
  void nonlinearConfigLoads() {
    ExperimentConfig config = ConfigLoader.load(conf("nonlinear.conf"), List.of());
    assertThat(config.run().searchTasks().specs().get(0).type()).isEqualTo(TaskType.SCALAR_NONLINEAR_REGRESSION);
  }

  @Test
  void defaultsAndOverrides() {
    ExperimentConfig c = parse(MINIMAL, "islands.count=4", "islands.topology=random", "run.seed=77");
    assertThat(c.run().search().islands().islands()).isEqualTo(4);
    assertThat(c.run().search().islands().topology()).isEqualTo(MigrationTopology.RANDOM);
    assertThat(c.run().seed()).isEqualTo(77L);
    assertThat(c.run().search().fec().cacheSize()).isEqualTo(100_000);
    assertThat(c.effective()).containsEntry("islands.count", "4");
  }

  @Test
  void effectiveConfigLoadsBackToTheSameRun() {
    ExperimentConfig c = ConfigLoader.load(conf("demo.conf"), List.of());
    ExperimentConfig again = parse(c.toConfigText());
    assertThat(again.run()).isEqualTo(c.run());
  }

  @Test
  void multiLineListsAndComments() {
    ExperimentConfig c = parse(MINIMAL + "search.learn.ops = [SCALAR_SUM,  # first\n  VECTOR_SUM]\n");
    assertThat(c.run().search().learn().ops()).containsExactly(Op.SCALAR_SUM, Op.VECTOR_SUM);
  }

  @Test
  void unknownKeySuggestsTheNearest() {
    assertThat(message(MINIMAL + "search.tournament = 3\n"))
        .isEqualTo("test.conf:7: unknown key 'search.tournament'; did you mean 'search.tournament_size'?");
  }

  @Test
  void unknownKeyOnTheCommandLine() {
    assertThat(message(MINIMAL, "islands.cuont=2"))
        .isEqualTo("--set islands.cuont: unknown key 'islands.cuont'; did you mean 'islands.count'?");
  }

  @Test
  void wrongType() {
    assertThat(message(MINIMAL + "search.max_individuals = lots\n"))
        .isEqualTo("test.conf:7: search.max_individuals = lots: must be an integer");
  }

  @Test
  void wrongTypeOnTheCommandLine() {
    assertThat(message(MINIMAL, "search.mutate_prob=high"))
        .isEqualTo("--set search.mutate_prob: search.mutate_prob = high: must be a number");
  }

  @Test
  void wrongBoolean() {
    assertThat(message(MINIMAL + "search.fec.enabled = yes\n"))
        .isEqualTo("test.conf:7: search.fec.enabled = yes: must be true or false");
  }

  @Test
  void unknownOp() {
    assertThat(message(MINIMAL + "search.learn.ops = [SCALAR_SUM, VECTOR_SQUARE]\n"))
        .isEqualTo("test.conf:7: search.learn.ops = [SCALAR_SUM, VECTOR_SQUARE]: unknown op 'VECTOR_SQUARE': "
            + "expected one of the 65 op names, e.g. SCALAR_SUM or VECTOR_INNER_PRODUCT_OP");
  }

  @Test
  void unknownEnumValue() {
    assertThat(message(MINIMAL + "islands.topology = STAR\n"))
        .isEqualTo("test.conf:7: islands.topology = STAR: must be one of RING, RANDOM");
  }

  @Test
  void unknownMutationType() {
    assertThat(message(MINIMAL + "search.mutations = [ALTER_PARAM, SWAP]\n")).startsWith(
        "test.conf:7: search.mutations = [ALTER_PARAM, SWAP]: unknown mutation type 'SWAP': expected one of");
  }

  @Test
  void tournamentLargerThanPopulation() {
    assertThat(message(MINIMAL, "search.tournament_size=21")).isEqualTo(
        "--set search.tournament_size: search.tournament_size = 21: must not exceed search.population_size (20)");
  }

  @Test
  void minSizeAboveMaxSize() {
    assertThat(message(MINIMAL + "search.learn.min_size = 5\nsearch.learn.max_size = 3\n"))
        .isEqualTo("test.conf:7: search.learn.min_size = 5: must not exceed search.learn.max_size (3)");
  }

  @Test
  void initSizeOutsideBounds() {
    assertThat(message(MINIMAL + "search.setup.init_size = 9\nsearch.setup.max_size = 7\n"))
        .isEqualTo("test.conf:7: search.setup.init_size = 9: must be <= search.setup.max_size (7)");
    assertThat(message(MINIMAL + "search.setup.init_size = 1\nsearch.setup.min_size = 2\nsearch.setup.max_size = 7\n"))
        .isEqualTo("test.conf:7: search.setup.init_size = 1: must be >= search.setup.min_size (2)");
  }

  @Test
  void matrixOpsWithoutMatrices() {
    assertThat(message(MINIMAL + "search.learn.ops = [MATRIX_VECTOR_PRODUCT]\n", "memory.matrices=0"))
        .isEqualTo("test.conf:7: search.learn.ops = [MATRIX_VECTOR_PRODUCT]: op MATRIX_VECTOR_PRODUCT needs "
            + "matrices, but memory.matrices = 0");
  }

  @Test
  void belowMinimum() {
    assertThat(message(MINIMAL, "search.population_size=0"))
        .isEqualTo("--set search.population_size: search.population_size = 0: must be >= 1");
  }

  @Test
  void probabilityAboveOne() {
    assertThat(message(MINIMAL + "search.mutate_prob = 1.5\n"))
        .isEqualTo("test.conf:7: search.mutate_prob = 1.5: must be a probability in [0, 1]");
  }

  @Test
  void childrenAboveePopulation() {
    assertThat(message(MINIMAL, "islands.children_per_generation=21")).isEqualTo(
        "--set islands.children_per_generation: islands.children_per_generation = 21: must not exceed "
            + "search.population_size (20)");
  }

  @Test
  void migrantsAbovePopulation() {
    assertThat(message(MINIMAL, "islands.migrants=50"))
        .isEqualTo("--set islands.migrants: islands.migrants = 50: must not exceed search.population_size (20)");
  }

  @Test
  void nothingToMutate() {
    assertThat(message("search.population_size = 20\n")).isEqualTo("default: search.predict.ops = []: at least one "
        + "of search.setup.ops, search.predict.ops, search.learn.ops must list ops, or nothing can be mutated");
  }

  @Test
  void fecNeedsEnoughExamples() {
    assertThat(message(MINIMAL, "search.fec.train_examples=200")).isEqualTo("--set search.fec.train_examples: "
        + "search.fec.train_examples = 200: must not exceed search.tasks.train_examples (100)");
  }

  @Test
  void forgetEveryOfOne() {
    assertThat(message(MINIMAL, "search.fec.forget_every=1")).isEqualTo(
        "--set search.fec.forget_every: search.fec.forget_every = 1: must be 0 (never) or >= 2");
  }

  @Test
  void featureSizesMustAgree() {
    assertThat(message(MINIMAL, "final.tasks.features=8")).isEqualTo("--set final.tasks.features: "
        + "final.tasks.features = 8: must equal search.tasks.features (4): one memory shape runs all task lists");
  }

  @Test
  void hurdleTasksMustLeaveTasks() {
    assertThat(message(MINIMAL, "search.hurdles.enabled=true", "search.hurdles.tasks=10")).isEqualTo(
        "--set search.hurdles.tasks: search.hurdles.tasks = 10: must be fewer than search.tasks.count (10)");
  }

  @Test
  void badPair() {
    assertThat(message(MINIMAL + "search.tasks.pairs = [(4,4)]\n")).isEqualTo(
        "test.conf:7: search.tasks.pairs = [(4,4)]: class pair (4,4) is invalid: the two classes must differ");
  }

  @Test
  void duplicateKey() {
    assertThat(message(MINIMAL + "search.population_size = 30\n"))
        .isEqualTo("test.conf:7: search.population_size is set twice (first at test.conf:5)");
  }

  @Test
  void notASetting() {
    assertThat(message(MINIMAL + "population 30\n"))
        .isEqualTo("test.conf:7: 'population 30' is not a setting: expected 'key = value'");
  }

  @Test
  void unbalancedBrackets() {
    assertThat(message(MINIMAL + "search.learn.ops = [SCALAR_SUM\n"))
        .isEqualTo("test.conf:7: search.learn.ops = [SCALAR_SUM: unbalanced brackets (a '[' opened here is never closed)");
  }

  @Test
  void notAList() {
    assertThat(message(MINIMAL + "search.learn.ops = SCALAR_SUM\n"))
        .isEqualTo("test.conf:7: search.learn.ops = SCALAR_SUM: must be a list in brackets, e.g. [A, B]");
  }

  @Test
  void keyTableListsEveryKey() {
    String table = ConfigKeys.markdownTable();
    for (ConfigKey k : ConfigKeys.all()) {
      assertThat(table).contains("`" + k.name() + "`");
    }
    assertThat(table).contains("| `search.tournament_size` | integer | `10` |");
  }
}
