package org.automlzero.cli;

import java.nio.file.Path;
import org.automlzero.runs.RunDirectory;
import org.automlzero.runs.RunDirectoryException;
import org.automlzero.runs.RunReport;

/** {@code report DIR}: (re)writes DIR/report.html from a run directory, finished or not. */
final class ReportCommand {
  private ReportCommand() {}

  static String usage() {
    return "usage: submit.sh report RUN_DIR   (writes RUN_DIR/report.html: progress charts, result, algorithm, config)";
  }

  static int run(String[] args) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(usage());
      return 0;
    }
    if (args.length != 1 || args[0].startsWith("-")) {
      throw new UserError("report takes exactly one run directory\n" + usage(), 2);
    }
    try {
      Path page = RunReport.write(RunDirectory.open(Path.of(args[0])));
      System.out.println("Report written to " + page);
      return 0;
    } catch (RunDirectoryException e) {
      throw new UserError("report: " + e.getMessage(), 2);
    }
  }
}
