package org.automlzero.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.io.AtomicFiles;
import org.automlzero.core.search.GenerationListener;
import org.automlzero.core.search.IslandStats;
import org.automlzero.core.search.SearchResult;
import org.automlzero.spark.SparkSearch;
import org.automlzero.spark.SparkSetup;
import org.automlzero.store.TaskData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code search}: runs an experiment config on Spark (the master comes from spark-submit, default
 * local[*]); {@link DemoCommand} is the same with conf/demo.conf. Everything that can be wrong with
 * the input (options, config, data set, master URL) is checked before the SparkSession starts.
 */
@Command(name = "search", synopsisHeading = "",
    customSynopsis = {"usage: submit.sh search [spark options] --config FILE [--seed N] [--set KEY=VALUE]... [--data DIR]",
        SearchCommand.SYNOPSIS_OPTIONS,
        "       submit.sh search [spark options] --resume DIR [--threads N]"},
    description = "Runs an experiment config on Spark (spark options such as --master: ./submit.sh --help).",
    footer = CommonOptions.RUN_EXIT_CODES)
class SearchCommand implements Callable<Integer> {
  /** The second synopsis line, search's and demo's. */
  static final String SYNOPSIS_OPTIONS = "         [--partitions N] [--shards K] [--history FILE] [--in-process] "
      + "[--threads N] [--out DIR [--overwrite]] [--raw]";

  @Mixin CommonOptions common = new CommonOptions();
  @Mixin ConfigOverrides.WithSeed overrides = new ConfigOverrides.WithSeed();
  @Mixin RunDirectoryOptions run = new RunDirectoryOptions();

  Path config;
  boolean configGiven;
  int partitions;
  int shards;

  @Option(names = "--config", paramLabel = "FILE", description = "experiment config (demo: conf/demo.conf)")
  void config(Path file) {
    config = file;
    configGiven = true;
  }

  @Option(names = "--layout", paramLabel = "FILE|none", description = "the island layout applied before --set "
      + "(default: the config's NAME.spark.conf beside it, if any; none = the config as written, e.g. the "
      + "original's steady state)")
  String layoutOption;

  @Option(names = "--data", paramLabel = "DIR", description = "Parquet task data set for projected binary tasks "
      + "(data.path)")
  void data(String dir) {
    overrides.add("data.path", dir);
  }

  @Option(names = "--partitions", paramLabel = "N", description = "Spark tasks per generation (default: the "
      + "default parallelism)")
  void partitions(String n) {
    partitions = Converters.nonNegative("--partitions", n);
  }

  @Option(names = "--shards", paramLabel = "K", description = "shards per task (default: automatic, so every "
      + "partition gets equal work)")
  void shards(String k) {
    shards = Converters.nonNegative("--shards", k);
  }

  @Option(names = "--history", paramLabel = "FILE", description = "write per-generation, per-island statistics "
      + "as TSV")
  Path history;

  @Option(names = "--in-process", description = "evaluate with plain Java threads instead of Spark (for "
      + "comparison)")
  boolean inProcess;

  @Option(names = "--threads", paramLabel = "N", description = "driver threads for FEC fingerprints and "
      + "--in-process evaluation (run.threads)")
  void threads(String n) {
    overrides.add("run.threads", n);
  }

  /** The subcommand's name (demo overrides it). */
  String name() {
    return "search";
  }

  @Override
  public Integer call() {
    String name = name();
    Path config = this.config;
    List<String> overrides = new ArrayList<>(this.overrides.list());
    Path out = run.out;
    boolean overwrite = run.overwrite;
    Path resume = run.resume;
    boolean raw = run.raw;
    run.rejectWithResume(name, configGiven, "--config, --out or --overwrite");
    if (resume != null && layoutOption != null) {
      throw new UserError(name + ": --resume DIR continues that run with its own config.conf (its layout included); "
          + "do not combine it with --layout", 2);
    }
    if (config == null && resume == null) {
      throw new UserError(name + " needs --config FILE\n" + Main.usage(name), 2);
    }
    if (resume == null) {
      org.automlzero.core.io.InputFiles.checkReadable(config, "config file");
    }
    // A resumed run keeps its own config.conf, where its layout already is.
    SparkLayout layout = resume == null ? SparkLayout.choose(config, layoutOption) : null;
    if (layout != null) {
      overrides.addAll(0, layout.overrides());
    }
    ExperimentConfig experiment;
    RunOutputs.Plan plan;
    if (resume != null) {
      plan = RunOutputs.resume(resume, overrides, name, System.out);
      experiment = plan.config();
      config = plan.dir().resolve("config.conf");
    } else {
      experiment = ConfigLoader.load(config, overrides); // a ConfigException names file, key, value, rule
      plan = null;
    }
    TaskData.check(experiment); // an InputException names the file
    org.automlzero.core.config.ResourceCheck.check(experiment);
    if (plan == null) {
      plan = RunOutputs.fresh(experiment, config, out, overwrite, name);
    }
    String master = SparkSetup.master(null);
    SparkSetup.checkMaster(master);

    LiveProgress.Handle display = LiveProgress.open(common.verbose, RunOutputs.maxSeconds(experiment));
    PrintStream console = System.out; // the live display's while the search runs
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
      SparkSession spark = session;
      SparkSearch.Options options = new SparkSearch.Options(inProcess, partitions, shards, listener,
          display.style());
      RunOutputs.Finished finished = RunOutputs.runAndFinish(recorder, name, plan, (runConfig, start) ->
          SparkSearch.run(runConfig, spark, options, console, recorder, start));
      SearchResult result = finished.result();
      display.close();
      console.println("Run directory: " + plan.dir() + " (report: " + recorder.directory().report() + ")");
      console.println(String.format(Locale.ROOT, "Best algorithm: search fitness %.6f, select fitness %.6f, "
          + "final fitness %.6f", result.searchFitness(), result.selectFitness(), result.finalFitness()));
      RunOutputs.printAlgorithm(console, finished, raw);
      console.flush();
      return 0;
    } catch (RuntimeException | Error e) {
      recorder.directory().markFailed(Main.describe(e)); // e.g. Spark did not start; runAndFinish marks its own
      throw e;
    } finally {
      display.close();
      recorder.directory().close();
      if (historyWriter != null) {
        historyWriter.close();
      }
      if (ownSession && session != null) {
        session.stop();
      }
    }
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
