package org.automlzero.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The run-directory options of the commands that run a search (search, demo, search-local):
 * where it writes, whether it may replace that, which run it resumes, and how it prints the
 * algorithm. {@link RunOutputs} checks and acts on them.
 */
final class RunDirectoryOptions {
  @Option(names = "--out", paramLabel = "DIR", description = "run directory (default runs/<yyyyMMdd-HHmmss>-"
      + "<config name>); must not exist")
  Path out;

  @Option(names = "--overwrite", description = "replace an existing run directory given by --out")
  boolean overwrite;

  @Option(names = "--resume", paramLabel = "DIR", description = "continue the run in DIR from its newest complete "
      + "checkpoint (any master)")
  Path resume;

  @Option(names = "--raw", description = "print the algorithm as found (default: simplified)")
  boolean raw;

  /**
   * Refuses --resume with options that only a fresh run takes: the resumed run keeps its own
   * config.conf and seed. {@code freshGiven} says whether the command's own such options
   * (named in {@code freshOptions}, with --out and --overwrite) were given.
   */
  void rejectWithResume(String command, boolean freshGiven, String freshOptions) {
    if (resume != null && (freshGiven || out != null || overwrite)) {
      throw new UserError(command + ": --resume DIR continues that run with its own config.conf and seed; do not "
          + "combine it with " + freshOptions, 2);
    }
  }
}
