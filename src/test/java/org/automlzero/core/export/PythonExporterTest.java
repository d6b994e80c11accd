package org.automlzero.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmParser;
import org.automlzero.core.algorithm.AlgorithmSizes;
import org.automlzero.core.algorithm.HandCodedAlgorithms;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Kind;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonExporterTest {
  private static final AlgorithmSizes NO_PADDING = new AlgorithmSizes(0, 0, 0);

  @TempDir
  Path dir;

  @Test
  void exportsEachInstructionAsOneCommentedStatement() {
    String module = PythonExporter.export(HandCodedAlgorithms.linear(0.01, NO_PADDING), new MemoryShape(4, 3, 0, 4));
    assertThat(module).contains("F = 4  # features size\n", "NUM_SCALARS = 4\n",
        "def setup(mem):\n    s, v, m, rng = mem.s, mem.v, mem.m, mem.rng\n    s[2] = 0.01  # s2 = 0.01\n",
        "    s[1] = _dot(v[1], v[0])  # s1 = dot(v1, v0)\n",
        "    v[2] = v[0] * s[3]  # v2 = s3 * v0\n",
        "def run(train_x, train_y, valid_x");
    // Entry indices are resolved for the shape's F; floats are written as their exact double value.
    assertThat(PythonExporter.statement(Instruction.withData(Op.VECTOR_CONST_SET, 2, 0.6f, 0.1f, 0f), 4))
        .isEqualTo("v[2][2] = 0.10000000149011612");
    assertThat(PythonExporter.statement(Instruction.NO_OP, 4)).isNull();
    for (Op op : Op.values()) {
      if (op != Op.NO_OP) {
        assertThat(PythonExporter.statement(Instruction.withData(op, 1, 0.5f, 0.75f, 0.25f), 4)).as("%s", op)
            .isNotBlank();
      }
    }
    assertThatThrownBy(() -> PythonExporter.export(HandCodedAlgorithms.linear(0.01, NO_PADDING),
        new MemoryShape(3, 3, 0, 4))).hasMessageContaining("out of range");
  }

  @Test
  void exportedPythonReproducesTheInterpretersPredictionsForEveryOp() throws Exception {
    assumePython();
    List<Case> cases = new ArrayList<>();
    // F = 9: matrices have 81 entries, so the interpreter's four-way dot products (from 64
    // entries, with a tail) run too.
    for (int f : new int[] {4, 9}) {
      MemoryShape shape = new MemoryShape(5, 4, 3, f);
      for (Op op : Op.values()) {
        cases.add(new Case(op.name() + " F=" + f, oneOpAlgorithm(op), shape, task(f, 3, 5, 11 + op.id(), false),
            1000 + op.id()));
      }
    }
    compare(cases);
  }

  @Test
  void exportedPythonReproducesTrainedHandCodedAlgorithms() throws Exception {
    assumePython();
    MemoryShape small = new MemoryShape(4, 3, 0, 4);
    MemoryShape baseline = new MemoryShape(5, 9, 2, 4);
    Algorithm readme = AlgorithmParser.parse("""
        def Setup():
          s2 = 0.01
        def Predict():
          s1 = dot(v0, v1)
        def Learn():
          s3 = s0 - s1
          s4 = s3 * s2
          v2 = v0 * s4
          v1 = v1 + v2
        """);
    compare(List.of(
        new Case("linear", HandCodedAlgorithms.linear(0.01, NO_PADDING), small, task(4, 200, 20, 1, false), 7, true),
        new Case("readme", readme, new MemoryShape(5, 3, 0, 4), task(4, 200, 20, 2, false), 8, true),
        // Gaussian weight init: the module's Rng draws the same numbers as the interpreter's.
        new Case("neural_net", HandCodedAlgorithms.neuralNet(0.01, 0.1, NO_PADDING), baseline,
            task(4, 200, 20, 3, true), 9),
        // Classification: Learn sees sigmoid(s1) in memory; the train errors are |label - sigmoid|.
        new Case("neural_net_classification", HandCodedAlgorithms.neuralNet(0.1, 0.1, NO_PADDING), baseline,
            classificationTask(4, 200, 20, 4), 10)));
  }

  /** Setup fills inputs with uniform draws; Predict runs the op and folds its output and the features into s1. */
  private static Algorithm oneOpAlgorithm(Op op) {
    String setup = """
        def Setup():
          s2 = uniform(0.1, 0.9)
          s3 = uniform(0.1, 0.9)
          v1 = uniform(0.1, 0.9, n_features)
          v2 = uniform(0.1, 0.9, n_features)
          m0 = uniform(0.1, 0.9, (n_features, n_features))
          m1 = uniform(0.1, 0.9, (n_features, n_features))
        """;
    int in1 = address(op.in1(), 2, 1, 0);
    int in2 = address(op.in2(), 3, 2, 1);
    int out = address(op.out(), 1, 3, 2);
    Instruction instruction = switch (op.data()) {
      case NONE -> Instruction.of(op, in1, in2, out);
      case CONSTANT -> Instruction.constant(out, 0.3);
      case VECTOR_ENTRY -> Instruction.withData(op, out, 0.6f, -0.7f, 0f);
      case MATRIX_ENTRY -> Instruction.withData(op, out, 0.3f, 0.8f, 0.45f);
      case UNIFORM -> Instruction.withData(op, out, -0.5f, 0.25f, 0f);
      case GAUSSIAN -> Instruction.withData(op, out, 0.1f, 0.6f, 0f);
    };
    String fold = switch (op.out()) {
      case NONE, SCALAR -> "";
      case VECTOR -> "  s1 = dot(v3, v1)\n";
      case MATRIX -> "  v3 = dot(m2, v1)\n  s1 = dot(v3, v2)\n";
    };
    String text = setup + "def Predict():\n  " + org.automlzero.core.algorithm.AlgorithmPrinter.print(instruction)
        + "\n" + fold + "  s4 = dot(v0, v1)\n  s1 = s1 + s4\ndef Learn():\n";
    return AlgorithmParser.parse(text);
  }

  private static int address(Kind kind, int scalar, int vector, int matrix) {
    return switch (kind) {
      case NONE -> 0;
      case SCALAR -> scalar;
      case VECTOR -> vector;
      case MATRIX -> matrix;
    };
  }

  /** Gaussian features; labels w . x (linear) or w2 . relu(W1 x) (nonlinear), from the seed. */
  /** A classification task: label 1 when the linear label is positive, else 0. */
  private static LearningTask classificationTask(int f, int numTrain, int numValid, long seed) {
    LearningTask regression = task(f, numTrain, numValid, seed, false);
    return new LearningTask(0, EvalType.ACCURACY, f, regression.trainFeatures(), positive(regression.trainLabels()),
        regression.validFeatures(), positive(regression.validLabels()), 1, seed, seed);
  }

  private static double[] positive(double[] labels) {
    double[] classes = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      classes[i] = labels[i] > 0 ? 1.0 : 0.0;
    }
    return classes;
  }

  private static LearningTask task(int f, int numTrain, int numValid, long seed, boolean nonlinear) {
    Rng rng = Rng.derive(seed, "python-export-task");
    double[] w1 = new double[f * f];
    double[] w2 = new double[f];
    for (int i = 0; i < w1.length; i++) {
      w1[i] = rng.gaussian(0, 1);
    }
    for (int i = 0; i < f; i++) {
      w2[i] = rng.gaussian(0, 1);
    }
    double[] trainX = gaussians(rng, numTrain * f);
    double[] validX = gaussians(rng, numValid * f);
    return new LearningTask(0, EvalType.RMS_ERROR, f, trainX, labels(trainX, f, w1, w2, nonlinear), validX,
        labels(validX, f, w1, w2, nonlinear), 1, seed, seed);
  }

  private static double[] gaussians(Rng rng, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.gaussian(0, 1);
    }
    return x;
  }

  private static double[] labels(double[] x, int f, double[] w1, double[] w2, boolean nonlinear) {
    double[] y = new double[x.length / f];
    for (int e = 0; e < y.length; e++) {
      double label = 0;
      for (int i = 0; i < f; i++) {
        double hidden = 0;
        if (nonlinear) {
          for (int j = 0; j < f; j++) {
            hidden += w1[i * f + j] * x[e * f + j];
          }
          hidden = Math.max(hidden, 0);
        } else {
          hidden = x[e * f + i];
        }
        label += w2[i] * hidden;
      }
      y[e] = label;
    }
    return y;
  }

  /** {@code exact}: only +, -, *, / and sums, so Python must give the very same bits. */
  private record Case(String name, Algorithm algorithm, MemoryShape shape, LearningTask task, long rngState,
      boolean exact) {
    Case(String name, Algorithm algorithm, MemoryShape shape, LearningTask task, long rngState) {
      this(name, algorithm, shape, task, rngState, false);
    }
  }

  private void compare(List<Case> cases) throws Exception {
    StringBuilder data = new StringBuilder("[");
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Files.writeString(dir.resolve("case_" + i + ".py"), PythonExporter.export(c.algorithm(), c.shape()));
      LearningTask t = c.task();
      data.append(i == 0 ? "" : ",").append("{\"module\": \"case_").append(i).append("\", \"rng_state\": ")
          .append(c.rngState()).append(", \"classification\": ")
          .append(t.evalType() == EvalType.ACCURACY ? "true" : "false")
          .append(", \"train_x\": ").append(rows(t.trainFeatures(), t.features()))
          .append(", \"train_y\": ").append(array(t.trainLabels())).append(", \"valid_x\": ")
          .append(rows(t.validFeatures(), t.features())).append("}");
    }
    Files.writeString(dir.resolve("cases.json"), data.append("]").toString());
    Files.writeString(dir.resolve("driver.py"), """
        import importlib, json, sys
        sys.path.insert(0, sys.argv[1])
        for case in json.load(open(sys.argv[1] + "/cases.json")):
            module = importlib.import_module(case["module"])
            mem = module.Memory(case["rng_state"])
            module.setup(mem)
            errors = module.train(mem, case["train_x"], case["train_y"], case["classification"],
                                  max_abs_error=1.7976931348623157e308)
            print(" ".join(repr(e) for e in errors))
            print(" ".join(repr(p) for p in module.predictions(mem, case["valid_x"])))
        """);
    List<String> lines = runPython(dir.resolve("driver.py").toString(), dir.toString());
    assertThat(lines).hasSize(2 * cases.size());
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      LearningTask t = c.task();
      double tolerance = c.exact() ? 0.0 : 1e-9;
      assertClose(c.name() + " train error", lines.get(2 * i), validErrors(c, t, 0.0, true), tolerance);
      if (t.evalType() == EvalType.RMS_ERROR) {
        assertClose(c.name() + " validation prediction", lines.get(2 * i + 1), interpreterPredictions(c),
            tolerance);
      }
    }
  }

  private static void assertClose(String what, String pythonLine, double[] expected, double tolerance) {
    String[] fields = pythonLine.trim().split(" ");
    assertThat(fields).as("%s: python printed %s", what, pythonLine).hasSize(expected.length);
    for (int k = 0; k < expected.length; k++) {
      double python = parsePython(fields[k]);
      assertThat(python).as("%s %d", what, k)
          .isCloseTo(expected[k], org.assertj.core.data.Offset.offset(tolerance * Math.max(1, Math.abs(expected[k]))));
    }
  }

  /**
   * The interpreter's validation predictions after one training pass, exactly. It reports
   * |label - p| only, so it runs with validation labels 0 (giving |p|) and 1 (for the sign).
   */
  private static double[] interpreterPredictions(Case c) {
    LearningTask t = c.task();
    double[] atZero = validErrors(c, t, 0.0, false);
    double[] atOne = validErrors(c, t, 1.0, false);
    double[] p = new double[atZero.length];
    for (int i = 0; i < p.length; i++) {
      double plus = atZero[i];
      double minus = -atZero[i];
      p[i] = Math.abs(Math.abs(1 - plus) - atOne[i]) <= Math.abs(Math.abs(1 - minus) - atOne[i]) ? plus : minus;
    }
    return p;
  }

  /** The interpreter's |error| per validation example (labels all {@code label}), or per train step. */
  private static double[] validErrors(Case c, LearningTask t, double label, boolean train) {
    double[] labels = new double[t.numValid()];
    java.util.Arrays.fill(labels, label);
    LearningTask shifted = new LearningTask(0, t.evalType(), t.features(), t.trainFeatures(), t.trainLabels(),
        t.validFeatures(), labels, 1, t.dataSeed(), t.paramSeed());
    Interpreter interpreter = new Interpreter(c.shape(), Double.MAX_VALUE);
    double[] trainErrors = new double[t.numTrain()];
    double[] validErrors = new double[t.numValid()];
    int trained = interpreter.fingerprint(CompiledAlgorithm.compile(c.algorithm(), c.shape()), shifted,
        t.numTrain(), t.numValid(), new Rng(c.rngState()), trainErrors, validErrors);
    assertThat(trained).as("%s trains on every example", c.name()).isEqualTo(t.numTrain());
    assertThat(interpreter.lastValidErrorCount()).as("%s validates every example", c.name()).isEqualTo(t.numValid());
    return train ? trainErrors : validErrors;
  }

  private static double parsePython(String text) {
    return switch (text) {
      case "nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private static String rows(double[] flat, int f) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < flat.length / f; i++) {
      s.append(i == 0 ? "" : ",").append(array(java.util.Arrays.copyOfRange(flat, i * f, i * f + f)));
    }
    return s.append("]").toString();
  }

  private static String array(double[] values) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ",").append(Double.toString(values[i]));
    }
    return s.append("]").toString();
  }

  private static void assumePython() throws Exception {
    List<String> out;
    try {
      out = runPython("-c", "import numpy; print('numpy', numpy.__version__)");
    } catch (IOException | AssertionError e) {
      out = List.of();
    }
    assumeThat(out).as("python3 with numpy is needed to run the exported module (Debian: apt-get install "
        + "python3-numpy); skipping").anySatisfy(line -> assertThat(line).startsWith("numpy"));
  }

  private static List<String> runPython(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("python3 finished").isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("python3 exit code; output:\n%s", text).isZero();
    return text.lines().toList();
  }
}
