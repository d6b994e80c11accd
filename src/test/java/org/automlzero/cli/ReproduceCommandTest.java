package org.automlzero.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.task.ClassPair;
import org.automlzero.runs.RunDirectory;
import org.automlzero.store.TinyTaskDataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reproduce table-s5: the table's arithmetic, the options, and resuming a half-finished reproduction. */
class ReproduceCommandTest {
  @TempDir
  Path tmp;

  @Test
  void theTableIsMeanStandardErrorAndFractionsBeatingEachBaseline() {
    List<TableS5Table.Row> rows = List.of(
        new TableS5Table.Row("Full", 4, 0, 1, 0.9, 0.65, 0.75, 100, 10, 1),
        new TableS5Table.Row("Basic", 1, 0, 1, 0.6, 0.65, 0.75, 100, 10, 1),
        new TableS5Table.Row("Basic", 1, 1, 2, 0.7, 0.65, 0.75, 300, 30, 1),
        new TableS5Table.Row("Basic", 1, 2, 3, 0.8, 0.65, 0.75, 200, 20, 1));
    List<TableS5Table.Line> table = TableS5Table.table(rows);
    assertThat(table).hasSize(2);
    TableS5Table.Line basic = table.get(0);
    assertThat(basic.method()).isEqualTo("Basic");
    assertThat(basic.runs()).isEqualTo(3);
    assertThat(basic.mean()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
    // sample standard deviation 0.1, over sqrt(3)
    assertThat(basic.standardError()).isCloseTo(0.1 / Math.sqrt(3), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(basic.beatLinear()).isEqualTo(2.0 / 3);
    assertThat(basic.beatNeuralNet()).isEqualTo(1.0 / 3);
    assertThat(basic.meanTrainSteps()).isEqualTo(200.0);
    TableS5Table.Line full = table.get(1);
    assertThat(full.method()).isEqualTo("Full");
    assertThat(full.standardError()).isNaN(); // one run: no spread to estimate
    assertThat(full.beatLinear()).isEqualTo(1.0);
    assertThat(full.beatNeuralNet()).isEqualTo(1.0);
    String md = TableS5Table.markdown(table, ReproduceCommand.parse(new String[] {"table-s5", "--data", "d"}));
    assertThat(md).contains("| Basic | 1 | 3 | 0.7000 +- 0.0577 | 0.67 | 0.33 | 0.6500 | 0.7500 | 200 | 20 |")
        .contains("| Full | 4 | 1 | 0.9000 +- n/a | 1.00 | 1.00 |");
  }

  @Test
  void badOptionsAreOneLineWithExitCode2() {
    for (String[] args : List.of(new String[] {"--data", "d"}, new String[] {"table-s2", "--data", "d"},
        new String[] {"table-s5"}, new String[] {"table-s5", "--data", "d", "--runs", "0"},
        new String[] {"table-s5", "--data", "d", "--islands", "1,1"},
        new String[] {"table-s5", "--data", "d", "--datasets", "a,b,c"},
        new String[] {"table-s5", "--data", "d", "--bogus"})) {
      assertThatThrownBy(() -> ReproduceCommand.parse(args)).isInstanceOf(UserError.class)
          .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(2));
    }
    ReproduceCommand.Options o = ReproduceCommand.parse(new String[] {"table-s5", "--data", "d", "--train-steps",
        "1e9", "--islands", "1,4", "--runs", "3", "--datasets", "fashion_mnist"});
    assertThat(o.trainSteps()).isEqualTo(1_000_000_000L);
    assertThat(o.islands()).containsExactly(1, 4);
    assertThat(o.datasets()).containsExactly("fashion_mnist");
  }

  @Test
  void aHalfFinishedReproductionContinuesAndGivesTheSameTable() throws IOException {
    Path data = tmp.resolve("data");
    TinyTaskDataSet.write(data, "fashion_mnist", 4, 60, 20, 10, ClassPair.ALL, 2);
    Path out = tmp.resolve("repro");
    List<String> args = new ArrayList<>(List.of("table-s5", "--in-process", "--data", data.toString(), "--datasets",
        "fashion_mnist", "--train-steps", "150000", "--runs", "2", "--islands", "1,2", "--out", out.toString(),
        "--select-tasks", "5", "--threads", "1"));
    for (String list : List.of("search", "select", "final", "mix")) {
      args.addAll(List.of("--set", list + ".tasks.features=4", "--set", list + ".tasks.train_examples=60", "--set",
          list + ".tasks.valid_examples=20"));
    }
    args.addAll(List.of("--set", "final.tasks.count=3", "--set", "search.population_size=20", "--set",
        "islands.migrants=10", "--set", "islands.migration_interval=50", "--set", "run.progress_every=0"));
    String[] a = args.toArray(String[]::new);
    assertThat(ReproduceCommand.run(a)).isZero();
    String table = Files.readString(out.resolve("table-s5.md"), StandardCharsets.UTF_8);
    assertThat(table).contains("| Basic | 1 | 2 |").contains("| Full | 2 | 2 |");
    assertThat(out.resolve("table-s5.parquet")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("table-s5.html"), StandardCharsets.UTF_8)).contains("echarts.init");
    Path runs = out.resolve("runs");
    assertThat(runs.resolve("full-islands2-seed1").resolve("islands.json")).content().contains("\"tasks\": \"mix\"");

    // Half-finished: one run stopped after its checkpoint (no result.json), one never started, the rest done.
    Path interrupted = runs.resolve("full-islands2-seed2");
    Files.delete(interrupted.resolve("result.json"));
    try (java.util.stream.Stream<Path> walk = Files.walk(runs.resolve("basic-islands2-seed1"))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Path kept = runs.resolve("basic-islands1-seed1").resolve("result.json");
    FileTime before = Files.getLastModifiedTime(kept);
    Files.delete(out.resolve("table-s5.md"));

    assertThat(ReproduceCommand.run(a)).isZero();
    assertThat(Files.getLastModifiedTime(kept)).isEqualTo(before); // a finished run is not rerun
    assertThat(interrupted.resolve("result.json")).exists();
    assertThat(RunDirectory.open(interrupted).runInfo().toString()).contains("reproduce");
    assertThat(Files.readString(out.resolve("table-s5.md"), StandardCharsets.UTF_8)).isEqualTo(table);

    // Other settings into the same directory are refused before anything runs.
    List<String> changed = new ArrayList<>(args);
    changed.set(changed.indexOf("150000"), "160000");
    assertThatThrownBy(() -> ReproduceCommand.run(changed.toArray(String[]::new))).isInstanceOf(UserError.class)
        .hasMessageContaining("holds a run of other settings");
  }
}
