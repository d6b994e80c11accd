package org.automlzero.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.SearchResult;
import org.automlzero.spark.SparkBench;
import org.automlzero.spark.SparkSearch;
import org.automlzero.spark.SparkSetup;
import org.automlzero.spark.SyntheticTaskData;

/**
 * {@code bench --spark}: Spark evaluator throughput against the core's evaluators on the demo
 * and baseline specs ({@code --throughput}, the default), or the demo's time to solve over
 * several seeds ({@code --solve}). Figures only; nothing is asserted.
 */
final class SparkBenchRun {
  private SparkBenchRun() {}

  /** Runs {@code bench --spark} with the parsed options ({@code 0} / {@code -1}: the per-spec defaults). */
  static int run(boolean solve, int batch, int generations, int warmup, String data, String seeds, Path config,
      List<String> overrides) {
    int[] seedRange = seedRange(seeds);
    String master = SparkSetup.master("local[2]");
    SparkSession session = SparkSetup.start("AutoML-Zero bench", master);
    try {
      System.out.println("Spark " + session.version() + " on " + session.sparkContext().master() + " ("
          + session.sparkContext().defaultParallelism() + " cores); machine has "
          + Runtime.getRuntime().availableProcessors() + " cores");
      if (solve) {
        Path solveConfig = config == null ? home("conf/demo.conf") : config;
        SparkLayout layout = SparkLayout.choose(solveConfig, null);
        List<String> o = new ArrayList<>(layout == null ? List.of() : layout.overrides());
        o.addAll(overrides);
        solve(session, solveConfig, o, seedRange);
      } else {
        ExperimentConfig demo = load(home("conf/demo.conf"), overrides);
        SparkBench.run("demo", demo, session, null, batch > 0 ? batch : 1000, generations > 0 ? generations : 60,
            warmup >= 0 ? warmup : 100, System.out);
        List<String> baselineOverrides = new ArrayList<>(List.of("search.setup.init_size=4",
            "search.predict.init_size=6", "search.learn.init_size=12"));
        baselineOverrides.addAll(overrides);
        ExperimentConfig baseline = load(home("conf/baseline.conf"), baselineOverrides);
        String root = data;
        if (root == null) {
          Path dir = Files.createTempDirectory("automl-zero-bench-tasks");
          root = SyntheticTaskData.write(dir, baseline.run().searchTasks()).toString();
        }
        SparkBench.run("baseline", baseline, session, root, batch > 0 ? Math.max(1, batch / 25) : 40,
            generations > 0 ? generations : 3, warmup >= 0 ? warmup : 1, System.out);
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      session.stop();
    }
  }

  /** "A-B" or "A" as {first, last}, checked before Spark starts. */
  private static int[] seedRange(String seeds) {
    String[] range = seeds.split("-", -1);
    if (range.length <= 2) {
      try {
        int first = Integer.parseInt(range[0].trim());
        int last = range.length > 1 ? Integer.parseInt(range[1].trim()) : first;
        if (0 <= first && first <= last) {
          return new int[] {first, last};
        }
      } catch (NumberFormatException e) {
        // fall through to the message
      }
    }
    throw new UserError("--seeds is '" + seeds + "', but must be A-B (or A) with 0 <= A <= B", 2);
  }

  private static void solve(SparkSession session, Path config, List<String> overrides, int[] seedRange) {
    List<Double> seconds = new ArrayList<>();
    for (int seed = seedRange[0]; seed <= seedRange[1]; seed++) {
      List<String> o = new ArrayList<>(overrides);
      o.add("run.seed=" + seed);
      o.add("run.progress_every=0");
      ExperimentConfig c = load(config, o);
      SearchResult r = SparkSearch.run(c, session, SparkSearch.Options.spark(), new java.io.PrintStream(
          java.io.OutputStream.nullOutputStream()));
      seconds.add(r.elapsedSeconds());
      System.out.println(String.format(Locale.ROOT, "seed %d: %.1f s, %d experiment(s), %,d individuals, %,.0f "
          + "individuals/s, select %.6f, final %.6f", seed, r.elapsedSeconds(), r.experiments(), r.individuals(),
          r.individualsPerSecond(), r.selectFitness(), r.finalFitness()));
    }
    double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.println(String.format(Locale.ROOT, "median time to solve over %d seeds: %.1f s (min %.1f, max %.1f)",
        sorted.length, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]) + " " + Arrays.toString(sorted));
  }

  private static ExperimentConfig load(Path file, List<String> overrides) {
    return ConfigLoader.load(file, overrides); // a ConfigException is one line, exit 2
  }

  private static Path home(String relative) {
    String home = System.getProperty("automlzero.home");
    return home == null ? Paths.get(relative) : Paths.get(home, relative);
  }
}
