package org.automlzero.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.automlzero.core.config.ConfigKeys;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.InProcessSearch;
import org.automlzero.core.search.ProgressPrinter;
import org.automlzero.core.search.SearchResult;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.store.ParquetTaskStore;

/**
 * {@code search-local --config FILE [--set key=value]... [--seed N] [--threads N] [--seeds A,B,...]
 * [--keys]}: runs an experiment config in-process and prints the best algorithm with its search,
 * select and final fitness. {@code --seeds} runs the config once per seed and prints a summary
 * table; {@code --keys} prints the documented config keys (Markdown).
 */
public final class SearchCommand {
  private SearchCommand() {}

  /** Parsed command-line options. */
  record Options(Path config, List<String> overrides, List<Long> seeds, boolean keys, Path out, boolean overwrite,
      Path resume, boolean raw) {}

  public static int run(String[] args) {
    if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
      System.out.println(usage());
      return 0;
    }
    Options o = parse(args);
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
      org.automlzero.spark.SparkSearch.checkData(plan.config()); // an InputException names the file
      org.automlzero.core.config.ResourceCheck.check(plan.config());
    }
    List<String> summary = new ArrayList<>();
    int solved = 0;
    for (RunOutputs.Plan plan : plans) {
      ExperimentConfig c = plan.config();
      long seed = c.run().seed();
      System.out.println("Random seed = " + seed);
      org.automlzero.runs.RunRecorder recorder = plan.begin(System.out::println);
      ProgressPrinter progress = new ProgressPrinter(c.progressEvery(), System.out::println);
      // Projected binary tasks come from the Parquet data set (read with parquet-hadoop, no Spark).
      TaskGenerator generator = org.automlzero.spark.SparkSearch.needsData(c)
          ? new TaskGenerator(ParquetTaskStore.open(c.dataPath())) : new TaskGenerator();
      SearchResult r = RunOutputs.runAndFinish(recorder, "search-local", () -> InProcessSearch.run(c.run(),
          c.threads(), generator::generate, recorder.alongside(progress), System.out::println, recorder, plan.start()));
      print(r, o.raw());
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

  static void print(SearchResult r, boolean raw) {
    System.out.println();
    System.out.printf(Locale.ROOT, "Search fitness = %.6f%n", r.searchFitness());
    System.out.printf(Locale.ROOT, "Select fitness = %.6f%n", r.selectFitness());
    System.out.printf(Locale.ROOT, "Final evaluation fitness (on unseen data) = %.6f%n", r.finalFitness());
    System.out.printf(Locale.ROOT,
        "Experiments = %d, individuals = %,d, elapsed = %.1f s, individuals/s = %,.0f, FEC hit rate = %.3f%n",
        r.experiments(), r.individuals(), r.elapsedSeconds(), r.individualsPerSecond(),
        r.fecHitRate());
    RunOutputs.printAlgorithm(System.out, r.best(), raw);
  }

  static ExperimentConfig load(Path file, List<String> overrides) {
    return ConfigLoader.load(file, overrides); // a ConfigException names the file, key, value and rule: exit 2
  }

  static Options parse(String[] args) {
    Path config = null;
    List<String> overrides = new ArrayList<>();
    List<Long> seeds = new ArrayList<>();
    boolean keys = false;
    Path out = null;
    boolean overwrite = false;
    Path resume = null;
    boolean raw = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--config" -> config = Path.of(value(args, ++i, a));
        case "--set" -> overrides.add(value(args, ++i, a));
        case "--seed" -> overrides.add("run.seed=" + value(args, ++i, a));
        case "--threads" -> overrides.add("run.threads=" + value(args, ++i, a));
        case "--seeds" -> {
          for (String s : value(args, ++i, a).split(",")) {
            try {
              seeds.add(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
              throw new UserError("--seeds " + args[i] + ": '" + s + "' is not an integer seed", 2);
            }
          }
        }
        case "--keys" -> keys = true;
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--overwrite" -> overwrite = true;
        case "--resume" -> resume = Path.of(value(args, ++i, a));
        case "--raw" -> raw = true;
        default -> throw new UserError("search-local: unknown option '" + a + "'\n" + usage(), 2);
      }
    }
    if (resume != null && (config != null || out != null || !seeds.isEmpty() || overwrite)) {
      throw new UserError("search-local: --resume DIR continues that run with its own config.conf and seed; do not "
          + "combine it with --config, --out, --overwrite or --seeds", 2);
    }
    if (config == null && !keys && resume == null) {
      throw new UserError("search-local: --config FILE is required\n" + usage(), 2);
    }
    return new Options(config, overrides, seeds, keys, out, overwrite, resume, raw);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new UserError(option + " needs a value", 2);
    }
    return args[i];
  }

  static String usage() {
    return """
        usage: search-local --config FILE [--set key=value]... [--seed N] [--threads N] [--seeds A,B,...]
               search-local --resume DIR [--threads N]   (continue an interrupted run)
               search-local --keys      (print the documented config keys)
          --config FILE     experiment config (e.g. conf/demo.conf)
          --set key=value   override a config key (repeatable; validated like the file)
          --seed N          run seed (same as --set run.seed=N)
          --threads N       evaluation threads, 0 = all cores (same as --set run.threads=N)
          --seeds A,B,...   run once per seed and print a summary table (one run directory per seed)
          --out DIR         run directory (default runs/<yyyyMMdd-HHmmss>-<config name>); must not exist
          --overwrite       replace an existing run directory given by --out
          --resume DIR      continue the run in DIR from its newest complete checkpoint
          --raw             print the algorithm as found (default: simplified)""";
  }
}
