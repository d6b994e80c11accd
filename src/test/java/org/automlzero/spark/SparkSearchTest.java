package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * Determinism of the whole search on Spark: the same config and seed give the identical
 * per-generation history and best algorithm with any partition and shard layout, and identical
 * to the core's in-process evaluator.
 */
class SparkSearchTest {
  private static final Path CONFIG = Paths.get(System.getProperty("project.basedir", "."),
      "src/test/resources/spark/small-search.conf");

  /** The deterministic part of a run: every generation's counters and island statistics, then the result. */
  private record Outcome(List<String> history, String best, double search, double select, double fin) {}

  private static Outcome run(boolean inProcess, int partitions, int shards, int threads) {
    ExperimentConfig config = ConfigLoader.load(CONFIG, List.of("search.max_individuals=800", "run.seed=7",
        "run.threads=" + threads));
    List<String> history = new ArrayList<>();
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    SearchResult result = SparkSearch.run(config, inProcess ? null : SharedSpark.session(),
        new SparkSearch.Options(inProcess, partitions, shards, (GenerationReport r) -> {
          StringBuilder sb = new StringBuilder(r.experiment() + " " + r.generation() + " " + r.individuals() + " "
              + r.trainSteps() + " " + r.fecHits() + " " + r.fecMisses());
          for (IslandStats s : r.islands()) {
            sb.append(" | ").append(s);
          }
          history.add(sb.toString());
        }), new PrintStream(text, true, StandardCharsets.UTF_8));
    return new Outcome(history, AlgorithmPrinter.print(result.best()), result.searchFitness(),
        result.selectFitness(), result.finalFitness());
  }

  @Test
  void sparkRunsEqualTheInProcessRunForAnyLayout() {
    Outcome reference = run(true, 0, 0, 1);
    assertThat(reference.history()).hasSizeGreaterThan(10);
    assertThat(reference.history().get(reference.history().size() - 1)).startsWith("0 ");

    assertThat(run(false, 1, 1, 1)).isEqualTo(reference);
    assertThat(run(false, 3, 0, 2)).isEqualTo(reference);
    assertThat(run(false, 2, 5, 1)).isEqualTo(reference);
  }
}
