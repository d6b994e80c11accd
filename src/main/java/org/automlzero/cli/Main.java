package org.automlzero.cli;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.automlzero.core.io.InputException;
import org.automlzero.dataprep.DataPrepException;
import org.automlzero.runs.RunDirectoryException;

/**
 * The one entry point: {@code <subcommand> [options]}. Each subcommand lives in its own class.
 * Exit codes: 0 success, 2 bad input (options, config, data set, algorithm or run directory:
 * one line naming the file or key, the value and the rule), 1 a failure while running, 143 /
 * 130 stopped by SIGTERM / SIGINT after writing a checkpoint. {@code --debug} (anywhere) adds
 * the stack trace to any error.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args);
    if (code == 0 && isYarnClusterDriver()) {
      // Spark's YARN ApplicationMaster runs this main in a thread and reports success when it
      // returns; a System.exit(0) there reads as an early exit, a failed application, and YARN
      // would start the driver again. Any other code must still exit: the application fails.
      return;
    }
    System.exit(code);
  }

  /** True in the driver of {@code --master yarn --deploy-mode cluster} (the ApplicationMaster sets these). */
  static boolean isYarnClusterDriver() {
    return "yarn".equals(System.getProperty("spark.master"))
        && "cluster".equals(System.getProperty("spark.submit.deployMode"));
  }

  /** Runs a subcommand and returns its exit code. */
  public static int run(String[] args) {
    List<String> list = new ArrayList<>(Arrays.asList(args));
    boolean debug = list.remove("--debug");
    while (list.remove("--debug")) {
      // repeated: same as once
    }
    args = list.toArray(String[]::new);
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      if (args.length == 0) {
        System.err.println("error: no subcommand given\n" + usage());
        return 2;
      }
      System.out.println(usage());
      return 0;
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
        case "export" -> ExportCommand.run(rest);
        case "reproduce" -> ReproduceCommand.run(rest);
        default -> {
          System.err.println("error: unknown subcommand '" + command + "'\n" + usage());
          yield 2;
        }
      };
    } catch (RunOutputs.RunStopped e) {
      System.err.println(e.getMessage());
      return e.exitCode();
    } catch (UserError e) {
      return fail(e, e.getMessage(), e.exitCode(), debug);
    } catch (InputException e) {
      return fail(e, e.getMessage(), 2, debug);
    } catch (DataPrepException e) {
      return fail(e, e.getMessage(), e.exitCode(), debug);
    } catch (RunDirectoryException | UncheckedIOException e) {
      // A file of the run could not be written or read while running (its message names the file).
      return fail(e, e.getMessage(), 1, debug);
    } catch (OutOfMemoryError e) {
      return fail(e, "out of memory (" + e.getMessage() + ", the JVM heap is "
          + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB): give more memory (--driver-memory) or shrink the "
          + "config (memory.*, *.tasks.count, *.train_examples, run.threads)", 1, debug);
    } catch (RuntimeException | Error e) {
      return fail(e, describe(e) + " (an internal error; run again with --debug for the stack trace)", 1, debug);
    }
  }

  /** Prints the error as one line (with the stack trace before it under --debug) and returns the exit code. */
  private static int fail(Throwable e, String message, int code, boolean debug) {
    if (debug) {
      e.printStackTrace(System.err);
    }
    System.err.println("error: " + message);
    return code;
  }

  /** One line for an unexpected exception: its type and the first line of its message. */
  static String describe(Throwable e) {
    String name = e.getClass().getName();
    if (name.equals("org.apache.spark.SparkException")) {
      name = "a Spark job failed";
    }
    String text = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    if (text.length() > 300) {
      text = text.substring(0, 300) + "...";
    }
    return name + ": " + text;
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
          export        write an algorithm file as Python/NumPy, JSON or text
          bench         measure interpreter and evaluator throughput
          reproduce     rerun a table of the paper (table-s5: Basic vs Full at 1, 10, 100 islands)
        run 'submit.sh <subcommand> --help' for its options; --debug adds the stack trace to any error
        exit codes: 0 done, 2 bad input, 1 failed while running, 143/130 stopped by SIGTERM/SIGINT (resumable)""";
  }
}
