package org.automlzero.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automlzero.core.random.Rng;
import org.junit.jupiter.api.Test;

class AlgorithmFormatTest {

  /** Every op's printed spelling, with distinct addresses so argument order shows. */
  private static final Map<Op, String> SPELLINGS = spellings();

  private static Map<Op, String> spellings() {
    Map<Op, String> s = new EnumMap<>(Op.class);
    s.put(Op.NO_OP, "NoOp()");
    s.put(Op.SCALAR_SUM, "s3 = s1 + s2");
    s.put(Op.SCALAR_DIFF, "s3 = s1 - s2");
    s.put(Op.SCALAR_PRODUCT, "s3 = s1 * s2");
    s.put(Op.SCALAR_DIVISION, "s3 = s1 / s2");
    s.put(Op.SCALAR_ABS, "s3 = abs(s1)");
    s.put(Op.SCALAR_RECIPROCAL, "s3 = 1 / s1");
    s.put(Op.SCALAR_SIN, "s3 = sin(s1)");
    s.put(Op.SCALAR_COS, "s3 = cos(s1)");
    s.put(Op.SCALAR_TAN, "s3 = tan(s1)");
    s.put(Op.SCALAR_ARCSIN, "s3 = arcsin(s1)");
    s.put(Op.SCALAR_ARCCOS, "s3 = arccos(s1)");
    s.put(Op.SCALAR_ARCTAN, "s3 = arctan(s1)");
    s.put(Op.SCALAR_EXP, "s3 = exp(s1)");
    s.put(Op.SCALAR_LOG, "s3 = log(s1)");
    s.put(Op.SCALAR_HEAVYSIDE, "s3 = heaviside(s1, 1.0)");
    s.put(Op.VECTOR_HEAVYSIDE, "v3 = heaviside(v1, 1.0)");
    s.put(Op.MATRIX_HEAVYSIDE, "m3 = heaviside(m1, 1.0)");
    s.put(Op.SCALAR_VECTOR_PRODUCT, "v3 = s1 * v2");
    s.put(Op.SCALAR_BROADCAST, "v3 = bcast(s1)");
    s.put(Op.VECTOR_RECIPROCAL, "v3 = 1 / v1");
    s.put(Op.VECTOR_NORM, "s3 = norm(v1)");
    s.put(Op.VECTOR_ABS, "v3 = abs(v1)");
    s.put(Op.VECTOR_SUM, "v3 = v1 + v2");
    s.put(Op.VECTOR_DIFF, "v3 = v1 - v2");
    s.put(Op.VECTOR_PRODUCT, "v3 = v1 * v2");
    s.put(Op.VECTOR_DIVISION, "v3 = v1 / v2");
    s.put(Op.VECTOR_INNER_PRODUCT, "s3 = dot(v1, v2)");
    s.put(Op.VECTOR_OUTER_PRODUCT, "m3 = outer(v1, v2)");
    s.put(Op.SCALAR_MATRIX_PRODUCT, "m3 = s1 * m2");
    s.put(Op.MATRIX_RECIPROCAL, "m3 = 1 / m1");
    s.put(Op.MATRIX_VECTOR_PRODUCT, "v3 = dot(m1, v2)");
    s.put(Op.VECTOR_COLUMN_BROADCAST, "m3 = bcast(v1, axis=0)");
    s.put(Op.VECTOR_ROW_BROADCAST, "m3 = bcast(v1, axis=1)");
    s.put(Op.MATRIX_NORM, "s3 = norm(m1)");
    s.put(Op.MATRIX_COLUMN_NORM, "v3 = norm(m1, axis=0)");
    s.put(Op.MATRIX_ROW_NORM, "v3 = norm(m1, axis=1)");
    s.put(Op.MATRIX_TRANSPOSE, "m3 = transpose(m1)");
    s.put(Op.MATRIX_ABS, "m3 = abs(m1)");
    s.put(Op.MATRIX_SUM, "m3 = m1 + m2");
    s.put(Op.MATRIX_DIFF, "m3 = m1 - m2");
    s.put(Op.MATRIX_PRODUCT, "m3 = m1 * m2");
    s.put(Op.MATRIX_DIVISION, "m3 = m1 / m2");
    s.put(Op.MATRIX_MATRIX_PRODUCT, "m3 = matmul(m1, m2)");
    s.put(Op.SCALAR_MIN, "s3 = minimum(s1, s2)");
    s.put(Op.VECTOR_MIN, "v3 = minimum(v1, v2)");
    s.put(Op.MATRIX_MIN, "m3 = minimum(m1, m2)");
    s.put(Op.SCALAR_MAX, "s3 = maximum(s1, s2)");
    s.put(Op.VECTOR_MAX, "v3 = maximum(v1, v2)");
    s.put(Op.MATRIX_MAX, "m3 = maximum(m1, m2)");
    s.put(Op.VECTOR_MEAN, "s3 = mean(v1)");
    s.put(Op.MATRIX_MEAN, "s3 = mean(m1)");
    s.put(Op.MATRIX_ROW_MEAN, "v3 = mean(m1, axis=1)");
    s.put(Op.MATRIX_ROW_ST_DEV, "v3 = std(m1, axis=1)");
    s.put(Op.VECTOR_ST_DEV, "s3 = std(v1)");
    s.put(Op.MATRIX_ST_DEV, "s3 = std(m1)");
    s.put(Op.SCALAR_CONST_SET, "s3 = -0.25");
    s.put(Op.VECTOR_CONST_SET, "v3[0.75] = -0.5");
    s.put(Op.MATRIX_CONST_SET, "m3[0.25, 0.5] = 0.125");
    s.put(Op.SCALAR_UNIFORM_SET, "s3 = uniform(-0.5, 0.75)");
    s.put(Op.VECTOR_UNIFORM_SET, "v3 = uniform(-0.5, 0.75, n_features)");
    s.put(Op.MATRIX_UNIFORM_SET, "m3 = uniform(-0.5, 0.75, (n_features, n_features))");
    s.put(Op.SCALAR_GAUSSIAN_SET, "s3 = gaussian(0.0, 0.1)");
    s.put(Op.VECTOR_GAUSSIAN_SET, "v3 = gaussian(0.0, 0.1, n_features)");
    s.put(Op.MATRIX_GAUSSIAN_SET, "m3 = gaussian(0.0, 0.1, (n_features, n_features))");
    return s;
  }

  /** The instruction each spelling stands for. */
  private static Instruction expected(Op op) {
    return switch (op.data()) {
      case NONE -> op == Op.NO_OP ? Instruction.NO_OP
          : Instruction.of(op, 1, op.in2() == Kind.NONE ? 0 : 2, 3);
      case CONSTANT -> Instruction.constant(3, -0.25);
      case VECTOR_ENTRY -> Instruction.withData(op, 3, 0.75f, -0.5f, 0f);
      case MATRIX_ENTRY -> Instruction.withData(op, 3, 0.25f, 0.5f, 0.125f);
      case UNIFORM -> Instruction.withData(op, 3, -0.5f, 0.75f, 0f);
      case GAUSSIAN -> Instruction.withData(op, 3, 0f, 0.1f, 0f);
    };
  }

  @Test
  void everyOpHasASpellingThatPrintsAndParses() {
    assertThat(SPELLINGS.keySet()).containsExactlyInAnyOrder(Op.values());
    MemoryShape shape = new MemoryShape(4, 4, 4, 4);
    for (Op op : Op.values()) {
      Instruction instruction = expected(op);
      assertThat(AlgorithmPrinter.print(instruction)).as("printing %s", op).isEqualTo(SPELLINGS.get(op));
      assertThat(AlgorithmParser.parseInstruction(SPELLINGS.get(op), shape)).as("parsing %s", op)
          .isEqualTo(instruction);
    }
  }

  @Test
  void printsTheHeadersAndIndentsInstructionsByTwoSpaces() {
    Algorithm algorithm = new Algorithm(List.of(Instruction.constant(2, 0.01)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 0, 1, 1)), List.of());
    assertThat(AlgorithmPrinter.print(algorithm)).isEqualTo("""
        def Setup():
          s2 = 0.01
        def Predict():
          s1 = dot(v0, v1)
        def Learn():
        """);
  }

  @Test
  void roundTripsTenThousandRandomAlgorithmsOverAllOps() {
    Set<Op> seen = EnumSet.noneOf(Op.class);
    for (int i = 0; i < 10_000; i++) {
      Rng rng = Rng.derive(42, "format-round-trip", i);
      MemoryShape shape = new MemoryShape(2 + rng.nextInt(11), 2 + rng.nextInt(11), 1 + rng.nextInt(5),
          1 + rng.nextInt(8));
      List<List<Instruction>> functions = new ArrayList<>();
      for (int f = 0; f < 3; f++) {
        List<Instruction> function = new ArrayList<>();
        int size = rng.nextInt(13);
        for (int k = 0; k < size; k++) {
          Op op = Op.byId(rng.nextInt(Op.values().length));
          seen.add(op);
          function.add(Instruction.random(op, shape, rng));
        }
        functions.add(function);
      }
      Algorithm algorithm = new Algorithm(functions.get(0), functions.get(1), functions.get(2));
      String text = AlgorithmPrinter.print(algorithm);
      Algorithm parsed = AlgorithmParser.parse(text, shape);
      assertThat(parsed).as("algorithm %d:\n%s", i, text).isEqualTo(algorithm);
      assertThat(AlgorithmPrinter.print(parsed)).isEqualTo(text);
    }
    assertThat(seen).containsExactlyInAnyOrder(Op.values());
  }

  @Test
  void parsesTheSeedReadmesHumanWrittenProgram() {
    String readme = """
        def Setup():
          s2 = 0.01  # Init learning rate.

        def Predict():  # v0 = features
          s1 = dot(v0, v1)  # Apply weights

        def Learn():  # v0 = features; s0 = label
          s3 = s0 - s1  # Compute error.
          s4 = s3 * s2  # Apply learning rate.
          v2 = v0 * s4  # Compute gradient.
          v1 = v1 + v2  # Update weights.
        """;
    Algorithm algorithm = AlgorithmParser.parse(readme, new MemoryShape(5, 3, 0, 4));
    assertThat(algorithm).isEqualTo(new Algorithm(
        List.of(Instruction.constant(2, 0.01)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 0, 1, 1)),
        List.of(Instruction.of(Op.SCALAR_DIFF, 0, 1, 3), Instruction.of(Op.SCALAR_PRODUCT, 3, 2, 4),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 4, 0, 2), Instruction.of(Op.VECTOR_SUM, 1, 2, 1))));
    // The printer's own spelling of the scalar-vector product puts the scalar first.
    assertThat(AlgorithmPrinter.print(algorithm)).contains("  v2 = s4 * v0\n");
  }

  @Test
  void readsTheOriginalsSixDigitPrintout() {
    String original = """
        def Setup():
          s2 = 0.001
          s3 = 1e-05
          s5 = -1.5e+06
          v1[0.123457] = -0.654321
          m0[0, 0.5] = 1
          v2 = gaussian(0, 0.1, n_features)
          m1 = uniform(-0.333333, 0.25, (n_features, n_features))
          s4 = inf
        def Predict():
          NoOp()
          s1 = dot(v1, v0)
        def Learn():
        """;
    Algorithm algorithm = AlgorithmParser.parse(original);
    assertThat(algorithm.setup()).containsExactly(
        Instruction.constant(2, 0.001),
        Instruction.constant(3, 1e-5),
        Instruction.constant(5, -1.5e6),
        Instruction.withData(Op.VECTOR_CONST_SET, 1, 0.123457f, -0.654321f, 0f),
        Instruction.withData(Op.MATRIX_CONST_SET, 0, 0f, 0.5f, 1f),
        Instruction.withData(Op.VECTOR_GAUSSIAN_SET, 2, 0f, 0.1f, 0f),
        Instruction.withData(Op.MATRIX_UNIFORM_SET, 1, -0.333333f, 0.25f, 0f),
        Instruction.constant(4, Double.POSITIVE_INFINITY));
    assertThat(algorithm.predict())
        .containsExactly(Instruction.NO_OP, Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1));
    assertThat(algorithm.learn()).isEmpty();
  }

  @Test
  void acceptsCommentsBlankLinesFreeIndentationAndEmptyFunctions() {
    String text = "# a comment before everything\n\n"
        + "def Setup():   # trailing comment on a header\n"
        + "def Predict():\n"
        + "\t s1 = s0+s2   # no spaces needed, tab indentation\n"
        + "   \n"
        + "def Learn():\r\n"
        + "# only a comment\n";
    Algorithm algorithm = AlgorithmParser.parse(text);
    assertThat(algorithm).isEqualTo(new Algorithm(List.of(), List.of(Instruction.of(Op.SCALAR_SUM, 0, 2, 1)),
        List.of()));
  }

  @Test
  void unusedFieldsAreZeroAfterParsing() {
    Instruction heaviside = AlgorithmParser.parseInstruction("v8 = heaviside(v3, 1.0)", null);
    assertThat(heaviside).isEqualTo(new Instruction(Op.VECTOR_HEAVYSIDE, 3, 0, 8, 0.0, 0f, 0f, 0f));
    Instruction constant = AlgorithmParser.parseInstruction("s2 = 0.5", null);
    assertThat(constant).isEqualTo(new Instruction(Op.SCALAR_CONST_SET, 0, 0, 2, 0.5, 0f, 0f, 0f));
    // Optional forms: heaviside without its value at 0, random sets without their shape.
    assertThat(AlgorithmParser.parseInstruction("m1 = heaviside(m0)", null))
        .isEqualTo(Instruction.of(Op.MATRIX_HEAVYSIDE, 0, 0, 1));
    assertThat(AlgorithmParser.parseInstruction("v1 = gaussian(0.5, 2)", null))
        .isEqualTo(Instruction.withData(Op.VECTOR_GAUSSIAN_SET, 1, 0.5f, 2f, 0f));
    assertThat(AlgorithmParser.parseInstruction("m2 = m1 * s3", null))
        .isEqualTo(Instruction.of(Op.SCALAR_MATRIX_PRODUCT, 3, 1, 2));
  }

  @Test
  void constantsRoundTripExactlyInTheirShortestForm() {
    assertThat(AlgorithmPrinter.formatDouble(0.01)).isEqualTo("0.01");
    assertThat(AlgorithmPrinter.formatDouble(1.0)).isEqualTo("1.0");
    assertThat(AlgorithmPrinter.formatDouble(-0.0)).isEqualTo("-0.0");
    assertThat(AlgorithmPrinter.formatDouble(1e-7)).isEqualTo("1.0e-07");
    assertThat(AlgorithmPrinter.formatDouble(123456789.0)).isEqualTo("1.23456789e+08");
    assertThat(AlgorithmPrinter.formatDouble(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(AlgorithmPrinter.formatFloat(0.1f)).isEqualTo("0.1");
    assertThat(AlgorithmPrinter.formatFloat(Float.MIN_VALUE)).isEqualTo("1.0e-45");
    assertThat(AlgorithmPrinter.formatDouble(Double.NaN)).isEqualTo("nan");
    assertThat(AlgorithmPrinter.formatDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    for (double special : new double[] {-0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MAX_VALUE}) {
      Instruction in = Instruction.constant(2, special);
      assertThat(AlgorithmParser.parseInstruction(AlgorithmPrinter.print(in), null)).isEqualTo(in);
    }
    Instruction negativeZeroEntry = Instruction.withData(Op.MATRIX_CONST_SET, 0, -0f, 0.5f, Float.NaN);
    assertThat(AlgorithmParser.parseInstruction(AlgorithmPrinter.print(negativeZeroEntry), null))
        .isEqualTo(negativeZeroEntry);
    Rng rng = Rng.derive(7, "numbers");
    for (int i = 0; i < 5_000; i++) {
      double d = Double.longBitsToDouble(rng.nextLong());
      float f = Float.intBitsToFloat((int) rng.nextLong());
      double u = rng.uniform(-1, 1) * Math.pow(10, rng.nextInt(20) - 10);
      for (double value : new double[] {d, u}) {
        Instruction in = Instruction.constant(2, value);
        assertThat(AlgorithmParser.parseInstruction(AlgorithmPrinter.print(in), null)).isEqualTo(in);
      }
      Instruction entry = Instruction.withData(Op.VECTOR_CONST_SET, 1, f, (float) u, 0f);
      assertThat(AlgorithmParser.parseInstruction(AlgorithmPrinter.print(entry), null)).isEqualTo(entry);
    }
  }

  @Test
  void parseErrorsNameLineColumnFoundAndExpected() {
    assertError("def Setup():\ndef Predict():\n  s1 = dot(v0, x)\ndef Learn():\n",
        "line 3, column 16: expected a vector address like v0 (the second argument of dot is a vector), found 'x'");
    assertError("def Setup():\n  s2 = s1 + x\n",
        "line 2, column 13: expected a scalar address like s2 ('+' needs two addresses of the same kind), found 'x'");
    assertError("def Setup():\ndef Predict():\n  s1 = foo(v0)\ndef Learn():\n",
        "line 3, column 8: expected a function name (abs, arccos, arcsin, arctan, bcast, cos, dot, exp, gaussian, "
            + "heaviside, log, matmul, maximum, mean, minimum, norm, outer, sin, std, tan, transpose, uniform), "
            + "found 'foo'");
    assertError("  s1 = s0 + s2\n",
        "line 1, column 3: expected 'def Setup():' (an algorithm starts with its Setup function), found 's1'");
    assertError("def Setup():\ndef Learn():\n",
        "line 2, column 5: expected 'Predict' (functions come in the order Setup, Predict, Learn, each once), "
            + "found 'Learn'");
    assertError("def Setup():\ndef Predict():\n",
        "line 3, column 1: expected 'def Learn():' (an algorithm has Setup, Predict and Learn, in that order), "
            + "found end of text");
    assertError("def Setup()\n", "line 1, column 12: expected ':', found end of line");
    assertError("def Setup():\n  s1 = s0 + s2 s3\n", "line 2, column 16: expected end of line, found 's3'");
    assertError("def Setup():\n  v1 = s0 + s2\n",
        "line 2, column 3: s0 + s2 gives a scalar: expected a scalar output address like s2, found 'v1'");
    assertError("def Setup():\n  v1 = 0.5\n",
        "line 2, column 3: expected a scalar address like s2 before '= 0.5' (a constant sets a scalar; write "
            + "v1[index] = value to set one entry), found 'v1'");
    assertError("def Setup():\n  s1 = sin(v1)\n",
        "line 2, column 12: expected a scalar address like s2 (sin takes a scalar), found 'v1'");
    assertError("def Setup():\n  s1 = s2 $ s3\n",
        "line 2, column 11: expected an address, a number, a name or one of = + - * / ( ) [ ] , :, found '$'");
    assertError("def Setup():\n  s1 = s2\n",
        "line 2, column 10: expected an operator + - * / after 's2' (copying is not an op), found end of line");
    assertError("def Setup():\n  s1 = 2 / s2\n",
        "line 2, column 8: expected 1 in a reciprocal '1 / x' (no other constant can divide), found '2'");
    assertError("def Setup():\n  v1 = mean(m0, axis=0)\n",
        "line 2, column 22: expected axis=1 (only row means and deviations are ops), found '0'");
    assertError("def Setup():\n  x1 = s0 + s2\n",
        "line 2, column 3: expected an instruction like 's3 = s1 + s2' or 'NoOp()', found 'x1'");
  }

  @Test
  void outOfRangeAddressesAreCheckedAgainstTheMemoryShape() {
    MemoryShape shape = new MemoryShape(4, 3, 0, 4);
    assertThatThrownBy(() -> AlgorithmParser.parse("def Setup():\n  s4 = s0 + s1\ndef Predict():\ndef Learn():\n",
        shape)).isInstanceOf(AlgorithmFormatException.class)
        .hasMessage("line 2, column 3: address s4 is out of range: the memory has 4 scalar addresses (s0..s3)");
    assertThatThrownBy(() -> AlgorithmParser.parse("def Setup():\n  v1 = v0 + v3\ndef Predict():\ndef Learn():\n",
        shape)).hasMessage("line 2, column 13: address v3 is out of range: the memory has 3 vector addresses (v0..v2)");
    assertThatThrownBy(() -> AlgorithmParser.parse("def Setup():\n  m0 = transpose(m0)\n", shape))
        .hasMessage("line 2, column 3: address m0 is out of range: the memory has no matrix addresses");
    // Without a shape any address is accepted.
    assertThat(AlgorithmParser.parse("def Setup():\n  s40 = s0 + s1\ndef Predict():\ndef Learn():\n").setup())
        .containsExactly(Instruction.of(Op.SCALAR_SUM, 0, 1, 40));
  }

  @Test
  void errorsCarryLineAndColumn() {
    assertThatThrownBy(() -> AlgorithmParser.parse("def Setup():\n\n  s2 = s1 +\n"))
        .isInstanceOfSatisfying(AlgorithmFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.column()).isEqualTo(12);
          assertThat(e).hasMessage("line 3, column 12: expected a scalar address like s2 ('+' needs two "
              + "addresses of the same kind), found end of line");
        });
  }

  private static void assertError(String text, String message) {
    assertThatThrownBy(() -> AlgorithmParser.parse(text)).as(text)
        .isInstanceOf(AlgorithmFormatException.class).hasMessage(message);
  }

  @Test
  void damagedTextEitherParsesOrFailsWithAPositionedMessage() {
    String alphabet = "svm0123456789.-+*/=()[],:# \nabcdefxyz_eE";
    int failures = 0;
    for (int i = 0; i < 10_000; i++) {
      Rng rng = Rng.derive(3, "format-fuzz", i);
      MemoryShape shape = new MemoryShape(2 + rng.nextInt(6), 2 + rng.nextInt(6), 1 + rng.nextInt(3), 4);
      List<Instruction> function = new ArrayList<>();
      for (int k = rng.nextInt(6); k > 0; k--) {
        function.add(Instruction.random(Op.byId(rng.nextInt(Op.values().length)), shape, rng));
      }
      StringBuilder text = new StringBuilder(AlgorithmPrinter.print(new Algorithm(function, function, List.of())));
      for (int edits = 1 + rng.nextInt(3); edits > 0; edits--) {
        int at = rng.nextInt(text.length());
        switch (rng.nextInt(3)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, alphabet.charAt(rng.nextInt(alphabet.length())));
          default -> text.setCharAt(at, alphabet.charAt(rng.nextInt(alphabet.length())));
        }
      }
      try {
        AlgorithmParser.parse(text.toString(), shape).checkAddresses(shape);
      } catch (AlgorithmFormatException e) {
        failures++;
        assertThat(e.getMessage()).as(text.toString()).matches("line \\d+, column \\d+: .*");
        assertThat(e.line()).isPositive();
      }
    }
    assertThat(failures).as("damaged texts rejected").isGreaterThan(2_500);
  }
}
