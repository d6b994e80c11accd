package org.automlzero.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.automlzero.core.config.ConfigKeys;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.GenerationListener;
import org.automlzero.core.search.InProcessSearch;
import org.automlzero.core.search.ProgressPrinter;
import org.automlzero.core.search.SearchResult;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.store.TaskData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code search-local}: runs an experiment config in-process (plain threads, no Spark) and
 * prints the best algorithm with its search, select and final fitness. {@code --seeds} runs the
 * config once per seed and prints a summary table; {@code --keys} prints the documented config
 * keys (Markdown).
 */
@Command(name = "search-local", synopsisHeading = "",
    customSynopsis = {"usage: submit.sh search-local --config FILE [--set KEY=VALUE]... [--seed N] [--threads N] [--seeds A,B,...]",
        "                              [--out DIR [--overwrite]] [--raw]",
        "       submit.sh search-local --resume DIR [--threads N]   (continue an interrupted run)",
        "       submit.sh search-local --keys                       (print the documented config keys)"},
    description = "Runs an experiment config in-process (plain Java threads, no Spark).",
    footer = CommonOptions.RUN_EXIT_CODES)
final class SearchLocalCommand implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();
  @Mixin ConfigOverrides.WithSeed overrides = new ConfigOverrides.WithSeed();
  @Mixin RunDirectoryOptions run = new RunDirectoryOptions();

  private final List<Long> seeds = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE", description = "experiment config (e.g. conf/demo.conf)")
  Path config;

  @Option(names = "--threads", paramLabel = "N", description = "evaluation threads, 0 = all cores (same as --set "
      + "run.threads=N)")
  void threads(String n) {
    overrides.add("run.threads", n);
  }

  @Option(names = "--seeds", paramLabel = "A,B,...", description = "run once per seed and print a summary table "
      + "(one run directory per seed)")
  void seeds(String list) {
    for (String s : list.split(",")) {
      try {
        seeds.add(Long.parseLong(s.trim()));
      } catch (NumberFormatException e) {
        throw new UserError("--seeds " + list + ": '" + s + "' is not an integer seed", 2);
      }
    }
  }

  @Option(names = "--keys", description = "print the documented config keys (Markdown) and exit")
  boolean keys;

  @Override
  public Integer call() {
    run.rejectWithResume("search-local", config != null || !seeds.isEmpty(), "--config, --out, --overwrite or --seeds");
    if (config == null && !keys && run.resume == null) {
      throw new UserError("search-local: --config FILE is required\n" + Main.usage("search-local"), 2);
    }
    Options o = new Options(config, overrides.list(), seeds, keys, run.out, run.overwrite, run.resume, run.raw);
    if (o.keys()) {
      System.out.print(ConfigKeys.markdownTable());
      return 0;
    }
    List<RunOutputs.Plan> plans = new ArrayList<>();
    if (o.resume() != null) {
      plans.add(RunOutputs.resume(o.resume(), o.overrides(), "search-local", System.out));
    } else {
      ExperimentConfig config = load(o.config(), o.overrides());
      List<Long> seeds = o.seeds().isEmpty() ? List.of(config.run().seed()) : o.seeds();
      java.util.Set<Path> dirs = new java.util.HashSet<>();
      for (long seed : seeds) {
        List<String> overrides = new ArrayList<>(o.overrides());
        overrides.add("run.seed=" + seed);
        ExperimentConfig c = load(o.config(), overrides);
        Path out = o.out();
        if (seeds.size() > 1) {
          Path base = out != null ? out : org.automlzero.runs.RunDirectory.defaultPath(o.config(), java.time.Instant.now());
          out = base.resolveSibling(base.getFileName() + "-seed" + seed);
        }
        RunOutputs.Plan plan = RunOutputs.fresh(c, o.config(), out, o.overwrite(), "search-local");
        if (!dirs.add(plan.dir())) {
          throw new UserError("--seeds lists seed " + seed + " twice", 2);
        }
        plans.add(plan);
      }
    }
    for (RunOutputs.Plan plan : plans) {
      TaskData.check(plan.config()); // an InputException names the file
      org.automlzero.core.config.ResourceCheck.check(plan.config());
    }
    List<String> summary = new ArrayList<>();
    int solved = 0;
    for (RunOutputs.Plan plan : plans) {
      ExperimentConfig c = plan.config();
      long seed = c.run().seed();
      System.out.println("Random seed = " + seed);
      org.automlzero.runs.RunRecorder recorder = plan.begin(System.out::println);
      // Projected binary tasks come from the Parquet data set (read with parquet-hadoop, no Spark).
      TaskGenerator generator = TaskData.generator(c);
      RunOutputs.Finished finished;
      try (LiveProgress.Handle display = LiveProgress.open(common.verbose, RunOutputs.maxSeconds(c))) {
        // System.out is the live display's from here on (System.out::println binds it now).
        ProgressPrinter progress = new ProgressPrinter(c.progressEvery(), System.out::println,
            c.run().search().maxIndividuals(), display.style()).secondsBefore(plan.start().elapsedSeconds());
        GenerationListener listener = recorder.alongside(progress);
        java.util.function.Consumer<String> log = System.out::println;
        finished = RunOutputs.runAndFinish(recorder, "search-local", plan, (config, from) -> InProcessSearch.run(
            config.run(), config.threads(), generator::generate, listener, log, recorder, from));
      }
      SearchResult r = finished.result();
      print(finished, o.raw());
      System.out.println("Run directory: " + plan.dir() + " (report: " + recorder.directory().report() + ")");
      boolean ok = c.run().sufficientFitness() > 0 && r.selectFitness() > c.run().sufficientFitness()
          && r.finalFitness() > c.run().sufficientFitness();
      solved += ok ? 1 : 0;
      summary.add(String.format(Locale.ROOT, "| %d | %.1f | %d | %,d | %,.0f | %.6f | %.6f | %s |", seed,
          r.elapsedSeconds(), r.experiments(), r.individuals(), r.individualsPerSecond(), r.selectFitness(),
          r.finalFitness(), ok ? "yes" : "no"));
    }
    if (plans.size() > 1) {
      System.out.println();
      System.out.println("| seed | seconds | experiments | individuals | individuals/s | select | final | solved |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      summary.forEach(System.out::println);
      System.out.println("solved " + solved + " of " + plans.size());
    }
    return 0;
  }

  static void print(RunOutputs.Finished finished, boolean raw) {
    SearchResult r = finished.result();
    System.out.println();
    System.out.printf(Locale.ROOT, "Search fitness = %.6f%n", r.searchFitness());
    System.out.printf(Locale.ROOT, "Select fitness = %.6f%n", r.selectFitness());
    System.out.printf(Locale.ROOT, "Final evaluation fitness (on unseen data) = %.6f%n", r.finalFitness());
    System.out.printf(Locale.ROOT,
        "Experiments = %d, individuals = %,d, elapsed = %.1f s, individuals/s = %,.0f, FEC hit rate = %.3f%n",
        r.experiments(), r.individuals(), r.elapsedSeconds(), r.individualsPerSecond(),
        r.fecHitRate());
    RunOutputs.printAlgorithm(System.out, finished, raw);
  }

  /** The parsed options. */
  private record Options(Path config, List<String> overrides, List<Long> seeds, boolean keys, Path out,
      boolean overwrite, Path resume, boolean raw) {}

  static ExperimentConfig load(Path file, List<String> overrides) {
    return ConfigLoader.load(file, overrides); // a ConfigException names the file, key, value and rule: exit 2
  }
}
