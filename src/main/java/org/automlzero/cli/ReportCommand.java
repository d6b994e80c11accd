package org.automlzero.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.automlzero.runs.RunDirectory;
import org.automlzero.runs.RunDirectoryException;
import org.automlzero.runs.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code report DIR}: (re)writes DIR/report.html from a run directory, finished or not. */
@Command(name = "report", synopsisHeading = "", customSynopsis = "usage: submit.sh report RUN_DIR",
    description = "Writes RUN_DIR/report.html: progress charts, result, algorithm, config (finished or not).",
    footer = {"exit codes: 0 done, 2 bad input (not a run directory)"})
final class ReportCommand implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Parameters(paramLabel = "RUN_DIR", arity = "0..*", description = "the run directory")
  List<Path> dirs = List.of();

  @Override
  public Integer call() {
    if (dirs.size() != 1) {
      throw new UserError("report takes exactly one run directory\n" + Main.usage("report"), 2);
    }
    try {
      Path page = RunReport.write(RunDirectory.open(dirs.get(0)));
      System.out.println("Report written to " + page);
      return 0;
    } catch (RunDirectoryException e) {
      throw new UserError("report: " + e.getMessage(), 2);
    }
  }
}
