package org.automlzero.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.task.TaskGenerator;
import org.junit.jupiter.api.Test;

/** Whole runs of the demo config, in-process, with the real interpreter. */
class InProcessSearchTest {
  private static ExperimentConfig demo(String... overrides) {
    Path conf = Path.of(System.getProperty("project.basedir", "."), "conf", "demo.conf");
    return ConfigLoader.load(conf, List.of(overrides));
  }

  private static SearchResult run(ExperimentConfig c, int threads, List<GenerationReport> reports) {
    return InProcessSearch.run(c.run(), threads, new TaskGenerator()::generate,
        reports == null ? null : reports::add, null);
  }

  /** A small version of the demo: two short experiments, few select/final tasks. */
  private static final String[] SMALL = {
      "search.population_size=50", "search.max_individuals=1500", "run.max_experiments=2",
      "run.sufficient_fitness=0", "select.tasks.count=5", "final.tasks.count=5", "run.seed=42"};

  @Test
  void sameSeedAndConfigGiveTheIdenticalResultTwice() {
    ExperimentConfig c = demo(SMALL);
    List<GenerationReport> first = new ArrayList<>();
    List<GenerationReport> second = new ArrayList<>();
    SearchResult a = run(c, 2, first);
    SearchResult b = run(c, 2, second);
    assertThat(b.best()).isEqualTo(a.best());
    assertThat(b.selectFitness()).isEqualTo(a.selectFitness());
    assertThat(b.finalFitness()).isEqualTo(a.finalFitness());
    assertThat(b.fecHits()).isEqualTo(a.fecHits());
    assertThat(statistics(second)).isEqualTo(statistics(first));
    assertThat(a.experiments()).isEqualTo(2);
    assertThat(a.individuals()).isEqualTo(3000);
  }

  @Test
  void oneAndTwoThreadsGiveTheSameResult() {
    ExperimentConfig c = demo(SMALL);
    List<GenerationReport> one = new ArrayList<>();
    List<GenerationReport> two = new ArrayList<>();
    SearchResult a = run(c, 1, one);
    SearchResult b = run(c, 2, two);
    assertThat(b.best()).isEqualTo(a.best());
    assertThat(b.searchFitness()).isEqualTo(a.searchFitness());
    assertThat(b.finalFitness()).isEqualTo(a.finalFitness());
    assertThat(statistics(two)).isEqualTo(statistics(one));
  }

  @Test
  void batchesAndIslandsAreDeterministicAcrossThreadCounts() {
    ExperimentConfig c = demo(concat(SMALL, "islands.count=3", "islands.children_per_generation=8",
        "islands.migration_interval=2", "islands.migrants=2", "islands.topology=RANDOM"));
    SearchResult a = run(c, 1, null);
    SearchResult b = run(c, 2, null);
    assertThat(b.best()).isEqualTo(a.best());
    assertThat(b.finalFitness()).isEqualTo(a.finalFitness());
  }

  @Test
  void aShortSeededDemoSearchRediscoversLinearRegression() {
    // The demo config with a population of 100 and 100,000 individuals per experiment; seed 3
    // solves in its first experiment (about 15 s on a loaded 2-core machine).
    ExperimentConfig c = demo("search.population_size=100", "search.max_individuals=100000", "run.seed=3",
        "run.max_experiments=3");
    SearchResult r = run(c, 2, null);
    assertThat(r.selectFitness()).isGreaterThan(0.9999);
    assertThat(r.finalFitness()).isGreaterThan(0.9999);
    assertThat(r.experiments()).isEqualTo(1);
  }

  private static List<String> statistics(List<GenerationReport> reports) {
    List<String> out = new ArrayList<>();
    for (GenerationReport r : reports) {
      out.add(r.experiment() + "/" + r.generation() + "/" + r.individuals() + "/" + r.trainSteps() + "/"
          + r.fecHits() + "/" + r.fecMisses() + "/" + r.islands().stream()
              .map(s -> s.bestFitness() + ":" + s.meanFitness() + ":" + s.stdevFitness()).toList());
    }
    return out;
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
