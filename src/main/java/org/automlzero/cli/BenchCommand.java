package org.automlzero.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.automlzero.core.bench.InterpreterBench;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench}: three benchmarks, figures only (nothing is asserted; docs/benchmarks.md). Without
 * a mode flag, the interpreter on one thread ({@link InterpreterBench}); {@code --spark} the
 * Spark evaluator against the core's ({@link SparkBenchRun}); {@code --scale} the island-stage
 * mode from 2 to 1,024 virtual cores ({@link ScaleBenchRun}).
 */
@Command(name = "bench", synopsisHeading = "",
    customSynopsis = {"usage: submit.sh bench [demo|baseline|baseline-mid|nn|corpus|all] [--rounds N] [--seconds S]",
        "                       [--no-skip] [--print-fitness]",
        "       submit.sh bench --spark [--master local[2]] [--throughput | --solve] [options]",
        "       submit.sh bench --scale [--specs demo,baseline] [--cores 2,16,128,1024] [--workers 4] [--task-cpus 1]",
        "                       [--islands-per-core 1] [--stages 8] [--calibrate N] [--cost-us SPEC=US,...]"},
    description = "Measures interpreter, evaluator and scaling throughput (figures only; docs/benchmarks.md).",
    footer = {"exit codes: 0 done, 2 bad input, 1 failed while running"})
final class BenchCommand implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Parameters(paramLabel = "WORKLOAD", arity = "0..1", description = "interpreter workload: demo, baseline, "
      + "baseline-mid, nn, corpus or all (default all)")
  void workload(String name) {
    if (!InterpreterBench.WORKLOADS.contains(name)) {
      throw new UserError("bench: workload '" + name + "' is unknown: use one of "
          + String.join(", ", InterpreterBench.WORKLOADS), 2);
    }
    workload = name;
  }

  String workload;

  @ArgGroup(exclusive = false, heading = "%nInterpreter (the default): one thread, algorithms fully evaluated per "
      + "second (compile + all tasks, no FEC), median of N timed rounds after a warm-up%n")
  Interpreter interpreter = new Interpreter();

  @ArgGroup(exclusive = false, heading = "%n--spark: Spark evaluator throughput against the core's evaluators, or "
      + "the demo's time to solve%n")
  Spark spark = new Spark();

  @ArgGroup(exclusive = false, heading = "%n--scale: the island-stage mode on a real standalone cluster, each "
      + "island's evolution modelled by its calibrated cost%n")
  Scale scale = new Scale();

  /** The interpreter benchmark's options. */
  static final class Interpreter {
    int rounds = 7;
    double seconds = 2.0;

    @Option(names = "--rounds", paramLabel = "N", description = "timed rounds (default 7; corpus: rounds of one "
        + "pass each)")
    void rounds(String n) {
      rounds = (int) Math.ceil(Converters.positive("--rounds", n));
    }

    @Option(names = "--seconds", paramLabel = "S", description = "about S seconds per round (default 2)")
    void seconds(String s) {
      seconds = Converters.positive("--seconds", s);
    }

    @Option(names = "--no-skip", description = "run every instruction (no liveness skipping), as the C++ original "
        + "does")
    boolean noSkip;

    @Option(names = "--print-fitness", description = "corpus: print the per-task fitnesses instead of timing")
    boolean printFitness;
  }

  /** {@code --spark}'s options. */
  static final class Spark {
    @Option(names = "--spark", required = true, description = "run the Spark benchmark")
    boolean on;

    @Option(names = "--throughput", description = "evaluator throughput on the demo and baseline specs (default)")
    boolean throughput;

    @Option(names = "--solve", description = "run conf/demo.conf (or --config) once per seed and report time to "
        + "solve")
    boolean solve;

    int batch;
    int generations;
    int warmup = -1;

    @Option(names = "--batch", paramLabel = "B", description = "candidates per generation (demo default 1000; "
        + "baseline 40)")
    void batch(String n) {
      batch = Converters.nonNegative("--batch", n);
    }

    @Option(names = "--generations", paramLabel = "G", description = "timed generations (demo 60, baseline 3), after "
        + "--warmup")
    void generations(String n) {
      generations = Converters.nonNegative("--generations", n);
    }

    @Option(names = "--warmup", paramLabel = "W", description = "warm-up generations (demo 100, baseline 1; Spark's "
        + "job path needs about a hundred jobs to warm up)")
    void warmup(String n) {
      warmup = Converters.nonNegative("--warmup", n);
    }

    @Option(names = "--data", paramLabel = "DIR", description = "prepared data set for the baseline spec (default: "
        + "synthetic tasks in a temp dir)")
    String data;

    @Option(names = "--seeds", paramLabel = "A-B", description = "seeds for --solve (default 1-5)")
    String seeds = "1-5";

    @Option(names = "--config", paramLabel = "FILE", description = "config for --solve (default conf/demo.conf with "
        + "its layout conf/demo.spark.conf)")
    Path config;

    final List<String> overrides = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "config override for --solve and both "
        + "throughput specs (repeatable)")
    void set(List<String> values) {
      overrides.addAll(values);
    }
  }

  /** {@code --scale}'s options. */
  static final class Scale {
    @Option(names = "--scale", required = true, description = "run the scale benchmark")
    boolean on;

    @Option(names = "--specs", paramLabel = "LIST", split = ",", description = "shipped configs to measure, each "
        + "with its Spark layout (default demo,baseline)")
    List<String> specs = List.of("demo", "baseline");

    List<Integer> cores = List.of(2, 16, 128, 1024);
    int workers = 4;
    int taskCpus = 1;
    int islandsPerCore = 1;
    int stages = 8;
    long calibrate;
    java.util.Map<String, Double> costs = java.util.Map.of();

    @Option(names = "--cores", paramLabel = "LIST", description = "virtual core counts (islands: see --islands-per-core; "
        + "default 2,16,128,1024)")
    void cores(String list) {
      cores = Converters.positiveInts("--cores", list);
    }

    @Option(names = "--workers", paramLabel = "N", description = "standalone workers the cores are spread over "
        + "(default 4)")
    void workers(String n) {
      workers = Converters.nonNegative("--workers", n);
    }

    @Option(names = "--task-cpus", paramLabel = "N", description = "spark.task.cpus: islands each task evolves "
        + "side by side (default 1)")
    void taskCpus(String n) {
      taskCpus = Math.max(1, Converters.nonNegative("--task-cpus", n));
    }

    @Option(names = "--islands-per-core", paramLabel = "N", description = "islands per virtual core: each stage "
        + "carries N islands' work per core against Spark's fixed cost per stage (default 1)")
    void islandsPerCore(String n) {
      islandsPerCore = Converters.positiveInt("--islands-per-core", n);
    }

    @Option(names = "--stages", paramLabel = "N", description = "measured stages per point, after 3 warm-up stages "
        + "(default 8: one of them brings the islands back whole to the driver)")
    void stages(String n) {
      stages = Converters.nonNegative("--stages", n);
    }

    @Option(names = "--calibrate", paramLabel = "N", description = "individuals of the real single-thread "
        + "calibration run (default: per spec)")
    void calibrate(String n) {
      calibrate = Converters.nonNegative("--calibrate", n);
    }

    @Option(names = "--cost-us", paramLabel = "SPEC=US,...", description = "use this cost per individual (microseconds "
        + "on one core) instead of calibrating, e.g. demo=19.3 (no calibration and no local[2] check for that spec)")
    void costs(String list) {
      java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
      for (String item : list.split(",")) {
        String[] kv = item.split("=", 2);
        double us;
        try {
          us = kv.length == 2 ? Double.parseDouble(kv[1].trim()) : Double.NaN;
        } catch (NumberFormatException e) {
          us = Double.NaN;
        }
        if (!(us > 0) || Double.isInfinite(us)) {
          throw new UserError("--cost-us: '" + item + "' is not SPEC=MICROSECONDS with a positive number", 2);
        }
        m.put(kv[0].trim(), us);
      }
      costs = m;
    }
  }

  @Override
  public Integer call() {
    if (spark.on && scale.on) {
      throw new UserError("bench: give --spark or --scale, not both", 2);
    }
    if ((spark.on || scale.on) && workload != null) {
      throw new UserError("bench: workload '" + workload + "' is for the interpreter benchmark; do not combine it with "
          + (spark.on ? "--spark" : "--scale"), 2);
    }
    if (spark.on) {
      return SparkBenchRun.run(spark.solve, spark.batch, spark.generations, spark.warmup, spark.data, spark.seeds,
          spark.config, spark.overrides);
    }
    if (scale.on) {
      return ScaleBenchRun.run(scale.specs, scale.cores, scale.workers, scale.taskCpus, scale.islandsPerCore,
          scale.stages,
          scale.calibrate, scale.costs);
    }
    return InterpreterBench.run(workload == null ? "all" : workload, interpreter.rounds, interpreter.seconds,
        !interpreter.noSkip, interpreter.printFitness);
  }
}
