package org.automlzero.core.simplify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmParser;
import org.automlzero.core.algorithm.AlgorithmPrinter;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;
import org.junit.jupiter.api.Test;

/** Each rule of the simplifier on a tiny case, with the fitness checked bit for bit. */
class ConstantFoldingTest {
  private static final MemoryShape SHAPE = new MemoryShape(7, 5, 2, 4);
  private static final String LEARN_LINEAR = """
      def Learn():
        s3 = s0 - s1
        s3 = s2 * s3
        v2 = s3 * v0
        v1 = v1 + v2
      """;
  private static final String PREDICT = """
      def Predict():
        s1 = dot(v1, v0)
      """;

  private static String simplified(String text) {
    Algorithm algorithm = AlgorithmParser.parse(text, SHAPE);
    Algorithm result = Simplifier.simplify(algorithm);
    assertSameFitness(algorithm, result);
    return AlgorithmPrinter.print(result);
  }

  private static String linear(String setup) {
    return "def Setup():\n" + setup + PREDICT + LEARN_LINEAR;
  }

  private static final String LINEAR_0_01 = """
      def Setup():
        s2 = 0.01
      def Predict():
        s1 = dot(v1, v0)
      def Learn():
        s3 = s0 - s1
        s3 = s2 * s3
        v2 = s3 * v0
        v1 = v1 + v2
      """;

  @Test
  void setupOperandsAreZeroSoWritesOfZeroVanish() {
    // v0, s0 and all memory are zero in Setup: every write below stores the zero already there.
    assertThat(simplified(linear("""
          v1 = v0 + v1
          s1 = dot(v0, v1)
          v2 = s1 * v1
          v2 = v2 + v0
          s4 = s0 - s5
          s2 = 0.01
        """))).isEqualTo(LINEAR_0_01);
  }

  @Test
  void knownScalarsBecomeConstantsAndTheirInputsDie() {
    assertThat(simplified(linear("""
          s4 = 0.25
          s5 = 0.04
          s2 = s4 * s5
          s5 = 0.5
        """))).isEqualTo(LINEAR_0_01);
    // In a loop function too: s4 and s5 are set just before they are multiplied.
    assertThat(simplified("""
        def Setup():
        def Predict():
          s1 = dot(v1, v0)
        def Learn():
          s4 = 0.1
          s5 = 0.1
          s2 = s4 * s5
          s3 = s0 - s1
          s3 = s2 * s3
          v2 = s3 * v0
          v1 = v1 + v2
        """)).contains("s2 = 0.010000000000000002").doesNotContain("s4", "s5");
  }

  @Test
  void identityOperationsAreForwardedCopies() {
    // s5 = s3 * 1, v3 = v2 - 0 (v2 - v4, v4 is never written), v3 = 1 * v3 are copies; their reads use the original address.
    String text = """
        def Setup():
          s2 = 0.01
          s4 = 1.0
        def Predict():
          s1 = dot(v1, v0)
        def Learn():
          s3 = s0 - s1
          s5 = s3 * s4
          s3 = s2 * s5
          v2 = s3 * v0
          v3 = v2 - v4
          v3 = s4 * v3
          v1 = v1 + v3
        """;
    assertThat(simplified(text)).isEqualTo(LINEAR_0_01);
  }

  @Test
  void xPlusZeroIsACopyOnlyWhenTheSignOfZeroCannotMatter() {
    String plusZero = """
        def Setup():
          s2 = 0.01
        def Predict():
          s3 = s1 + s4
          s1 = dot(v1, v0)
          s1 = s1 + s4
        def Learn():
          s3 = s0 - s1
          s3 = s2 * s3
          v2 = s3 * v0
          v1 = v1 + v2
        """;
    assertThat(simplified(plusZero)).isEqualTo(LINEAR_0_01);
    // With a division in the algorithm, -0 + 0 = +0 could be seen (1 / -0 = -inf): kept.
    String withDivision = plusZero.replace("  s3 = s2 * s3\n", "  s3 = s3 / s5\n").replace("s2 = 0.01", "s5 = 100.0");
    assertThat(simplified(withDivision)).contains("s1 = s1 + s");
  }

  @Test
  void xMinusXAndXTimesZeroFoldOnlyWhenXIsProvablyFinite() {
    // s1 - s1 at Learn's start: s1 is the prediction, which may be inf or NaN: not folded.
    String unknown = linear("  s2 = 0.01\n").replace("def Learn():\n", "def Learn():\n  s4 = s1 - s1\n  s2 = s4 + s2\n");
    assertThat(simplified(unknown)).contains("s1 - s1");
    // s4 * 0 with s4 a known finite value is 0; with s4 unknown (may be NaN) it is kept.
    String known = linear("  s4 = 3.0\n  s5 = s4 * s3\n  s2 = s5 + s2\n  s2 = s2 + 0.01\n"
        .replace("  s2 = s2 + 0.01\n", "  s6 = 0.01\n  s2 = s2 + s6\n")).replace("s6", "s3");
    assertThat(Simplifier.simplify(AlgorithmParser.parse(known, new MemoryShape(7, 4, 2, 4))).setup()).hasSize(1);
    String nan = linear("  s2 = 0.01\n").replace("def Learn():\n", "def Learn():\n  s4 = s1 * s5\n  s2 = s4 + s2\n");
    assertThat(simplified(nan)).contains("s1 * s");
  }

  @Test
  void addressesAreRenumberedInOrderOfFirstUse() {
    String text = """
        def Setup():
          s5 = 0.01
        def Predict():
          s1 = dot(v3, v0)
        def Learn():
          s4 = s0 - s1
          s4 = s5 * s4
          v2 = s4 * v0
          v3 = v3 + v2
        """;
    assertThat(simplified(text)).isEqualTo(LINEAR_0_01);
  }

  @Test
  void predictSeesZeroInS0AndLearnSeesTheLabel() {
    // In Predict s0 is 0, so s4 = s0 * s0 writes 0 there; in Learn it is the label: kept.
    String text = """
        def Setup():
          s2 = 0.01
        def Predict():
          s4 = s0 * s0
          s1 = dot(v1, v0)
          s5 = s4 + s4
        def Learn():
          s3 = s0 - s1
          s3 = s2 * s3
          s3 = s3 + s5
          v2 = s3 * v0
          v1 = v1 + v2
        """;
    assertThat(simplified(text)).isEqualTo(LINEAR_0_01);
    String learn = text.replace("  s4 = s0 * s0\n", "").replace("def Learn():\n", "def Learn():\n  s4 = s0 * s0\n");
    assertThat(simplified(learn)).contains("s0 * s0");
  }

  @Test
  void aConstantThatChangesBetweenRoundsIsNotFolded() {
    // s2 is 0.5 in the first Learn and 0.25 after: the loop's fixed point knows neither.
    String text = """
        def Setup():
          s2 = 0.5
        def Predict():
          s1 = dot(v1, v0)
        def Learn():
          s3 = s0 - s1
          s3 = s2 * s3
          v2 = s3 * v0
          v1 = v1 + v2
          s2 = 0.25
        """;
    assertThat(simplified(text)).contains("s2 = 0.5", "s2 = 0.25", "s3 = s2 * s3");
  }

  /** Both run on two linear regression tasks, every instruction executed; fitness bit for bit. */
  static void assertSameFitness(Algorithm a, Algorithm b) {
    List<LearningTask> tasks = new TaskGenerator().generate(new TaskList("fold", List.of(
        LearningTaskSpec.regression(TaskType.SCALAR_LINEAR_REGRESSION, 4, 50, 20, 2, List.of(1L), List.of(2L)))));
    Interpreter interpreter = new Interpreter(SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    for (LearningTask task : tasks) {
      double x = interpreter.execute(CompiledAlgorithm.compileWithoutSkipping(a, SHAPE), task, task.maxTrainExamples(),
          Rng.derive(1, "t"));
      double y = interpreter.execute(CompiledAlgorithm.compileWithoutSkipping(b, SHAPE), task, task.maxTrainExamples(),
          Rng.derive(1, "t"));
      assertThat(Double.doubleToRawLongBits(y)).as("%s vs %s", y, x).isEqualTo(Double.doubleToRawLongBits(x));
    }
  }
}
