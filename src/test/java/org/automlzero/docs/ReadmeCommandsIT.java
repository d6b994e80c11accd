package org.automlzero.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs, as written, every command that README.md, CONTRIBUTING.md or docs/ marks as cheap
 * ({@link MarkedCommands}): each with {@code bash -c} from the project root, against the packaged
 * jar, and each must exit 0. A failure names the page, line and command and shows its output.
 */
class ReadmeCommandsIT {
  private static final Path PROJECT = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  @Test
  void everyMarkedCommandRunsAsWrittenAndExitsZero() throws Exception {
    List<MarkedCommands.Command> commands = new ArrayList<>();
    for (Path page : MarkedCommands.pages(PROJECT)) {
      commands.addAll(MarkedCommands.of(page));
    }
    assertThat(commands).as("commands marked " + MarkedCommands.MARKER).isNotEmpty();
    for (MarkedCommands.Command command : commands) {
      run(command);
    }
  }

  private void run(MarkedCommands.Command command) throws Exception {
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command.text()).directory(PROJECT.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail(PROJECT.relativize(command.page().toAbsolutePath()) + ":" + command.line() + ": `" + command.text()
          + "` did not finish in " + TIMEOUT_SECONDS + " s" + output(out, err));
    }
    if (p.exitValue() != 0) {
      fail(PROJECT.relativize(command.page().toAbsolutePath()) + ":" + command.line() + ": `" + command.text()
          + "` exited " + p.exitValue() + output(out, err));
    }
  }

  private static String output(Path out, Path err) throws Exception {
    return "\n--- stdout (end) ---\n" + tail(Files.readString(out, StandardCharsets.UTF_8))
        + "\n--- stderr (end) ---\n" + tail(Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
  }
}
