package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.automlzero.cli.Main;
import org.automlzero.core.task.ClassPair;
import org.automlzero.runs.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.automlzero.store.TinyTaskDataSet;

/**
 * Bad data that only an executor can see (an old manifest without file checksums, a damaged
 * page) ends the search with one clear last line, exit 1, and run.json marks the run failed.
 */
class ExecutorErrorTest {
  @TempDir
  Path dir;

  @Test
  void aDamagedPageFoundOnAnExecutorIsOneLineAndMarksTheRunFailed() throws Exception {
    SharedSpark.session();
    Path data = dir.resolve("data");
    TinyTaskDataSet.write(data, "fashion_mnist", 4, 200, 50, 10, List.of(new ClassPair(4, 6)), 3);
    Path file;
    try (Stream<Path> s = Files.walk(data)) {
      file = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
      bytes[i] = (byte) ~bytes[i];
    }
    Files.write(file, bytes);
    Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    Path conf = dir.resolve("projected.conf");
    StringBuilder text = new StringBuilder("""
        memory.scalars = 4
        memory.vectors = 3
        memory.matrices = 1
        search.predict.ops = [SCALAR_SUM, VECTOR_INNER_PRODUCT]
        search.population_size = 20
        search.tournament_size = 5
        search.max_individuals = 100
        search.fec.enabled = false
        """);
    for (String list : List.of("search", "select", "final")) {
      text.append(list).append(".tasks.type = PROJECTED_BINARY_CLASSIFICATION\n").append(list)
          .append(".tasks.dataset = fashion_mnist\n").append(list).append(".tasks.features = 4\n").append(list)
          .append(".tasks.pairs = [(4,6)]\n").append(list).append(".tasks.max_data_seed = 3\n").append(list)
          .append(".tasks.count = 2\n").append(list).append(".tasks.train_examples = 200\n").append(list)
          .append(".tasks.valid_examples = 50\n");
    }
    Files.writeString(conf, text);
    Path out = dir.resolve("run");

    PrintStream savedErr = System.err;
    PrintStream savedOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      code = Main.run(new String[] {"search", "--config", conf.toString(), "--data", data.toString(), "--out",
          out.toString()});
    } finally {
      System.setErr(savedErr);
      System.setOut(savedOut);
    }
    String stderr = err.toString(StandardCharsets.UTF_8);
    List<String> lines = stderr.lines().filter(l -> l.startsWith("error")).toList();
    assertThat(code).as(stderr).isEqualTo(1);
    assertThat(lines).as(stderr).hasSize(1);
    assertThat(lines.get(0)).startsWith("error: file ").contains(file.getFileName().toString(),
        "cannot be read: it is damaged or truncated", "run.json marks the run failed");
    assertThat(stderr).doesNotContain("\tat ");
    JsonNode info = RunDirectory.open(out).runInfo();
    assertThat(info.path("status").asText()).isEqualTo("failed");
    assertThat(info.path("failure").asText()).contains(file.getFileName().toString());
    assertThat(out.resolve("run.lock")).doesNotExist();
  }
}
