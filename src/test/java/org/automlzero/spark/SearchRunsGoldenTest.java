package org.automlzero.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.AlgorithmPrinter;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.GenerationReport;
import org.automlzero.core.search.IslandStats;
import org.automlzero.core.search.SearchResult;
import org.automlzero.golden.GoldenFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden histories: short runs of the shipped demo and nonlinear configs, in-process and on
 * Spark, must reproduce the committed per-generation statistics and best algorithm byte for
 * byte. The relative determinism tests (Spark vs in-process, resumed vs not) cannot see a change
 * to the random streams or to the loop's order of work; these can.
 */
class SearchRunsGoldenTest {
  private static final Path CONF = Paths.get(System.getProperty("project.basedir", "."), "conf");

  /** The runs pinned: golden file name, config, overrides. */
  private static List<String> overrides(String run) {
    return switch (run) {
      // The demo's steady state (one island, one child per generation), 500 generations.
      case "demo-steady" -> List.of("run.max_experiments=1", "search.population_size=100",
          "search.max_individuals=600", "run.seed=11");
      // The demo's Spark batch layout: 4 islands x 250 children, migration.
      case "demo-islands" -> List.of("run.max_experiments=1", "islands.count=4", "search.population_size=250",
          "islands.children_per_generation=250", "islands.migrants=10", "search.max_individuals=8000",
          "run.seed=12");
      // The island-stage mode: 4 islands evolving steady state on their own for 300-generation stages.
      case "demo-stages" -> List.of("run.max_experiments=1", "islands.mode=ISLAND_STAGE", "islands.count=4",
          "search.population_size=100", "islands.migration_interval=300", "islands.migrants=10",
          "islands.topology=RANDOM", "search.max_individuals=4000", "run.seed=14");
      case "nonlinear-stages" -> List.of("islands.mode=ISLAND_STAGE", "islands.count=3", "search.population_size=50",
          "islands.children_per_generation=2", "islands.migration_interval=40", "islands.migrants=5",
          "search.max_individuals=800", "run.seed=15");
      // A task mix: the last 2 of 4 islands search on linear regression tasks.
      case "nonlinear-mix" -> List.of("islands.mode=ISLAND_STAGE", "islands.count=4", "search.population_size=40",
          "islands.migration_interval=50", "islands.migrants=10", "islands.topology=RANDOM",
          "islands.mix_fraction=0.5", "mix.tasks.type=SCALAR_LINEAR_REGRESSION", "mix.tasks.train_examples=200",
          "search.max_individuals=800", "run.seed=16");
      // Hurdles (the 75th percentile after the first task) with ring migration, so hurdle fitnesses migrate too.
      case "demo-hurdles" -> List.of("run.max_experiments=1", "islands.count=2", "search.population_size=40",
          "islands.children_per_generation=5", "islands.migration_interval=10", "islands.migrants=3",
          "islands.topology=RING", "search.hurdles.enabled=true", "search.hurdles.tasks=1",
          "search.hurdles.percentile=75", "search.max_individuals=1500", "run.seed=17");
      case "demo-stage-hurdles" -> List.of("run.max_experiments=1", "islands.mode=ISLAND_STAGE", "islands.count=3",
          "search.population_size=60", "islands.migration_interval=100", "islands.migrants=4", "islands.topology=RING",
          "search.hurdles.enabled=true", "search.hurdles.tasks=2", "search.hurdles.percentile=75",
          "search.max_individuals=2000", "run.seed=18");
      // Nonlinear regression from NO_OPs with FEC and the train budget.
      case "nonlinear" -> List.of("search.population_size=100", "search.max_individuals=500", "run.seed=13");
      default -> throw new IllegalArgumentException(run);
    };
  }

  private static String outcome(String run, String config, boolean inProcess) {
    return outcome(run, config, inProcess, 2, 1);
  }

  private static String outcome(String run, String config, boolean inProcess, int partitions, int threads) {
    List<String> overrides = new ArrayList<>(overrides(run));
    overrides.add("run.threads=" + threads);
    ExperimentConfig c = ConfigLoader.load(CONF.resolve(config), overrides);
    StringBuilder out = new StringBuilder();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    SearchResult result = SparkSearch.run(c, inProcess ? null : SharedSpark.session(),
        new SparkSearch.Options(inProcess, partitions, 0, (GenerationReport r) -> {
          out.append(r.experiment()).append(' ').append(r.generation()).append(' ').append(r.individuals())
              .append(' ').append(r.trainSteps()).append(' ').append(r.fecHits()).append(' ')
              .append(r.fecMisses());
          for (IslandStats s : r.islands()) {
            out.append(" | ").append(s.island()).append(' ').append(s.individuals()).append(' ')
                .append(s.bestFitness()).append(' ').append(s.meanFitness()).append(' ')
                .append(s.stdevFitness()).append(' ').append(s.fecHits()).append(' ').append(s.fecMisses());
          }
          out.append('\n');
        }), new PrintStream(log, true, StandardCharsets.UTF_8));
    out.append("best:\n").append(AlgorithmPrinter.print(result.best()));
    out.append("search ").append(result.searchFitness()).append(" select ").append(result.selectFitness())
        .append(" final ").append(result.finalFitness()).append('\n');
    return out.toString();
  }

  @ParameterizedTest(name = "{0} in-process")
  @CsvSource({"demo-steady, demo.conf", "demo-islands, demo.conf", "nonlinear, nonlinear.conf",
      "demo-stages, demo.conf", "nonlinear-stages, nonlinear.conf", "nonlinear-mix, nonlinear.conf",
      "demo-hurdles, demo.conf", "demo-stage-hurdles, demo.conf"})
  void inProcessRunsMatchTheirGoldenFiles(String run, String config) {
    GoldenFile.check("run-" + run + ".txt", outcome(run, config, true));
  }

  @ParameterizedTest(name = "{0} on Spark")
  @CsvSource({"demo-islands, demo.conf", "nonlinear, nonlinear.conf", "demo-stages, demo.conf",
      "nonlinear-stages, nonlinear.conf", "nonlinear-mix, nonlinear.conf", "demo-hurdles, demo.conf",
      "demo-stage-hurdles, demo.conf"})
  void sparkRunsMatchTheSameGoldenFiles(String run, String config) {
    if (Boolean.getBoolean("golden.update")) {
      return; // the in-process runs write the files; Spark must reproduce them
    }
    GoldenFile.check("run-" + run + ".txt", outcome(run, config, false));
  }

  /** Each mode is deterministic on any layout: threads in-process, partitions on Spark. */
  @ParameterizedTest(name = "{0}: threads and partitions do not matter")
  @CsvSource({"demo-stages, demo.conf", "nonlinear-stages, nonlinear.conf"})
  void islandStagesDoNotDependOnTheLayout(String run, String config) {
    if (Boolean.getBoolean("golden.update")) {
      return;
    }
    GoldenFile.check("run-" + run + ".txt", outcome(run, config, true, 0, 2));
    GoldenFile.check("run-" + run + ".txt", outcome(run, config, false, 1, 1));
    GoldenFile.check("run-" + run + ".txt", outcome(run, config, false, 3, 1));
  }
}
