package org.automlzero.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates docs/config.md from the key definitions in {@link ConfigKeys}, so the documented keys
 * cannot drift from the code ({@code ConfigReferenceTest} fails when the file differs).
 * Regenerate with {@code mvn -B -q compile && java -cp target/classes
 * org.automlzero.core.config.ConfigReference docs/config.md}.
 */
public final class ConfigReference {
  private ConfigReference() {}

  /** The command that rewrites the page, as printed in its header. */
  public static final String REGENERATE =
      "mvn -B -q compile && java -cp target/classes org.automlzero.core.config.ConfigReference docs/config.md";

  /** The whole page: the format, then every key. */
  public static String markdown() {
    return """
        # Configuration

        <!-- Generated from core/config/ConfigKeys.java; do not edit by hand. Regenerate with:
             %s -->

        An experiment config is a text file of `key = value` lines (`conf/demo.conf`,
        `conf/baseline.conf`, `conf/nonlinear.conf` are examples). `#` starts a comment; lists are
        written `[A, B]` and may span lines until the bracket closes; op names may carry the
        original's `_OP` suffix, mutation types `_MUTATION_TYPE`, initial algorithms `_ALGORITHM`.
        `--set key=value` (repeatable) overrides a key after the file is read, `--seed N` sets
        `run.seed`. Keys not given take the defaults below.

        Every value is checked before anything runs: unknown keys (the nearest known key is
        suggested), wrong types, unknown op or enum names and impossible combinations (tournament
        larger than the population, min size above max size, matrix ops with `memory.matrices = 0`,
        FEC examples beyond the task's, task lists of different F, ...) stop the command with one
        message naming the place (file:line or `--set`), the key, the value and the rule, and exit
        code 2, e.g.
        `conf/demo.conf:21: search.tournament_size = 2000: must not exceed search.population_size (1000)`.

        `./submit.sh search-local --keys` prints the same table.

        ## Keys

        """.formatted(REGENERATE) + ConfigKeys.markdownTable();
  }

  /** Writes the page to the given file (default docs/config.md). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/config.md");
    Files.writeString(out, markdown(), StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
  }
}
