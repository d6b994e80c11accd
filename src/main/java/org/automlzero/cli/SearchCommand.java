package org.automlzero.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.automlzero.core.algorithm.AlgorithmPrinter;
import org.automlzero.core.config.ConfigException;
import org.automlzero.core.config.ConfigKeys;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.InProcessSearch;
import org.automlzero.core.search.ProgressPrinter;
import org.automlzero.core.search.SearchResult;
import org.automlzero.core.task.TaskGenerator;

/**
 * {@code search-local --config FILE [--set key=value]... [--seed N] [--threads N] [--seeds A,B,...]
 * [--keys]}: runs an experiment config in-process and prints the best algorithm with its search,
 * select and final fitness. {@code --seeds} runs the config once per seed and prints a summary
 * table; {@code --keys} prints the documented config keys (Markdown).
 */
public final class SearchCommand {
  private SearchCommand() {}

  /** Parsed command-line options. */
  record Options(Path config, List<String> overrides, List<Long> seeds, boolean keys) {}

  public static int run(String[] args) {
    Options o = parse(args);
    if (o.keys()) {
      System.out.print(ConfigKeys.markdownTable());
      return 0;
    }
    ExperimentConfig config = load(o.config(), o.overrides());
    List<Long> seeds = o.seeds().isEmpty() ? List.of(config.run().seed()) : o.seeds();
    List<String> summary = new ArrayList<>();
    int solved = 0;
    for (long seed : seeds) {
      List<String> overrides = new ArrayList<>(o.overrides());
      overrides.add("run.seed=" + seed);
      ExperimentConfig c = load(o.config(), overrides);
      System.out.println("Random seed = " + seed);
      SearchResult r = InProcessSearch.run(c.run(), c.threads(), new TaskGenerator()::generate,
          new ProgressPrinter(c.progressEvery(), System.out::println), System.out::println);
      print(r);
      boolean ok = c.run().sufficientFitness() > 0 && r.selectFitness() > c.run().sufficientFitness()
          && r.finalFitness() > c.run().sufficientFitness();
      solved += ok ? 1 : 0;
      summary.add(String.format(Locale.ROOT, "| %d | %.1f | %d | %,d | %,.0f | %.6f | %.6f | %s |", seed,
          r.elapsedSeconds(), r.experiments(), r.individuals(), r.individualsPerSecond(), r.selectFitness(),
          r.finalFitness(), ok ? "yes" : "no"));
    }
    if (seeds.size() > 1) {
      System.out.println();
      System.out.println("| seed | seconds | experiments | individuals | individuals/s | select | final | solved |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      summary.forEach(System.out::println);
      System.out.println("solved " + solved + " of " + seeds.size());
    }
    return 0;
  }

  static void print(SearchResult r) {
    double lookups = r.fecHits() + r.fecMisses();
    System.out.println();
    System.out.printf(Locale.ROOT, "Search fitness = %.6f%n", r.searchFitness());
    System.out.printf(Locale.ROOT, "Select fitness = %.6f%n", r.selectFitness());
    System.out.printf(Locale.ROOT, "Final evaluation fitness (on unseen data) = %.6f%n", r.finalFitness());
    System.out.printf(Locale.ROOT,
        "Experiments = %d, individuals = %,d, elapsed = %.1f s, individuals/s = %,.0f, FEC hit rate = %.3f%n",
        r.experiments(), r.individuals(), r.elapsedSeconds(), r.individualsPerSecond(),
        lookups == 0 ? 0.0 : r.fecHits() / lookups);
    System.out.println("Algorithm found:");
    System.out.println(AlgorithmPrinter.print(r.best()));
  }

  static ExperimentConfig load(Path file, List<String> overrides) {
    if (!Files.isRegularFile(file)) {
      throw new UserError("config file " + file + " does not exist", 2);
    }
    try {
      return ConfigLoader.load(file, overrides);
    } catch (ConfigException e) {
      throw new UserError(e.getMessage(), 2);
    }
  }

  static Options parse(String[] args) {
    Path config = null;
    List<String> overrides = new ArrayList<>();
    List<Long> seeds = new ArrayList<>();
    boolean keys = false;
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
        case "--help", "-h" -> throw new UserError(usage(), 0);
        default -> throw new UserError("search-local: unknown option '" + a + "'\n" + usage(), 2);
      }
    }
    if (config == null && !keys) {
      throw new UserError("search-local: --config FILE is required\n" + usage(), 2);
    }
    return new Options(config, overrides, seeds, keys);
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
               search-local --keys      (print the documented config keys)
          --config FILE     experiment config (e.g. conf/demo.conf)
          --set key=value   override a config key (repeatable; validated like the file)
          --seed N          run seed (same as --set run.seed=N)
          --threads N       evaluation threads, 0 = all cores (same as --set run.threads=N)
          --seeds A,B,...   run once per seed and print a summary table""";
  }
}
