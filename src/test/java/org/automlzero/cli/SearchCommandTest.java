package org.automlzero.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to search/demo fails with one clear message and a non-zero exit, before Spark starts. */
class SearchCommandTest {
  private static final Path SMALL = Paths.get(System.getProperty("project.basedir", "."),
      "src/test/resources/spark/small-search.conf");

  private record Outcome(int code, String err) {}

  private static Outcome run(String... args) {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(args);
      return new Outcome(code, err.toString(StandardCharsets.UTF_8).trim());
    } finally {
      System.setErr(saved);
    }
  }

  @Test
  void optionErrorsAreUsageErrors() {
    Outcome missing = run("search");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("error: search needs --config FILE\nusage: submit.sh search");

    Outcome unknown = run("search", "--config", SMALL.toString(), "--frobnicate");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("error: search: unknown option '--frobnicate'\nusage: submit.sh search");

    Outcome shards = run("search", "--config", SMALL.toString(), "--shards", "-3");
    assertThat(shards.code()).isEqualTo(2);
    assertThat(shards.err()).isEqualTo("error: --shards is '-3', but must be an integer >= 0");
  }

  @Test
  void aMissingOrBadConfigIsNamed(@TempDir Path dir) throws Exception {
    Outcome missing = run("search", "--config", dir.resolve("nope.conf").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("error: config file " + dir.resolve("nope.conf") + " does not exist");

    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, Files.readString(SMALL).replace("search.population_size = 100",
        "search.population_size = lots"));
    Outcome badValue = run("search", "--config", bad.toString());
    assertThat(badValue.code()).isEqualTo(2);
    assertThat(badValue.err()).startsWith("error: ").contains("search.population_size").contains("lots");
  }

  @Test
  void aMissingDataSetIsNamedBeforeSparkStarts(@TempDir Path dir) throws Exception {
    Path conf = dir.resolve("projected.conf");
    Files.writeString(conf, Files.readString(SMALL) + """
        search.tasks.type = PROJECTED_BINARY_CLASSIFICATION
        search.tasks.dataset = fashion_mnist
        search.tasks.pairs = [(4,6)]
        search.tasks.max_data_seed = 2
        """);
    Outcome outcome = run("search", "--config", conf.toString(), "--data", dir.resolve("no-data").toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo("error: data set " + dir.resolve("no-data")
        + " does not exist (prepare it with ./submit.sh prepare, see data-prep/README.md)");
  }

  @Test
  void demoResumeKeepsTheRunsOwnConfigInsteadOfAddingTheDemoLayout(@TempDir Path dir) {
    // The demo's batch layout (islands.count=4, ...) is for fresh runs only: resuming checks the
    // run directory, not whether the layout would change its config.
    Outcome outcome = run("demo", "--resume", dir.toString());
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).startsWith("error: --resume: ").contains("config.conf").doesNotContain("islands.count");
  }

  @Test
  void anUnknownMasterIsNamed() {
    String saved = System.getProperty("spark.master");
    System.setProperty("spark.master", "sprak://host:7077");
    try {
      Outcome outcome = run("search", "--config", SMALL.toString());
      assertThat(outcome.code()).isEqualTo(2);
      assertThat(outcome.err()).isEqualTo("error: --master 'sprak://host:7077' is not a Spark master URL: use "
          + "local[*], local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT");
    } finally {
      if (saved == null) {
        System.clearProperty("spark.master");
      } else {
        System.setProperty("spark.master", saved);
      }
    }
  }
}
