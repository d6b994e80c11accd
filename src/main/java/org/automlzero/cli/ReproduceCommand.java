package org.automlzero.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.SparkSession;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.InitAlgorithm;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.io.AtomicFiles;
import org.automlzero.core.search.ExperimentRunner;
import org.automlzero.core.search.InProcessEvaluator;
import org.automlzero.core.search.InProcessSearch;
import org.automlzero.core.search.InitialAlgorithms;
import org.automlzero.core.search.ProgressPrinter;
import org.automlzero.core.search.SearchResult;
import org.automlzero.core.search.TaskProvider;
import org.automlzero.core.search.WorkerPool;
import org.automlzero.core.search.spec.RunSpec;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.runs.RunDirectory;
import org.automlzero.runs.RunDirectoryException;
import org.automlzero.runs.RunRecorder;
import org.automlzero.spark.SparkSearch;
import org.automlzero.spark.SparkSetup;
import org.automlzero.store.ParquetTaskStore;

/**
 * {@code reproduce table-s5 --data DIR [--datasets A,B] [--train-steps N] [--runs R]
 * [--islands 1,10,100] [--out DIR] [--in-process]}: the paper's Table S5 at a budget this
 * machine can run. For every island count and seed it runs Basic ({@code conf/baseline.conf})
 * and Full ({@code conf/full.conf}) as ordinary runs (each its own run directory under
 * {@code OUT/runs}) on a per-island train-step budget, takes each run's best algorithm's
 * accuracy on the selection tasks, scores the hand-coded LINEAR and NEURAL_NET baselines on the
 * same tasks with the same run-time seeds, and writes the table (markdown, Parquet) and a plot.
 * A finished run is never rerun; an interrupted one resumes from its checkpoint; so rerunning
 * the same command continues a half-finished reproduction.
 */
@picocli.CommandLine.Command(name = "reproduce", synopsisHeading = "",
    customSynopsis = "usage: submit.sh reproduce table-s5 --data DIR [options] (--help for all)",
    description = "Reruns a table of the paper (table-s5: Basic vs Full at 1, 10, 100 islands).")
final class ReproduceCommand implements java.util.concurrent.Callable<Integer> {
  /** Everything after the subcommand, parsed by {@link #parse} (one place, with its own usage text). */
  @picocli.CommandLine.Unmatched
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    return run(arguments.toArray(new String[0]));
  }

  private ReproduceCommand() {}

  /** Parsed options. */
  record Options(String table, Path data, List<String> datasets, long trainSteps, int runs, List<Integer> islands,
      Path out, boolean inProcess, long seed, int selectTasks, List<String> overrides, int threads) {}

  /** One run of the table: a method at an island count with a seed. */
  record Cell(String method, int islands, int run, long seed) {
    String name() {
      return method.toLowerCase(Locale.ROOT) + "-islands" + islands + "-seed" + seed;
    }
  }

  /** A finished run's figures, with the baselines' accuracies under the same seeds. */
  record Row(String method, int islands, int run, long seed, double accuracy, double linear, double neuralNet,
      long trainSteps, long individuals, double seconds) {}

  /** One line of the table. */
  record Line(String method, int islands, int runs, double mean, double standardError, double beatLinear,
      double beatNeuralNet, double linear, double neuralNet, double meanTrainSteps, double meanIndividuals) {}

  static final List<String> METHODS = List.of("Basic", "Full");
  private static final ObjectMapper JSON = new ObjectMapper();

  static String usage() {
    return """
        usage: submit.sh reproduce table-s5 [spark options] --data DIR [--datasets A,B] [--train-steps N] [--runs R]
               [--islands 1,10,100] [--out DIR] [--in-process] [--seed S] [--select-tasks N] [--set KEY=VALUE]...
          table-s5          the paper's Table S5: Basic (conf/baseline.conf) vs Full (conf/full.conf)
          --data DIR        Parquet task data set (data.path); every data set named by --datasets
          --datasets A,B    A: search/select data set of every run (default cifar10); B: the data set of Full's
                            task-mix islands (default mnist when A is cifar10; with A alone, Full's mix islands
                            search on A with a tenth of the examples for 10 epochs, the paper's 800 x 10 workers)
          --train-steps N   train steps per island per run (default 1e9; the paper: 1e11 per process)
          --runs R          seeds per method and island count (default 5; the paper: 100)
          --islands LIST    island counts (default 1,10,100: the paper's processes)
          --out DIR         reproduction directory (default runs/reproduce-table-s5); rerunning continues it
          --in-process      run in this JVM with plain threads instead of Spark jobs
          --seed S          first run seed (default 1); run r has seed S + r
          --select-tasks N  selection tasks each best algorithm is scored on (default 100, as the paper)
          --set KEY=VALUE   override a key of both configs (repeatable; e.g. islands.migration_interval=100)
          --threads N       in-process worker threads / driver threads (0 = all cores)""";
  }

  /** The option parsing, kept in one place. */
  static Options parse(String[] args) {
    String table = null;
    Path data = null;
    List<String> datasets = List.of("cifar10");
    long trainSteps = 1_000_000_000L;
    int runs = 5;
    List<Integer> islands = List.of(1, 10, 100);
    Path out = Paths.get("runs", "reproduce-table-s5");
    boolean inProcess = false;
    long seed = 1;
    int selectTasks = 100;
    List<String> overrides = new ArrayList<>();
    int threads = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--data" -> data = Paths.get(value(args, ++i, a));
        case "--datasets" -> {
          datasets = List.of(value(args, ++i, a).split(",", -1)).stream().map(String::trim).toList();
          if (datasets.size() > 2 || datasets.stream().anyMatch(String::isEmpty)) {
            throw new UserError("--datasets " + args[i] + ": give one or two data set names, e.g. cifar10,mnist", 2);
          }
        }
        case "--train-steps" -> trainSteps = positive(a, value(args, ++i, a));
        case "--runs" -> runs = Math.toIntExact(Math.min(positive(a, value(args, ++i, a)), 100_000));
        case "--islands" -> {
          List<Integer> list = new ArrayList<>();
          for (String s : value(args, ++i, a).split(",", -1)) {
            long n = positive(a, s.trim());
            if (n > 10_000 || list.contains((int) n)) {
              throw new UserError("--islands " + args[i] + ": '" + s + "' must be a new island count in [1, 10000]", 2);
            }
            list.add((int) n);
          }
          islands = List.copyOf(list);
        }
        case "--out" -> out = Paths.get(value(args, ++i, a));
        case "--in-process" -> inProcess = true;
        case "--seed" -> seed = positive(a, value(args, ++i, a));
        case "--select-tasks" -> selectTasks = Math.toIntExact(Math.min(positive(a, value(args, ++i, a)), 100_000));
        case "--set" -> overrides.add(value(args, ++i, a));
        case "--threads" -> threads = Converters.nonNegative(a, value(args, ++i, a));
        default -> {
          if (a.startsWith("-") || table != null) {
            throw new UserError("reproduce: unknown option '" + a + "'\n" + usage(), 2);
          }
          table = a;
        }
      }
    }
    if (table == null || !table.equals("table-s5")) {
      throw new UserError("reproduce: " + (table == null ? "no table given" : "unknown table '" + table + "'")
          + ": the one reproducible table is table-s5\n" + usage(), 2);
    }
    if (data == null) {
      throw new UserError("reproduce table-s5 needs --data DIR (a Parquet task data set, see docs/data.md)", 2);
    }
    return new Options(table, data, datasets, trainSteps, runs, islands, out, inProcess, seed, selectTasks,
        List.copyOf(overrides), threads);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new UserError("option " + option + " needs a value", 2);
    }
    return args[i];
  }

  private static long positive(String option, String text) {
    try {
      long v = text.matches("[0-9.]+[eE][0-9]+") ? (long) Double.parseDouble(text) : Long.parseLong(text.replace("_", ""));
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // the message below
    }
    throw new UserError(option + " is '" + text + "', but must be an integer >= 1", 2);
  }

  static int run(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(usage());
      return 0;
    }
    Options o = parse(args);
    PrintStream console = System.out;
    // Everything is checked before any run starts: configs, data, existing run directories.
    Map<Cell, ExperimentConfig> configs = new LinkedHashMap<>();
    for (int n : o.islands()) {
      for (int r = 0; r < o.runs(); r++) {
        for (String method : METHODS) {
          Cell cell = new Cell(method, n, r, o.seed() + r);
          configs.put(cell, config(o, cell));
        }
      }
    }
    for (ExperimentConfig c : configs.values()) {
      SparkSearch.checkData(c);
      org.automlzero.core.config.ResourceCheck.check(c);
    }
    Path runsDir = o.out().resolve("runs");
    for (Map.Entry<Cell, ExperimentConfig> e : configs.entrySet()) {
      checkExisting(runsDir.resolve(e.getKey().name()), e.getValue());
    }
    console.println("reproduce table-s5: " + configs.size() + " runs (Basic and Full x islands " + o.islands() + " x "
        + o.runs() + " seeds from " + o.seed() + "), " + String.format(Locale.ROOT, "%,d", o.trainSteps())
        + " train steps per island, " + o.selectTasks() + " selection tasks, " + (o.inProcess() ? "in-process"
            : "on Spark") + "; into " + o.out());

    TaskProvider shared = sharedTasks(configs.values().iterator().next());
    SparkSession session = null;
    boolean ownSession = false;
    List<Row> rows = new ArrayList<>();
    Map<Long, double[]> baselines = new TreeMap<>();
    try {
      int index = 0;
      for (Map.Entry<Cell, ExperimentConfig> e : configs.entrySet()) {
        index++;
        Cell cell = e.getKey();
        Path dir = runsDir.resolve(cell.name());
        RunFigures f;
        if (Files.exists(dir.resolve("result.json"))) {
          f = RunFigures.read(dir);
          console.println("[" + index + "/" + configs.size() + "] " + cell.name() + ": finished earlier, kept");
        } else {
          if (!o.inProcess() && session == null) {
            ownSession = SparkSession.getActiveSession().isEmpty();
            String master = SparkSetup.master(null);
            SparkSetup.checkMaster(master);
            session = SparkSetup.start("AutoML-Zero reproduce table-s5", master);
            console.println("Spark " + session.version() + " on " + session.sparkContext().master());
          }
          console.println("[" + index + "/" + configs.size() + "] " + cell.name() + ": running");
          f = runOne(o, cell, e.getValue(), dir, session, shared, console);
        }
        double[] base = baselines.computeIfAbsent(cell.seed(), s -> baselineAccuracies(e.getValue(), shared,
            o.threads()));
        rows.add(new Row(cell.method(), cell.islands(), cell.run(), cell.seed(), f.select(), base[0], base[1],
            f.trainSteps(), f.individuals(), f.seconds()));
        console.println(String.format(Locale.ROOT, "  accuracy %.4f (LINEAR %.4f, NEURAL_NET %.4f), %,d train steps, "
            + "%,d individuals, %.1f s", f.select(), base[0], base[1], f.trainSteps(), f.individuals(), f.seconds()));
      }
    } finally {
      if (ownSession && session != null) {
        session.stop();
      }
    }
    List<Line> table = table(rows);
    String markdown = markdown(table, o);
    AtomicFiles.writeString(o.out().resolve("table-s5.md"), markdown, "table");
    writeParquet(o.out().resolve("table-s5.parquet"), table);
    writeRunsParquet(o.out().resolve("table-s5-runs.parquet"), rows);
    AtomicFiles.writeString(o.out().resolve("table-s5.html"), html(table, rows), "plot");
    console.println();
    console.print(markdown);
    console.println("Written: " + o.out().resolve("table-s5.md") + ", table-s5.parquet, table-s5-runs.parquet, "
        + "table-s5.html (plot)");
    return 0;
  }

  /** The config of one cell: the method's file, the reproduction's settings, then the user's --set. */
  static ExperimentConfig config(Options o, Cell cell) {
    Path file = confFile(cell.method().equals("Basic") ? "baseline.conf" : "full.conf");
    List<String> sets = new ArrayList<>();
    String a = o.datasets().get(0);
    sets.add("data.path=" + o.data());
    sets.add("run.seed=" + cell.seed());
    for (String list : List.of("search", "select", "final", "mix")) {
      sets.add(list + ".tasks.dataset=" + a);
    }
    int seeds = dataSeeds(o.data());
    if (seeds > 0 && seeds < 100) {
      for (String list : List.of("search", "select", "final", "mix")) {
        sets.add(list + ".tasks.max_data_seed=" + seeds);
      }
    }
    sets.add("select.tasks.count=" + o.selectTasks());
    sets.add("islands.mode=ISLAND_STAGE");
    sets.add("islands.count=" + cell.islands());
    sets.add("search.max_train_steps=" + Math.multiplyExact(o.trainSteps(), (long) cell.islands()));
    if (cell.method().equals("Basic")) {
      // Basic: the original's method on every worker, no exchange (independent workers, best of all).
      // Stages of 100 generations: the budget is checked between stages, so this bounds the overshoot of an
      // expensive Basic evaluation (80,000 train steps) to 8M steps per island; without FEC and migration the
      // stage length changes nothing else.
      sets.add("islands.migrants=0");
      sets.add("islands.migration_interval=100");
      sets.add("islands.topology=RANDOM");
    } else if (cell.islands() == 1) {
      sets.add("islands.mix_fraction=0"); // one worker cannot be split between two task sources
    } else {
      String b = o.datasets().size() > 1 ? o.datasets().get(1) : a.equals("cifar10") ? "mnist" : null;
      if (b != null) {
        sets.add("mix.tasks.dataset=" + b);
      } else {
        ExperimentConfig plain = ConfigLoader.load(file, sets);
        int train = plain.run().searchTasks().specs().get(0).numTrain();
        int epochs = plain.run().searchTasks().specs().get(0).epochs();
        sets.add("mix.tasks.train_examples=" + Math.max(1, train / 10));
        sets.add("mix.tasks.epochs=" + epochs * 10);
      }
    }
    sets.addAll(o.overrides());
    return ConfigLoader.load(file, sets); // a ConfigException names the file or --set, key, value and rule: exit 2
  }

  /** A conf/ file under the project home (submit.sh sets automlzero.home), else the working directory. */
  static Path confFile(String name) {
    String home = System.getProperty("automlzero.home");
    Path inHome = home == null ? null : Paths.get(home, "conf", name);
    return inHome != null && Files.isRegularFile(inHome) ? inHome : Paths.get("conf", name);
  }

  /** Data seeds 0..k-1 of the data set's manifest (k, or 0 when they are not such a range or unreadable). */
  private static int dataSeeds(Path data) {
    try {
      java.util.Set<Integer> seeds = ParquetTaskStore.open(data.toString()).manifest().seeds();
      for (int s = 0; s < seeds.size(); s++) {
        if (!seeds.contains(s)) {
          return 0;
        }
      }
      return seeds.size();
    } catch (RuntimeException e) {
      return 0; // SparkSearch.checkData names what is wrong with the data set
    }
  }

  /** Refuses an existing run directory of other settings, so a changed command never mixes two tables. */
  private static void checkExisting(Path dir, ExperimentConfig config) {
    if (!Files.exists(dir)) {
      return;
    }
    String text;
    try {
      text = RunDirectory.open(dir).configText();
    } catch (RunDirectoryException e) {
      return; // not a complete run directory: it is started again
    }
    if (!text.equals(config.toConfigText())) {
      throw new UserError("reproduce: " + dir + " holds a run of other settings (its config.conf differs from this "
          + "command's): continue it with the command that started it, or give another --out", 2);
    }
  }

  /** A run's figures as its result.json has them. */
  record RunFigures(double select, long trainSteps, long individuals, double seconds) {
    static RunFigures read(Path dir) {
      Path file = dir.resolve("result.json");
      try {
        JsonNode r = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        return new RunFigures(r.get("select_fitness").asDouble(), r.get("train_steps").asLong(),
            r.get("individuals").asLong(), r.get("elapsed_seconds").asDouble());
      } catch (IOException | RuntimeException e) {
        throw new UserError("reproduce: " + file + " is not a readable result of a run (" + e.getMessage()
            + "); remove its run directory to run it again", 2);
      }
    }
  }

  private static RunFigures runOne(Options o, Cell cell, ExperimentConfig config, Path dir, SparkSession session,
      TaskProvider shared, PrintStream console) {
    RunOutputs.Plan plan;
    if (Files.exists(dir)) {
      try {
        plan = RunOutputs.resume(dir, List.of(), "reproduce", console);
      } catch (UserError e) {
        console.println("  " + dir + " has no usable checkpoint (" + e.getMessage() + "); starting it again");
        plan = RunOutputs.fresh(config, confFile("baseline.conf"), dir, true, "reproduce");
      }
    } else {
      plan = RunOutputs.fresh(config, confFile("baseline.conf"), dir, false, "reproduce");
    }
    RunOutputs.Plan p = plan;
    RunRecorder recorder = plan.begin(line -> console.println("  " + line));
    SearchResult result;
    try {
      if (o.inProcess()) {
        ProgressPrinter progress = new ProgressPrinter(config.progressEvery(), line -> console.println("  " + line));
        result = RunOutputs.runAndFinish(recorder, "reproduce", p, (cfg, from) -> InProcessSearch.run(cfg.run(),
            o.threads(), shared, recorder.alongside(progress), line -> console.println("  " + line), recorder,
            from)).result();
      } else {
        SparkSearch.Options options = new SparkSearch.Options(false, 0, 0, recorder);
        result = RunOutputs.runAndFinish(recorder, "reproduce", p, (cfg, from) -> SparkSearch.run(cfg, session,
            options, console, recorder, from)).result();
      }
    } catch (RunOutputs.RunStopped s) {
      throw new RunOutputs.RunStopped("stopped during run " + cell.name() + " (its checkpoint is in " + dir
          + "); run the same reproduce command again to continue: finished runs are kept", s.exitCode());
    } finally {
      recorder.directory().close();
    }
    return new RunFigures(result.selectFitness(), result.trainSteps(), result.individuals(), result.elapsedSeconds());
  }

  /** One task provider for every in-process run and the baselines: each task list is read once. */
  private static TaskProvider sharedTasks(ExperimentConfig any) {
    TaskGenerator generator = SparkSearch.needsData(any)
        ? new TaskGenerator(ParquetTaskStore.open(any.dataPath())) : new TaskGenerator();
    Map<TaskList, List<LearningTask>> cache = new LinkedHashMap<>();
    return list -> {
      synchronized (cache) {
        return cache.computeIfAbsent(list, l -> List.copyOf(generator.generate(l)));
      }
    };
  }

  /**
   * LINEAR's and NEURAL_NET's accuracy on the run's selection tasks with the run's select seeds
   * (those the run's best algorithm was scored with).
   */
  static double[] baselineAccuracies(ExperimentConfig config, TaskProvider tasks, int threads) {
    RunSpec run = config.run();
    try (WorkerPool pool = new WorkerPool(threads);
        InProcessEvaluator evaluator = new InProcessEvaluator(run.search().shape(), run.search().maxAbsError(), tasks,
            pool)) {
      ExperimentRunner runner = new ExperimentRunner(run, evaluator, tasks, null, null, null);
      double[] out = new double[2];
      int k = 0;
      for (InitAlgorithm kind : List.of(InitAlgorithm.LINEAR, InitAlgorithm.NEURAL_NET)) {
        Algorithm a = InitialAlgorithms.handCoded(kind, run.search());
        out[k++] = runner.evaluate(run.selectTasks(), a, "select", 0);
      }
      return out;
    }
  }

  /** The table: per method and island count, mean +- standard error and the fractions beating each baseline. */
  static List<Line> table(List<Row> rows) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row r : rows) {
      groups.computeIfAbsent(r.method() + "\u0000" + r.islands(), k -> new ArrayList<>()).add(r);
    }
    List<Line> lines = new ArrayList<>();
    for (List<Row> g : groups.values()) {
      int n = g.size();
      double sum = 0;
      double linear = 0;
      double neural = 0;
      double steps = 0;
      double individuals = 0;
      int beatLinear = 0;
      int beatNeural = 0;
      for (Row r : g) {
        sum += r.accuracy();
        linear += r.linear();
        neural += r.neuralNet();
        steps += r.trainSteps();
        individuals += r.individuals();
        beatLinear += r.accuracy() > r.linear() ? 1 : 0;
        beatNeural += r.accuracy() > r.neuralNet() ? 1 : 0;
      }
      double mean = sum / n;
      double squares = 0;
      for (Row r : g) {
        squares += (r.accuracy() - mean) * (r.accuracy() - mean);
      }
      double se = n > 1 ? Math.sqrt(squares / (n - 1)) / Math.sqrt(n) : Double.NaN;
      lines.add(new Line(g.get(0).method(), g.get(0).islands(), n, mean, se, (double) beatLinear / n,
          (double) beatNeural / n, linear / n, neural / n, steps / n, individuals / n));
    }
    lines.sort(java.util.Comparator.comparingInt((Line l) -> METHODS.indexOf(l.method())).thenComparingInt(Line::islands));
    return lines;
  }

  static String markdown(List<Line> table, Options o) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Table S5 on %s: best accuracy on %d selection tasks, mean +- standard error "
        + "over runs; %,d train steps per island.%n%n", String.join(" + ", o.datasets()), o.selectTasks(),
        o.trainSteps()));
    sb.append("| method | islands | runs | best accuracy | > LINEAR | > NEURAL_NET | LINEAR | NEURAL_NET "
        + "| train steps per run | individuals per run |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (Line l : table) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.4f +- %s | %.2f | %.2f | %.4f | %.4f | %,.0f | %,.0f |%n",
          l.method(), l.islands(), l.runs(), l.mean(), Double.isNaN(l.standardError()) ? "n/a"
              : String.format(Locale.ROOT, "%.4f", l.standardError()), l.beatLinear(), l.beatNeuralNet(),
          l.linear(), l.neuralNet(), l.meanTrainSteps(), l.meanIndividuals()));
    }
    return sb.toString();
  }

  static final MessageType TABLE_SCHEMA = MessageTypeParser.parseMessageType("""
      message table_s5 {
        required binary method (STRING);
        required int32 islands;
        required int32 runs;
        required double mean_accuracy;
        required double standard_error;
        required double fraction_beating_linear;
        required double fraction_beating_neural_net;
        required double linear_accuracy;
        required double neural_net_accuracy;
        required double mean_train_steps;
        required double mean_individuals;
      }""");

  static final MessageType RUNS_SCHEMA = MessageTypeParser.parseMessageType("""
      message table_s5_run {
        required binary method (STRING);
        required int32 islands;
        required int32 run;
        required int64 seed;
        required double accuracy;
        required double linear_accuracy;
        required double neural_net_accuracy;
        required int64 train_steps;
        required int64 individuals;
        required double elapsed_seconds;
      }""");

  static void writeParquet(Path file, List<Line> table) {
    write(file, TABLE_SCHEMA, groups -> {
      List<Group> out = new ArrayList<>();
      for (Line l : table) {
        out.add(groups.newGroup().append("method", l.method()).append("islands", l.islands()).append("runs", l.runs())
            .append("mean_accuracy", l.mean()).append("standard_error", l.standardError())
            .append("fraction_beating_linear", l.beatLinear()).append("fraction_beating_neural_net", l.beatNeuralNet())
            .append("linear_accuracy", l.linear()).append("neural_net_accuracy", l.neuralNet())
            .append("mean_train_steps", l.meanTrainSteps()).append("mean_individuals", l.meanIndividuals()));
      }
      return out;
    });
  }

  static void writeRunsParquet(Path file, List<Row> rows) {
    write(file, RUNS_SCHEMA, groups -> {
      List<Group> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(groups.newGroup().append("method", r.method()).append("islands", r.islands()).append("run", r.run())
            .append("seed", r.seed()).append("accuracy", r.accuracy()).append("linear_accuracy", r.linear())
            .append("neural_net_accuracy", r.neuralNet()).append("train_steps", r.trainSteps())
            .append("individuals", r.individuals()).append("elapsed_seconds", r.seconds()));
      }
      return out;
    });
  }

  private static void write(Path file, MessageType schema,
      java.util.function.Function<SimpleGroupFactory, List<Group>> rows) {
    Path temp = AtomicFiles.temporary(file);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(temp);
      try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(temp)).withType(schema)
          .withConf(new Configuration(false)).withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
        for (Group g : rows.apply(new SimpleGroupFactory(schema))) {
          writer.write(g);
        }
      }
      AtomicFiles.moveIntoPlace(temp, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      AtomicFiles.deleteQuietly(temp);
    }
  }

  /** A self-contained page: mean accuracy per island count for both methods, every run, the baselines. */
  static String html(List<Line> table, List<Row> rows) {
    StringBuilder series = new StringBuilder("[");
    List<Integer> counts = table.stream().map(Line::islands).distinct().sorted().toList();
    double linear = table.stream().mapToDouble(Line::linear).average().orElse(Double.NaN);
    double neural = table.stream().mapToDouble(Line::neuralNet).average().orElse(Double.NaN);
    for (String method : METHODS) {
      StringBuilder means = new StringBuilder("[");
      StringBuilder points = new StringBuilder("[");
      for (Line l : table) {
        if (l.method().equals(method)) {
          means.append(String.format(Locale.ROOT, "['%d', %.6f],", l.islands(), l.mean()));
        }
      }
      for (Row r : rows) {
        if (r.method().equals(method)) {
          points.append(String.format(Locale.ROOT, "['%d', %.6f],", r.islands(), r.accuracy()));
        }
      }
      series.append("{name:'").append(method).append(" (mean)',type:'line',symbolSize:10,data:").append(means)
          .append("]},{name:'").append(method).append(" (runs)',type:'scatter',symbolSize:5,data:").append(points)
          .append("]},");
    }
    series.append(String.format(Locale.ROOT, "{name:'baselines',type:'line',data:[],markLine:{symbol:'none',data:["
        + "{yAxis:%.6f,name:'LINEAR'},{yAxis:%.6f,name:'NEURAL_NET'}],label:{formatter:'{b} {c}'}}}]", linear, neural));
    String cats = counts.stream().map(c -> "'" + c + "'").reduce((x, y) -> x + "," + y).orElse("");
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Table S5 reproduction</title>\n<script>"
        + echarts() + "</script></head>\n<body style=\"font-family:sans-serif\"><h1>Table S5: best accuracy on the "
        + "selection tasks</h1>\n<div id=\"chart\" style=\"width:900px;height:520px\"></div>\n<script>\n"
        + "echarts.init(document.getElementById('chart')).setOption({tooltip:{trigger:'item'},legend:{},"
        + "xAxis:{type:'category',name:'islands',data:[" + cats + "]},yAxis:{type:'value',name:'accuracy',scale:true},"
        + "series:" + series + "});\n</script></body></html>\n";
  }

  private static String echarts() {
    String name = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    try (InputStream in = ReproduceCommand.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path (dependency org.webjars.npm:echarts:5.3.1)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from the class path", e);
    }
  }
}
