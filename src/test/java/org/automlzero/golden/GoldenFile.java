package org.automlzero.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Golden files pin behaviour that must not drift (random streams, short runs' histories and best
 * algorithms), byte for byte. They live in src/test/resources/golden and are regenerated only
 * on purpose:
 *
 * <pre>mvn -B test -Dtest='*Golden*' -Dgolden.update=true</pre>
 *
 * then review the diff and say in the commit why the behaviour changed.
 */
public final class GoldenFile {
  /** The command that regenerates every golden file. */
  public static final String REGENERATE = "mvn -B test -Dtest='*Golden*' -Dgolden.update=true";

  private GoldenFile() {}

  /** Compares {@code actual} with the golden file {@code name} (or rewrites it with -Dgolden.update=true). */
  public static void check(String name, String actual) {
    Path file = Paths.get(System.getProperty("project.basedir", "."), "src/test/resources/golden", name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("golden file %s (create it with: %s)", file, REGENERATE).exists();
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int line = 0;
        while (line < Math.min(e.size(), a.size()) && e.get(line).equals(a.get(line))) {
          line++;
        }
        throw new AssertionError("output differs from golden file " + file + " at line " + (line + 1) + ":\n"
            + "  expected: " + (line < e.size() ? e.get(line) : "<end of file>") + "\n"
            + "  actual:   " + (line < a.size() ? a.get(line) : "<end of output>") + "\n"
            + "If the change is on purpose, regenerate with: " + REGENERATE);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
