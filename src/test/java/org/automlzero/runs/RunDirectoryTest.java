package org.automlzero.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.automlzero.core.algorithm.AlgorithmJson;
import org.automlzero.core.algorithm.AlgorithmParser;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.runs.report.ReportData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short in-process search through the real command line ({@code search-local}) writes the
 * whole run directory; resuming a copy from one of its checkpoints (or after the newest
 * checkpoint was torn) gives the identical result and statistics.
 */
class RunDirectoryTest {
  @TempDir
  static Path tmp;
  static Path whole;
  static CliRun wholeRun;

  @BeforeAll
  static void runOnce() {
    whole = tmp.resolve("whole");
    wholeRun = CliRun.smallDemo("--out", whole.toString());
    assertThat(wholeRun.exitCode()).as(wholeRun.err()).isZero();
  }

  @Test
  void theRunDirectoryHoldsConfigStatisticsExperimentsAlgorithmResultAndReport() throws IOException {
    RunDirectory dir = RunDirectory.open(whole);
    ExperimentConfig used = ConfigLoader.load(dir.config(), List.of());
    assertThat(used.run().seed()).isEqualTo(42);
    assertThat(used.run().search().islands().population()).isEqualTo(50);
    assertThat(dir.runInfo().path("seed").asLong()).isEqualTo(42);
    assertThat(dir.runInfo().path("command").asText()).isEqualTo("search-local");

    List<StatsRow> rows = StatsParquet.readAll(whole);
    assertThat(rows).extracting(StatsRow::experiment).containsOnly(0, 1);
    assertThat(rows).filteredOn(r -> r.generation() == 0).extracting(StatsRow::individuals).containsOnly(50L);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.bestFitness()).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(r.meanFitness());
      assertThat(r.elapsedSeconds()).isGreaterThanOrEqualTo(0.0);
    });
    // A row at 50 individuals (generation 0), then at 100, 200, ..., 1500 (generations 50, 150, ..., 1450).
    assertThat(rows.stream().filter(r -> r.experiment() == 0)).hasSize(16);
    assertThat(rows.stream().mapToLong(StatsRow::fecHits).sum()).isPositive();

    JsonNode result = RunDirectory.readJson(dir.resultJson());
    assertThat(result.path("experiments").asInt()).isEqualTo(2);
    assertThat(result.path("individuals").asLong()).isEqualTo(3000);
    assertThat(wholeRun.out()).contains(String.format(java.util.Locale.ROOT, "Final evaluation fitness (on unseen data) = %.6f",
        result.path("final_fitness").asDouble()));
    JsonNode experiments = RunDirectory.readJson(dir.experimentsJson()).path("experiments");
    assertThat(experiments).hasSize(2);
    assertThat(experiments.get(1).path("experiment").asInt()).isEqualTo(2);
    assertThat(experiments.get(0).path("select_fitness").asDouble()).isBetween(0.0, 1.0);

    String json = Files.readString(dir.algorithmJson());
    assertThat(AlgorithmJson.read(json)).isEqualTo(AlgorithmJson.fromJsonNode(result.path("algorithm")));
    assertThat(AlgorithmParser.parse(Files.readString(dir.algorithmRawText()))).isEqualTo(AlgorithmJson.read(json));
    assertThat(Files.readString(dir.algorithmText())).startsWith("def Setup():");
    // algorithm.txt is the simplified algorithm after the verified pass, which result.json describes: its
    // fitness before is the run's final fitness, recomputed in-process on the same tasks and seeds.
    JsonNode pass = result.path("verified_pass");
    assertThat(pass.path("tolerance").asDouble()).isEqualTo(1e-9);
    assertThat(pass.path("final_fitness_before").asDouble()).isEqualTo(result.path("final_fitness").asDouble());
    assertThat(Math.abs(pass.path("final_fitness_after").asDouble() - pass.path("final_fitness_before").asDouble()))
        .isLessThanOrEqualTo(1e-9);
    assertThat(pass.path("removed").isArray()).isTrue();
    assertThat(AlgorithmParser.parse(Files.readString(dir.algorithmText())).size())
        .isLessThanOrEqualTo(org.automlzero.core.simplify.Simplifier.simplify(AlgorithmJson.read(json)).size());
    assertThat(wholeRun.out()).contains("Simplifier's verified pass (fitness within 1e-09, absolute): ");

    assertThat(new CheckpointStore(whole, 3).sequences()).hasSize(3);
    ReportData data = RunReport.data(dir);
    assertThat(data.result()).isPresent();
    assertThat(data.experiments()).hasSize(2);
    assertThat(data.generations()).hasSize(rows.size());
    String page = Files.readString(dir.report());
    assertThat(page).contains("<h1>AutoML-Zero run: whole</h1>", "chart-fitness-individuals", "def Predict():",
        "run.seed = 42");
    try (Stream<Path> files = Files.walk(whole)) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void theReportOfTheRunRendersInChromium() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium), "no Chromium at " + chromium);
    Path shot = tmp.resolve("report.png");
    Path log = tmp.resolve("chromium.log");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + tmp.resolve("profile"), "--screenshot=" + shot, "--window-size=1200,1600",
        "--virtual-time-budget=5000", whole.resolve("report.html").toUri().toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
    int blue = 0; // island 0's line colour, #1f77b4: only the charts use it
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (Math.abs(((rgb >> 16) & 0xff) - 0x1f) < 24 && Math.abs(((rgb >> 8) & 0xff) - 0x77) < 24
            && Math.abs((rgb & 0xff) - 0xb4) < 24) {
          blue++;
        }
      }
    }
    assertThat(blue).as("pixels of the charts' island-0 lines").isGreaterThan(600);
  }

  @Test
  void resumingFromAMidExperimentCheckpointGivesTheIdenticalRun() throws IOException {
    Path copy = interruptedCopy("mid", 5);
    Checkpoint from = new CheckpointStore(copy, 3).latest(s -> { });
    assertThat(from.state().loop()).as("checkpoint 5 is inside experiment 1").isNotNull();
    assertThat(from.state().loop().generation()).isEqualTo(1000);

    CliRun report = CliRun.run("report", copy.toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(Files.readString(copy.resolve("report.html"))).contains("The run has not finished");
    Files.delete(copy.resolve("report.html"));

    CliRun resumed = CliRun.run("search-local", "--resume", copy.toString(), "--threads", "1");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Resuming " + copy + " from checkpoint 5");
    assertSameRun(copy);
  }

  @Test
  void aTornNewestCheckpointFallsBackToTheOneBeforeWithAMessage() throws IOException {
    Path copy = interruptedCopy("torn", 9);
    CheckpointStore store = new CheckpointStore(copy, 3);
    Path newest = store.file(9);
    String text = Files.readString(newest);
    Files.writeString(newest, text.substring(0, text.length() / 2));

    CliRun resumed = CliRun.run("search-local", "--resume", copy.toString());

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("checkpoint " + newest + " is unusable: not complete JSON",
        "falling back to the previous checkpoint", "resuming from the older checkpoint checkpoint-000008.json");
    assertSameRun(copy);
  }

  /** A copy of the whole run as it was right after checkpoint {@code sequence}. */
  private static Path interruptedCopy(String name, long sequence) throws IOException {
    // Re-run to the same point: a fresh run of the same config keeps every checkpoint (keep = 100).
    Path full = tmp.resolve(name + "-source");
    CliRun r = CliRun.smallDemo("--out", full.toString(), "--set", "checkpoint.keep=100");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Checkpoint c = new CheckpointStore(full, 100).latest(s -> { });
    assertThat(c.sequence()).isGreaterThan(sequence);
    Path copy = tmp.resolve(name);
    Files.createDirectories(copy.resolve("checkpoints"));
    Files.createDirectories(copy.resolve("stats"));
    Files.copy(full.resolve("config.conf"), copy.resolve("config.conf"));
    Files.copy(full.resolve("run.json"), copy.resolve("run.json"));
    CheckpointStore source = new CheckpointStore(full, 100);
    for (long s = Math.max(1, sequence - 2); s <= sequence; s++) {
      Files.copy(source.file(s), new CheckpointStore(copy, 3).file(s));
    }
    Checkpoint at = CheckpointCodec.read(Files.readString(source.file(sequence)));
    for (int p = 0; p < at.statsParts() + 1; p++) { // one part too many: written after the checkpoint
      Files.copy(StatsParquet.part(full, p), StatsParquet.part(copy, p), StandardCopyOption.REPLACE_EXISTING);
    }
    if (at.state().experiments().size() > 0) {
      Files.copy(full.resolve("experiments.json"), copy.resolve("experiments.json"));
    }
    return copy;
  }

  private static void assertSameRun(Path resumed) throws IOException {
    JsonNode a = RunDirectory.readJson(whole.resolve("result.json"));
    JsonNode b = RunDirectory.readJson(resumed.resolve("result.json"));
    for (String field : List.of("search_fitness", "select_fitness", "final_fitness", "experiments", "individuals",
        "train_steps", "fec_hits", "fec_misses", "algorithm")) {
      assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
    }
    assertThat(Files.readString(resumed.resolve("algorithm.json"))).isEqualTo(
        Files.readString(whole.resolve("algorithm.json")));
    assertThat(Files.readString(resumed.resolve("experiments.json"))).isEqualTo(
        Files.readString(whole.resolve("experiments.json")));
    assertThat(searchColumns(StatsParquet.readAll(resumed))).isEqualTo(searchColumns(StatsParquet.readAll(whole)));
  }

  /** The statistics without the wall-clock columns. */
  private static List<String> searchColumns(List<StatsRow> rows) {
    return rows.stream().map(r -> r.experiment() + " " + r.generation() + " " + r.island() + " " + r.individuals()
        + " " + r.bestFitness() + " " + r.meanFitness() + " " + r.stdevFitness() + " " + r.fecHits() + " "
        + r.fecMisses()).toList();
  }
}
