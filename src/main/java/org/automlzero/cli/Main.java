package org.automlzero.cli;

import java.io.UncheckedIOException;
import java.util.Arrays;
import org.automlzero.dataprep.DataPrepException;
import org.automlzero.runs.RunDirectoryException;

/**
 * The one entry point: {@code <subcommand> [options]}. Each subcommand lives in its own class;
 * user errors print one clear message and exit non-zero.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a subcommand and returns its exit code (0 success, 1 failure, 2 usage error). */
  public static int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      System.out.println(usage());
      return args.length == 0 ? 2 : 0;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      return switch (command) {
        // Each subcommand adds its case here.
        case "bench" -> Arrays.asList(rest).contains("--scale") ? ScaleBenchCommand.run(rest)
            : Arrays.asList(rest).contains("--spark") ? SparkBenchCommand.run(rest)
            : org.automlzero.core.bench.InterpreterBench.run(rest);
        case "search", "demo" -> SparkSearchCommand.run(command, rest);
        case "search-local" -> SearchCommand.run(rest);
        case "prepare" -> PrepareCommand.run(rest);
        case "evaluate" -> EvaluateCommand.run(rest);
        case "report" -> ReportCommand.run(rest);
        default -> {
          System.err.println("error: unknown subcommand '" + command + "'\n" + usage());
          yield 2;
        }
      };
    } catch (UserError e) {
      System.err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (RunDirectoryException | DataPrepException | UncheckedIOException e) {
      // Problems with files the user named (their messages name the file): one line, exit 1.
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  static String usage() {
    return """
        usage: submit.sh <subcommand> [options]
        subcommands:
          demo          run conf/demo.conf (rediscover linear regression)
          search        run an experiment config
          search-local  run an experiment config in-process (plain threads, no Spark); --seeds, --keys
          prepare       prepare projected binary Parquet tasks from an image data set
          evaluate      evaluate an algorithm file on a config's tasks
          report        write a run directory's report.html
          bench         measure interpreter and evaluator throughput
        run 'submit.sh <subcommand> --help' for its options""";
  }
}
