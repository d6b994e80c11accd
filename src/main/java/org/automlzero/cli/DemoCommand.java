package org.automlzero.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Command;

/** {@code demo}: {@link SearchCommand} on conf/demo.conf (rediscover linear regression), unless --config says otherwise. */
@Command(name = "demo", synopsisHeading = "",
    customSynopsis = {"usage: submit.sh demo [spark options] [--config FILE] [--seed N] [--set KEY=VALUE]... [--data DIR]",
        SearchCommand.SYNOPSIS_OPTIONS,
        "       submit.sh demo [spark options] --resume DIR [--threads N]"},
    description = "Runs conf/demo.conf on Spark: rediscovers linear regression in seconds.",
    footer = CommonOptions.RUN_EXIT_CODES)
final class DemoCommand extends SearchCommand {
  DemoCommand() {
    config = demoConfig();
  }

  @Override
  String name() {
    return "demo";
  }

  /** conf/demo.conf under the project home (submit.sh sets automlzero.home), else the working directory. */
  private static Path demoConfig() {
    String home = System.getProperty("automlzero.home");
    Path inHome = home == null ? null : Paths.get(home, "conf", "demo.conf");
    return inHome != null && Files.isRegularFile(inHome) ? inHome : Paths.get("conf", "demo.conf");
  }
}
