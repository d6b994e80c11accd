package org.automlzero.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.automlzero.core.io.InputException;
import org.automlzero.dataprep.DataPrepException;
import org.automlzero.runs.RunDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one entry point: {@code <subcommand> [options]}, parsed with picocli; each subcommand is
 * its own class named after it ({@code search} is {@link SearchCommand}, {@code search-local}
 * {@link SearchLocalCommand}, ...). Exit codes (docs/reliability.md): 0 success, 2 bad input
 * (options, config, data set, algorithm or run directory: one line naming the option, file or key,
 * the value and the rule), 1 a failure while running, 143 / 130 stopped by SIGTERM / SIGINT after
 * writing a checkpoint. {@code --help} prints to standard output and exits 0 for every subcommand;
 * {@code --debug} (anywhere) adds the stack trace to any error.
 */
@Command(name = "submit.sh", synopsisHeading = "", customSynopsis = "usage: submit.sh <subcommand> [options]",
    description = "Runs one AutoML-Zero subcommand (through spark-submit when started by submit.sh).",
    commandListHeading = "subcommands:%n",
    footer = {"run 'submit.sh <subcommand> --help' for its options; --debug adds the stack trace to any error",
        "shell completion (bash, zsh): source <(./submit.sh completion 2>/dev/null)",
        "exit codes: 0 done, 2 bad input, 1 failed while running, 143/130 stopped by SIGTERM/SIGINT (resumable)"},
    subcommands = {DemoCommand.class, SearchCommand.class, SearchLocalCommand.class, PrepareCommand.class,
        EvaluateCommand.class, ReportCommand.class, ExportCommand.class, BenchCommand.class, ReproduceCommand.class,
        CompletionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
  @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit 0")
  boolean help;

  Main() {}

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

  @Override
  public Integer call() {
    throw new UserError("no subcommand given\n" + usage(), 2);
  }

  /** The command line of all subcommands, writing to the current System.out / System.err. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExpandAtFiles(false); // "@file" is a plain argument (a path), not picocli's argument file
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOverwrittenOptionsAllowed(true); // as before: a repeated single-valued option, the last one counts
    cl.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    cl.setUsageHelpWidth(120);
    return cl;
  }

  /** Runs a subcommand and returns its exit code. */
  public static int run(String[] args) {
    List<String> list = new ArrayList<>(Arrays.asList(args));
    boolean debug = list.remove("--debug");
    while (list.remove("--debug")) {
      // repeated: same as once
    }
    args = list.toArray(String[]::new);
    if (args.length == 0) {
      System.err.println("error: no subcommand given\n" + usage());
      return 2;
    }
    CommandLine cl = commandLine();
    try {
      CommandLine.ParseResult parsed;
      try {
        parsed = cl.parseArgs(args);
      } catch (ParameterException e) {
        return usageError(e, debug);
      }
      if (CommandLine.printHelpIfRequested(parsed)) {
        cl.getOut().flush();
        return 0;
      }
      CommandLine.ParseResult leaf = parsed;
      while (leaf.hasSubcommand()) {
        leaf = leaf.subcommand();
      }
      Object command = leaf.commandSpec().userObject();
      if (command instanceof Main) {
        System.err.println("error: no subcommand given\n" + usage());
        return 2;
      }
      if (command instanceof CommandLine.HelpCommand help) {
        help.run();
        cl.getOut().flush();
        return 0;
      }
      Integer code = 0;
      if (command instanceof Callable<?> callable) {
        code = callable.call() instanceof Integer i ? i : 0;
      }
      System.out.flush();
      return code;
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
    } catch (Exception | Error e) {
      return fail(e, describe(e) + " (an internal error; run again with --debug for the stack trace)", 1, debug);
    }
  }

  /**
   * A command-line mistake: one line naming the subcommand, the option or argument, the value and
   * the rule, then the subcommand's usage; exit 2. A validating converter's {@link UserError} is
   * printed as it is.
   */
  private static int usageError(ParameterException e, boolean debug) {
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof UserError u) {
        return fail(u, u.getMessage(), u.exitCode(), debug);
      }
    }
    CommandLine where = e.getCommandLine();
    String name = where.getCommandSpec().userObject() instanceof Main ? "submit.sh" : where.getCommandName();
    String line;
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      if (where.getCommandSpec().userObject() instanceof Main) {
        line = "unknown subcommand '" + arg + "'";
      } else {
        line = name + ": " + (arg.startsWith("-") ? "unknown option '" : "unexpected argument '") + arg + "'";
      }
      List<String> suggestions = u.getSuggestions();
      if (!suggestions.isEmpty()) {
        line += " (did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))
            + "?)";
      }
    } else if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()
        && m.getMissing().get(0).isOption() && String.valueOf(e.getMessage()).startsWith("Missing required parameter")) {
      line = name + ": option " + ((CommandLine.Model.OptionSpec) m.getMissing().get(0)).longestName()
          + " needs a value";
    } else {
      // picocli's own wording, e.g. "Missing required argument(s): --spark" for bench's --batch alone.
      line = name + ": " + String.valueOf(e.getMessage()).replace("Error: ", "").replace("argument(s): ",
          "argument(s) for the options given: ");
    }
    if (debug) {
      e.printStackTrace(System.err);
    }
    String synopsis = where.getHelp().synopsis(0).stripTrailing();
    System.err.println("error: " + line + "\n" + synopsis + "\nrun '" + where.getCommandSpec().qualifiedName()
        + " --help' for the options");
    return 2;
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

  /** The list of subcommands (generated from their classes) with the exit codes. */
  static String usage() {
    return commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
  }

  /** The generated usage (--help) of one subcommand. */
  static String usage(String subcommand) {
    return commandLine().getSubcommands().get(subcommand).getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
  }
}
