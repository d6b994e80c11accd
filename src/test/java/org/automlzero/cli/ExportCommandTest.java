package org.automlzero.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.automlzero.core.algorithm.AlgorithmJson;
import org.automlzero.core.algorithm.AlgorithmParser;
import org.automlzero.runs.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export}: the real command line writes each format, and refuses bad input with exit code 2. */
class ExportCommandTest {
  private static final String LINEAR = """
      def Setup():
        s2 = 0.01
      def Predict():
        s1 = dot(v0, v1)
      def Learn():
        s3 = s0 - s1
        s3 = s3 * s2
        v2 = s3 * v0
        v1 = v1 + v2
      """;

  @Test
  void textAndJsonRoundTrip(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("linear.txt"), LINEAR);
    CliRun text = CliRun.run("export", "--algorithm", file.toString(), "--to", "text");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(AlgorithmParser.parse(text.out())).isEqualTo(AlgorithmParser.parse(LINEAR));

    Path json = dir.resolve("linear.json");
    CliRun toJson = CliRun.run("export", "--algorithm", file.toString(), "--to", "json", "--out", json.toString());
    assertThat(toJson.exitCode()).as(toJson.err()).isZero();
    assertThat(AlgorithmJson.read(Files.readString(json))).isEqualTo(AlgorithmParser.parse(LINEAR));
  }

  @Test
  void pythonModuleRunsWithNumpyAndLearns(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("linear.txt"), LINEAR);
    Path module = dir.resolve("linear_model.py");
    CliRun r = CliRun.run("export", "--algorithm", file.toString(), "--to", "python", "--features", "4",
        "--out", module.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String source = Files.readString(module);
    assertThat(source).contains("def setup(mem)", "def predict(mem)", "def learn(mem)", "F = 4");
    assumePythonWithNumpy();
    // y = x . (1, 2, 3, 4): after a few passes the learned weights predict a new point well.
    String script = """
        import sys, numpy as np
        sys.path.insert(0, %s)
        import linear_model as m
        rng = np.random.default_rng(0)
        w = np.array([1.0, 2.0, 3.0, 4.0])
        x = rng.normal(size=(2000, 4))
        p = m.run(x, x @ w, np.array([[0.5, -1.0, 0.25, 2.0]]))
        print("prediction", float(np.asarray(p).ravel()[0]))
        """.formatted(pythonString(dir.toString()));
    List<String> out = python("-c", script);
    double prediction = Double.parseDouble(out.get(out.size() - 1).split(" ")[1]);
    assertThat(prediction).isCloseTo(0.5 - 2.0 + 0.75 + 8.0, org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void takesTheShapeFromAConfigNextToTheAlgorithm(@TempDir Path dir) throws IOException {
    Files.copy(CliRun.demoConfig(), dir.resolve("config.conf"));
    Path file = Files.writeString(dir.resolve("algorithm.txt"), LINEAR);
    CliRun r = CliRun.run("export", "--algorithm", file.toString(), "--to", "numpy");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("F = 4", "NUM_SCALARS = 4", "NUM_VECTORS = 3", "NUM_MATRICES = 1");
  }

  @Test
  void badInputIsOneMessageAndExitCode2(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("linear.txt"), LINEAR);
    CliRun format = CliRun.run("export", "--algorithm", file.toString(), "--to", "rust");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("--to is 'rust', but must be python, numpy, json or text");

    CliRun noF = CliRun.run("export", "--algorithm", file.toString(), "--to", "python");
    assertThat(noF.exitCode()).isEqualTo(2);
    assertThat(noF.err()).contains("give --config CONF or --features F");

    CliRun missing = CliRun.run("export", "--algorithm", dir.resolve("nope.txt").toString(), "--to", "text");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.txt does not exist");

    Path out = dir.resolve("out.py");
    CliRun bad = CliRun.run("export", "--algorithm", Files.writeString(dir.resolve("bad.txt"), "def Setup():\n  s1 = x\n")
        .toString(), "--to", "python", "--features", "4", "--out", out.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("bad.txt");
    assertThat(out).doesNotExist();

    CliRun help = CliRun.run("export", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("usage: submit.sh export");
  }

  private static String pythonString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static void assumePythonWithNumpy() {
    List<String> out;
    try {
      out = python("-c", "import numpy; print('numpy', numpy.__version__)");
    } catch (Exception | AssertionError e) {
      out = List.of();
    }
    assumeThat(out).as("python3 with numpy is needed (Debian: python3-numpy); skipping")
        .anySatisfy(line -> assertThat(line).startsWith("numpy"));
  }

  private static List<String> python(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("python3"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("python3 exit code; output:\n%s", text).isZero();
    return text.lines().toList();
  }
}
