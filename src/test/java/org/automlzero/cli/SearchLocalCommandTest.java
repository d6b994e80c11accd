package org.automlzero.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The real command line: Main.run("search-local", ...). */
class SearchLocalCommandTest {
  private static final String DEMO =
      Path.of(System.getProperty("project.basedir", "."), "conf", "demo.conf").toString();

  private record Run(int code, String out, String err) {}

  private static Run main(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void runsAConfigAndPrintsTheResult(@org.junit.jupiter.api.io.TempDir Path out) {
    Run r = main("search-local", "--config", DEMO, "--out", out.resolve("run").toString(), "--seed", "9", "--threads", "2", "--set",
        "search.population_size=20", "--set", "search.max_individuals=200", "--set", "run.max_experiments=1",
        "--set", "select.tasks.count=2", "--set", "final.tasks.count=2", "--set", "run.progress_every=100");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Random seed = 9", "Experiment 1: evolving on 10 T_search tasks...",
        "experiment 1: 100/200 individuals (50%), ", "Select fitness = ", "Final evaluation fitness (on unseen data) = ",
        "Experiments = 1, individuals = 200,", "def Setup():", "def Predict():", "def Learn():");
  }

  @Test
  void aBadConfigValueIsOneMessageAndExitCode2() {
    Run r = main("search-local", "--config", DEMO, "--set", "search.tournament_size=5000");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().trim()).isEqualTo("error: --set search.tournament_size: search.tournament_size = 5000: "
        + "must not exceed search.population_size (1000)");
  }

  @Test
  void aMissingConfigFile() {
    Run r = main("search-local", "--config", "no/such.conf");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().trim()).isEqualTo("error: config file no/such.conf does not exist");
  }

  @Test
  void severalSeedsGetOneRunDirectoryEach(@org.junit.jupiter.api.io.TempDir Path out) {
    Run r = main("search-local", "--config", DEMO, "--out", out.resolve("run").toString(), "--seeds", "3,4",
        "--threads", "1", "--set", "search.population_size=20", "--set", "search.max_individuals=100", "--set",
        "run.max_experiments=1", "--set", "select.tasks.count=1", "--set", "final.tasks.count=1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Random seed = 3", "Random seed = 4");
    assertThat(out.resolve("run-seed3").resolve("result.json")).exists();
    assertThat(out.resolve("run-seed4").resolve("result.json")).exists();
  }

  @Test
  void printsTheKeyTable() {
    Run r = main("search-local", "--keys");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("| key | type | default | meaning |").contains("| `islands.topology` |");
  }
}
