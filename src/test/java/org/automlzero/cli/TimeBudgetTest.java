package org.automlzero.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run.max_seconds: the run stops at a generation boundary like on SIGTERM, then finishes with its
 * best so far and records where it stopped; the same config with search.max_individuals (and
 * run.max_experiments) set to that point replays it exactly. Nothing here depends on how fast the
 * machine is: wherever the clock stops the run, the replay must equal it.
 */
class TimeBudgetTest {
  private static final String DEMO =
      Path.of(System.getProperty("project.basedir", "."), "conf", "demo.conf").toString();

  private static int main(List<String> args, ByteArrayOutputStream out) {
    PrintStream oldOut = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      return Main.run(args.toArray(String[]::new));
    } finally {
      System.setOut(oldOut);
    }
  }

  private static List<String> args(Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("search-local", "--config", DEMO, "--out", out.toString(), "--seed", "4",
        "--threads", "2", "--set", "search.population_size=50", "--set", "search.tournament_size=10", "--set",
        "select.tasks.count=2", "--set", "final.tasks.count=2", "--set", "run.progress_every=0", "--set",
        "run.sufficient_fitness=0"));
    a.addAll(List.of(extra));
    return a;
  }

  @Test
  void aTimeBoundedRunRecordsWhereItStoppedAndReplaysExactlyFromThatCount(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = main(args(dir.resolve("timed"), "--set", "search.max_individuals=1000000000", "--set",
        "run.max_experiments=1", "--set", "run.max_seconds=1.5"), out);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    assertThat(text).contains("run.max_seconds = 1.5 reached: experiment 1 stopped at ");
    JsonNode timed = new ObjectMapper().readTree(Files.readString(dir.resolve("timed/result.json")));
    assertThat(timed.get("stopped_by").asText()).isEqualTo("run.max_seconds");
    long n = timed.get("stopped_at_individuals").asLong();
    int e = timed.get("stopped_experiment").asInt();
    assertThat(n).isGreaterThanOrEqualTo(50).isLessThan(1000000000L);
    assertThat(timed.get("individuals").asLong()).isEqualTo(n);

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    assertThat(main(args(dir.resolve("replay"), "--set", "search.max_individuals=" + n, "--set",
        "run.max_experiments=" + e), again)).isZero();
    JsonNode replay = new ObjectMapper().readTree(Files.readString(dir.resolve("replay/result.json")));
    assertThat(replay.has("stopped_by")).isFalse();
    for (String field : List.of("search_fitness", "select_fitness", "final_fitness", "individuals", "train_steps",
        "fec_hits", "fec_misses", "algorithm")) {
      assertThat(replay.get(field)).as(field).isEqualTo(timed.get(field));
    }
    assertThat(Files.readString(dir.resolve("replay/algorithm.txt")))
        .isEqualTo(Files.readString(dir.resolve("timed/algorithm.txt")));
  }
}
