package org.automlzero.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.io.AtomicFiles;
import org.automlzero.core.search.GenerationListener;
import org.automlzero.core.search.IslandStats;
import org.automlzero.core.search.SearchResult;
import org.automlzero.spark.SparkSearch;
import org.automlzero.spark.SparkSetup;

/**
 * {@code search} and {@code demo}: run an experiment config on Spark (the master comes from
 * spark-submit, default local[*]). Everything that can be wrong with the input (options, config,
 * data set, master URL) is checked before the SparkSession starts.
 */
final class SparkSearchCommand {
  private SparkSearchCommand() {}

  static String usage(String name) {
    return "usage: submit.sh " + name + " [spark options] " + (name.equals("demo") ? "[--config FILE]" : "--config FILE")
        + " [--seed N] [--set KEY=VALUE]... [--data DIR] [--partitions N] [--shards K]\n"
        + "       [--history FILE] [--in-process] [--threads N] [--out DIR [--overwrite]] [--raw]\n"
        + "       submit.sh " + name + " [spark options] --resume DIR [--threads N]\n"
        + "  --config FILE     experiment config (demo: conf/demo.conf)\n"
        + "  --layout FILE|none  the island layout applied before --set (default: the config's NAME.spark.conf\n"
        + "                    beside it, if any; none = the config as written, e.g. the original's steady state)\n"
        + "  --seed N          run seed (same as --set run.seed=N)\n"
        + "  --set KEY=VALUE   override a config key (repeatable)\n"
        + "  --data DIR        Parquet task data set for projected binary tasks (data.path)\n"
        + "  --partitions N    Spark tasks per generation (default: the default parallelism)\n"
        + "  --shards K        shards per task (default: automatic, so every partition gets equal work)\n"
        + "  --history FILE    write per-generation, per-island statistics as TSV\n"
        + "  --in-process      evaluate with plain Java threads instead of Spark (for comparison)\n"
        + "  --threads N       driver threads for FEC fingerprints and --in-process evaluation\n"
        + "  --out DIR         run directory (default runs/<yyyyMMdd-HHmmss>-<config name>); must not exist\n"
        + "  --overwrite       replace an existing run directory given by --out\n"
        + "  --resume DIR      continue the run in DIR from its newest complete checkpoint (any master)\n"
        + "  --raw             print the algorithm as found (default: simplified)";
  }

  static int run(String name, String[] args) {
    Path config = name.equals("demo") ? demoConfig() : null;
    List<String> overrides = new ArrayList<>();
    int partitions = 0;
    int shards = 0;
    Path history = null;
    boolean inProcess = false;
    Path out = null;
    boolean overwrite = false;
    Path resume = null;
    boolean raw = false;
    boolean configGiven = false;
    String layoutOption = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> {
          System.out.println(usage(name));
          return 0;
        }
        case "--config" -> {
          config = Paths.get(value(args, ++i, a));
          configGiven = true;
        }
        case "--out" -> out = Paths.get(value(args, ++i, a));
        case "--overwrite" -> overwrite = true;
        case "--resume" -> resume = Paths.get(value(args, ++i, a));
        case "--raw" -> raw = true;
        case "--seed" -> overrides.add("run.seed=" + value(args, ++i, a));
        case "--set" -> overrides.add(value(args, ++i, a));
        case "--data" -> overrides.add("data.path=" + value(args, ++i, a));
        case "--threads" -> overrides.add("run.threads=" + value(args, ++i, a));
        case "--partitions" -> partitions = nonNegative(a, value(args, ++i, a));
        case "--shards" -> shards = nonNegative(a, value(args, ++i, a));
        case "--history" -> history = Paths.get(value(args, ++i, a));
        case "--in-process" -> inProcess = true;
        case "--layout" -> layoutOption = value(args, ++i, a);
        default -> throw new UserError("unknown option '" + a + "' for " + name + "\n" + usage(name), 2);
      }
    }
    if (resume != null && (configGiven || out != null || overwrite)) {
      throw new UserError(name + ": --resume DIR continues that run with its own config.conf and seed; do not "
          + "combine it with --config, --out or --overwrite", 2);
    }
    if (resume != null && layoutOption != null) {
      throw new UserError(name + ": --resume DIR continues that run with its own config.conf (its layout included); "
          + "do not combine it with --layout", 2);
    }
    if (config == null && resume == null) {
      throw new UserError(name + " needs --config FILE\n" + usage(name), 2);
    }
    if (resume == null && !Files.isRegularFile(config)) {
      throw new UserError("config file " + config + " does not exist");
    }
    // A resumed run keeps its own config.conf, where its layout already is.
    SparkLayout layout = resume == null ? SparkLayout.choose(config, layoutOption) : null;
    if (layout != null) {
      overrides.addAll(0, layout.overrides());
    }
    ExperimentConfig experiment;
    RunOutputs.Plan plan;
    try {
      if (resume != null) {
        plan = RunOutputs.resume(resume, overrides, name, System.out);
        experiment = plan.config();
        config = plan.dir().resolve("config.conf");
      } else {
        experiment = ConfigLoader.load(config, overrides);
        plan = null;
      }
      SparkSearch.checkData(experiment);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    if (plan == null) {
      plan = RunOutputs.fresh(experiment, config, out, overwrite, name);
    }
    String master = SparkSetup.master(null);
    try {
      SparkSetup.checkMaster(master);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), 2);
    }

    PrintStream console = System.out;
    if (layout != null) {
      console.println(name + ": " + config + " with the layout of " + layout.file() + ": " + layout.describe()
          + " (--set overrides any of them; --layout none runs the config as written)");
    }
    HistoryWriter historyWriter = history == null ? null : new HistoryWriter(history);
    org.automlzero.runs.RunRecorder recorder = plan.begin(console::println);
    GenerationListener listener = historyWriter == null ? recorder : recorder.alongside(historyWriter);
    SparkSession session = null;
    boolean ownSession = false;
    try {
      if (!inProcess) {
        ownSession = SparkSession.getActiveSession().isEmpty();
        session = SparkSetup.start("AutoML-Zero " + name + ": " + config.getFileName() + " seed "
            + experiment.run().seed(), master);
        console.println("Spark " + session.version() + " on " + session.sparkContext().master() + " ("
            + session.sparkContext().defaultParallelism() + " cores), app " + session.sparkContext().applicationId());
      }
      SearchResult result;
      try {
        result = SparkSearch.run(experiment, session,
            new SparkSearch.Options(inProcess, partitions, shards, listener), console, recorder, plan.start());
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
      recorder.finish(result);
      console.println("Run directory: " + plan.dir() + " (report: " + recorder.directory().report() + ")");
      console.println(String.format(Locale.ROOT, "Best algorithm: search fitness %.6f, select fitness %.6f, "
          + "final fitness %.6f", result.searchFitness(), result.selectFitness(), result.finalFitness()));
      RunOutputs.printAlgorithm(console, result.best(), raw);
      console.flush();
      return 0;
    } finally {
      if (historyWriter != null) {
        historyWriter.close();
      }
      if (ownSession && session != null) {
        session.stop();
      }
    }
  }

  /** conf/demo.conf under the project home (submit.sh sets automlzero.home), else the working directory. */
  private static Path demoConfig() {
    String home = System.getProperty("automlzero.home");
    Path inHome = home == null ? null : Paths.get(home, "conf", "demo.conf");
    return inHome != null && Files.isRegularFile(inHome) ? inHome : Paths.get("conf", "demo.conf");
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new UserError("option " + option + " needs a value", 2);
    }
    return args[i];
  }

  static int nonNegative(String option, String text) {
    try {
      int v = Integer.parseInt(text);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new UserError(option + " is '" + text + "', but must be an integer >= 0", 2);
  }

  /** Per-generation, per-island statistics as TSV: only values that are a pure function of config and seed. */
  static final class HistoryWriter implements GenerationListener, AutoCloseable {
    private final Path file;
    private final StringBuilder rows = new StringBuilder(
        "experiment\tgeneration\tisland\tindividuals\tbest\tmean\tstdev\tfec_hits\tfec_misses\n");

    /** Checks up front that {@code file} can be written, so a bad path fails before the run, not after it. */
    HistoryWriter(Path file) {
      this.file = file;
      Path folder = file.toAbsolutePath().getParent();
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UserError("--history " + file + ": cannot create its folder " + folder + " (" + e.getMessage()
            + ")", 2);
      }
      if (Files.isDirectory(file) || !Files.isWritable(folder)) {
        throw new UserError("--history " + file + ": " + (Files.isDirectory(file) ? "is a directory"
            : "folder " + folder + " is not writable") + "; give a file path", 2);
      }
    }

    @Override
    public void onGeneration(org.automlzero.core.search.GenerationReport r) {
      for (IslandStats s : r.islands()) {
        rows.append(r.experiment() + 1).append('\t').append(r.generation()).append('\t').append(s.island())
            .append('\t').append(s.individuals()).append('\t').append(s.bestFitness()).append('\t')
            .append(s.meanFitness()).append('\t').append(s.stdevFitness()).append('\t').append(s.fecHits())
            .append('\t').append(s.fecMisses()).append('\n');
      }
    }

    @Override
    public void close() {
      AtomicFiles.writeString(file, rows.toString(), "history");
    }
  }
}
