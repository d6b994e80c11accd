package org.automlzero.core.export;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmPrinter;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Kind;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;

/**
 * Exports an algorithm as a standalone Python 3 / NumPy module: a {@code Memory} object (the
 * scalar, vector and matrix banks), the functions {@code setup(mem)}, {@code predict(mem)} and
 * {@code learn(mem)}, and drivers that run them as the interpreter does: {@code train(...)}
 * (one pass in the given order, returning the errors), {@code predictions(...)} and
 * {@code run(...)} (setup, train, then the validation predictions).
 *
 * <p>The module reproduces the interpreter's arithmetic: sums and dot products add in the same
 * order (mirrored from {@code Interpreter}: keep the two in step), standard deviations use the
 * same formula, min/max treat NaN as the interpreter does,
 * and a copy of the project's SplitMix64 generator ({@code Rng}) makes the random ops draw the
 * same numbers for the same stream state. What can still differ is the last bit of the
 * transcendental functions (sin, exp, log, ..., also inside the Gaussian draws), where NumPy's
 * and Java's math libraries may round differently. Algorithms of arithmetic ops only give the
 * very same bits (tested); otherwise predictions of well-behaved algorithms agree to far better
 * than 1e-9.
 */
public final class PythonExporter {
  private PythonExporter() {}

  /** The module's source text for the algorithm on the given memory shape (F included). */
  public static String export(Algorithm algorithm, MemoryShape shape) {
    algorithm.checkAddresses(shape);
    int f = shape.features();
    StringBuilder py = new StringBuilder();
    py.append("\"\"\"An AutoML-Zero algorithm exported by automl-zero-spark as Python/NumPy.\n\n");
    py.append("Memory: s0 = label, s1 = prediction, v0 = features. The algorithm as printed:\n\n");
    for (String line : AlgorithmPrinter.print(algorithm).split("\n")) {
      py.append("    ").append(line).append('\n');
    }
    py.append("\"\"\"\n");
    py.append("""
        import math

        import numpy as np

        np.seterr(all="ignore")  # like Java: division by zero gives inf/nan, never an exception

        """);
    py.append("F = ").append(f).append("  # features size\n");
    py.append("NUM_SCALARS = ").append(shape.scalars()).append('\n');
    py.append("NUM_VECTORS = ").append(shape.vectors()).append('\n');
    py.append("NUM_MATRICES = ").append(shape.matrices()).append('\n');
    py.append(SUPPORT);
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      appendFunction(py, type, algorithm.function(type), f);
    }
    py.append(DRIVER);
    return py.toString();
  }

  private static void appendFunction(StringBuilder py, ComponentFunctionType type, List<Instruction> instructions,
      int f) {
    String name = type.printedName().toLowerCase(java.util.Locale.ROOT);
    py.append("\n\ndef ").append(name).append("(mem):\n");
    py.append("    s, v, m, rng = mem.s, mem.v, mem.m, mem.rng\n");
    int written = 0;
    for (Instruction instruction : instructions) {
      String line = statement(instruction, f);
      if (line != null) {
        py.append("    ").append(line).append("  # ").append(AlgorithmPrinter.print(instruction)).append('\n');
        written++;
      }
    }
    if (written == 0) {
      py.append("    pass\n");
    }
  }

  /** One Python statement for an instruction; null for NO_OP. */
  static String statement(Instruction in, int f) {
    Op op = in.op();
    if (op.python().isEmpty()) {
      return null;
    }
    int c = in.out();
    String rhs = Op.fill(op.python(), "", array(op.in1(), in.in1()), array(op.in2(), in.in2()), literal(in.d0()),
        literal(in.d1()), literal(in.d2()), literal(in.activation()));
    if (op.out() == Kind.NONE) {
      throw new IllegalStateException(op + " has an expression but no output");
    }
    String target = array(op.out(), c) + switch (op.data()) {
      case VECTOR_ENTRY -> "[" + entryIndex(in.d0(), f) + "]";
      case MATRIX_ENTRY -> "[" + entryIndex(in.d0(), f) + ", " + entryIndex(in.d1(), f) + "]";
      case NONE, CONSTANT, UNIFORM, GAUSSIAN -> "";
    };
    return target + " = " + rhs;
  }

  /** {@code s[2]}, {@code v[0]}, {@code m[1]}: an address of the given kind in the generated code. */
  private static String array(Kind kind, int address) {
    return kind == Kind.NONE ? "" : Op.letter(kind) + "[" + address + "]";
  }

  /** The entry a stored fraction selects, by the interpreter's rule ({@link MemoryShape#entryIndex}). */
  static int entryIndex(float fraction, int features) {
    int index = MemoryShape.entryIndex(fraction, features);
    if (index < 0) {
      throw new IllegalArgumentException("entry fraction " + fraction + " is out of range: it must be in [0, 1) to "
          + "select one of F=" + features + " entries");
    }
    return index;
  }

  /** A Python literal for the exact double value (floats widen exactly, as in the interpreter). */
  static String literal(double value) {
    if (Double.isNaN(value)) {
      return "math.nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "math.inf" : "-math.inf";
    }
    return AlgorithmPrinter.formatDouble(value);
  }

  private static final String SUPPORT = """


      class Rng:
          \"""SplitMix64: the same stream as the project's Java Rng started from the same state.\"""

          _MASK = (1 << 64) - 1
          _GAMMA = 0x9E3779B97F4A7C15

          def __init__(self, state=0):
              self.state = state & self._MASK

          def next_long(self):
              self.state = (self.state + self._GAMMA) & self._MASK
              z = self.state
              z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self._MASK
              z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self._MASK
              return z ^ (z >> 31)

          def next_double(self):
              return (self.next_long() >> 11) * 2.0 ** -53

          def uniform(self, low, high):
              return low + (high - low) * self.next_double()

          def gaussian(self, mean, stdev):
              u1 = 1.0 - self.next_double()
              u2 = self.next_double()
              return mean + stdev * math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

          def uniforms(self, low, high, n):
              return np.array([self.uniform(low, high) for _ in range(n)])

          def gaussians(self, mean, stdev, n):
              return np.array([self.gaussian(mean, stdev) for _ in range(n)])


      class Memory:
          \"""The three banks, zeroed; `rng` feeds the random ops.\"""

          def __init__(self, rng_state=0):
              self.s = np.zeros(NUM_SCALARS)
              self.v = np.zeros((NUM_VECTORS, F))
              self.m = np.zeros((NUM_MATRICES, F, F))
              self.rng = Rng(rng_state)


      # Sums in the interpreter's order (NumPy's own reductions may add in another order).
      def _sum(x):
          total = 0.0
          for a in x.tolist():
              total += a
          return total


      def _dot_sequential(x, y):
          total = 0.0
          for a, b in zip(x.tolist(), y.tolist()):
              total += a * b
          return total


      def _dot(x, y):
          \"""The interpreter's dot product: sequential below 64 entries, else four interleaved
          partial sums (the tail goes into the first), added as (p0 + p1) + (p2 + p3).\"""
          if len(x) < 64:
              return _dot_sequential(x, y)
          xs, ys = x.tolist(), y.tolist()
          p = [0.0, 0.0, 0.0, 0.0]
          i = 0
          while i + 3 < len(xs):
              for k in range(4):
                  p[k] += xs[i + k] * ys[i + k]
              i += 4
          while i < len(xs):
              p[0] += xs[i] * ys[i]
              i += 1
          return (p[0] + p[1]) + (p[2] + p[3])


      def _std(x):
          mean = _sum(x) / len(x)
          return np.sqrt(_dot(x, x) / len(x) - mean * mean)


      def _row_norms(a):
          return np.array([np.sqrt(_dot(row, row)) for row in a])


      def _column_norms(a):
          return np.array([np.sqrt(_dot_sequential(column, column)) for column in a.T])


      def _matvec(a, x):
          return np.array([_dot_sequential(row, x) for row in a])


      def _matmul(a, b):
          return np.array([[_dot_sequential(row, column) for column in b.T] for row in a])
      """;

  private static final String DRIVER = """


      def _sigmoid(x):
          return 1.0 / (1.0 + np.exp(-x))


      def train(mem, train_x, train_y, classification=False, max_abs_error=100.0):
          \"""Predict then Learn on each training example in the given order. Returns the
          |label - prediction| of each step, or None when training stopped early (an error NaN or
          above max_abs_error). For classification tasks Learn sees sigmoid(s1) as the
          prediction, as in the original.\"""
          errors = []
          for x, y in zip(train_x, train_y):
              mem.v[0] = x
              mem.s[0] = 0.0
              predict(mem)
              if classification:
                  mem.s[1] = _sigmoid(mem.s[1])
              error = abs(y - mem.s[1])
              if math.isnan(error) or error > max_abs_error:
                  return None
              errors.append(float(error))
              mem.v[0] = x
              mem.s[0] = y
              learn(mem)
          return errors


      def predictions(mem, xs):
          \"""Predict on each example (no Learn); returns the raw s1 values (before any sigmoid).\"""
          result = []
          for x in xs:
              mem.v[0] = x
              mem.s[0] = 0.0
              predict(mem)
              result.append(float(mem.s[1]))
          return result


      def run(train_x, train_y, valid_x, rng_state=0, classification=False, max_abs_error=100.0):
          \"""Setup on zeroed memory, one training pass, then the validation predictions (raw s1);
          None when training stopped early.\"""
          mem = Memory(rng_state)
          setup(mem)
          if train(mem, train_x, train_y, classification, max_abs_error) is None:
              return None
          return predictions(mem, valid_x)
      """;
}
