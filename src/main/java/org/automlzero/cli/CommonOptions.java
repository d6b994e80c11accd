package org.automlzero.cli;

import picocli.CommandLine.Option;

/** The options every subcommand has: {@code --help}, {@code --verbose} and {@code --debug}. */
final class CommonOptions {
  /** The exit-code footer of the commands that run a search (a stopped run is resumable). */
  static final String RUN_EXIT_CODES =
      "exit codes: 0 done, 2 bad input, 1 failed while running, 143/130 stopped by SIGTERM/SIGINT (resumable)";

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help to standard output and exit 0")
  boolean help;

  @Option(names = {"-v", "--verbose"}, description = "more detail (search, demo, search-local: "
      + "per-island progress lines); submit.sh also passes it to spark-submit")
  boolean verbose;

  // Main removes --debug wherever it stands before parsing; declared here for the help text.
  @Option(names = "--debug", description = "print the stack trace with any error")
  boolean debug;
}
