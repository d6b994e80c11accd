package org.automlzero.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 *
 * <p>This class is the command line (options, their checks, exit codes); {@link TableS5Plan}
 * holds which runs with which configs, {@link TableS5Run} runs them and scores the baselines, and
 * {@link TableS5Table} computes and writes the table.
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
    TableS5Plan plan = TableS5Plan.of(o); // everything is checked before any run starts
    console.println("reproduce table-s5: " + plan.size() + " runs (Basic and Full x islands " + o.islands() + " x "
        + o.runs() + " seeds from " + o.seed() + "), " + String.format(Locale.ROOT, "%,d", o.trainSteps())
        + " train steps per island, " + o.selectTasks() + " selection tasks, " + (o.inProcess() ? "in-process"
            : "on Spark") + "; into " + o.out());
    List<TableS5Table.Row> rows = TableS5Run.runAll(o, plan, console);
    List<TableS5Table.Line> table = TableS5Table.table(rows);
    String markdown = TableS5Table.writeAll(o, table, rows);
    console.println();
    console.print(markdown);
    console.println("Written: " + o.out().resolve("table-s5.md") + ", table-s5.parquet, table-s5-runs.parquet, "
        + "table-s5.html (plot)");
    return 0;
  }
}
