package org.automlzero.runs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.cli.Main;

/** Runs the command line in this JVM and captures its exit code, standard output and standard error. */
public record CliRun(int exitCode, String out, String err) {
  /** A small, quick version of the demo: two short experiments of 1,500 individuals, few select/final tasks. */
  public static final List<String> SMALL_DEMO = List.of("--set", "search.population_size=50", "--set",
      "search.max_individuals=1500", "--set", "run.max_experiments=2", "--set", "run.sufficient_fitness=0", "--set",
      "select.tasks.count=5", "--set", "final.tasks.count=5", "--set", "run.seed=42", "--set",
      "checkpoint.every_generations=250", "--set", "checkpoint.min_seconds=0", "--set", "stats.every_individuals=100",
      "--set", "run.threads=2", "--set", "run.progress_every=0");

  public static Path demoConfig() {
    return Path.of(System.getProperty("project.basedir", "."), "conf", "demo.conf");
  }

  public static synchronized CliRun run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Main.run(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code search-local --config conf/demo.conf <SMALL_DEMO> <extra>}. */
  public static CliRun smallDemo(String... extra) {
    List<String> args = new ArrayList<>(List.of("search-local", "--config", demoConfig().toString()));
    args.addAll(SMALL_DEMO);
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }
}
