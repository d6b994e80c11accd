package org.automlzero.core.algorithm;

import java.util.List;

/**
 * Prints algorithms in the readable format of the original ({@code def Setup(): ...}), one
 * instruction per line, indented two spaces. Constants are printed in the shortest form that
 * parses back to the identical value, so {@link AlgorithmParser} gives back an equal algorithm.
 * An empty component function prints as its header with no lines under it.
 */
public final class AlgorithmPrinter {
  private AlgorithmPrinter() {}

  /** The whole algorithm: the three headers, each followed by its instructions. */
  public static String print(Algorithm algorithm) {
    StringBuilder text = new StringBuilder();
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      appendFunction(text, type, algorithm.function(type));
    }
    return text.toString();
  }

  private static void appendFunction(StringBuilder text, ComponentFunctionType type, List<Instruction> instructions) {
    text.append("def ").append(type.printedName()).append("():\n");
    for (Instruction instruction : instructions) {
      text.append("  ").append(print(instruction)).append('\n');
    }
  }

  /** One instruction without indentation or newline, e.g. {@code s1 = dot(v0, v1)}. */
  public static String print(Instruction in) {
    Op op = in.op();
    String a = address(op.in1(), in.in1());
    String b = address(op.in2(), in.in2());
    String out = address(op.out(), in.out());
    String expression = switch (op) {
      case NO_OP -> null;
      case SCALAR_SUM, VECTOR_SUM, MATRIX_SUM -> a + " + " + b;
      case SCALAR_DIFF, VECTOR_DIFF, MATRIX_DIFF -> a + " - " + b;
      case SCALAR_PRODUCT, VECTOR_PRODUCT, MATRIX_PRODUCT, SCALAR_VECTOR_PRODUCT, SCALAR_MATRIX_PRODUCT ->
          a + " * " + b;
      case SCALAR_DIVISION, VECTOR_DIVISION, MATRIX_DIVISION -> a + " / " + b;
      case SCALAR_MIN, VECTOR_MIN, MATRIX_MIN -> call("minimum", a, b);
      case SCALAR_MAX, VECTOR_MAX, MATRIX_MAX -> call("maximum", a, b);
      case SCALAR_ABS, VECTOR_ABS, MATRIX_ABS -> call("abs", a);
      case SCALAR_SIN -> call("sin", a);
      case SCALAR_COS -> call("cos", a);
      case SCALAR_TAN -> call("tan", a);
      case SCALAR_ARCSIN -> call("arcsin", a);
      case SCALAR_ARCCOS -> call("arccos", a);
      case SCALAR_ARCTAN -> call("arctan", a);
      case SCALAR_EXP -> call("exp", a);
      case SCALAR_LOG -> call("log", a);
      case SCALAR_HEAVYSIDE, VECTOR_HEAVYSIDE, MATRIX_HEAVYSIDE -> call("heaviside", a, "1.0");
      case SCALAR_RECIPROCAL, VECTOR_RECIPROCAL, MATRIX_RECIPROCAL -> "1 / " + a;
      case SCALAR_BROADCAST -> call("bcast", a);
      case VECTOR_COLUMN_BROADCAST -> call("bcast", a, "axis=0");
      case VECTOR_ROW_BROADCAST -> call("bcast", a, "axis=1");
      case VECTOR_INNER_PRODUCT, MATRIX_VECTOR_PRODUCT -> call("dot", a, b);
      case VECTOR_OUTER_PRODUCT -> call("outer", a, b);
      case MATRIX_MATRIX_PRODUCT -> call("matmul", a, b);
      case MATRIX_TRANSPOSE -> call("transpose", a);
      case VECTOR_NORM, MATRIX_NORM -> call("norm", a);
      case MATRIX_ROW_NORM -> call("norm", a, "axis=1");
      case MATRIX_COLUMN_NORM -> call("norm", a, "axis=0");
      case VECTOR_MEAN, MATRIX_MEAN -> call("mean", a);
      case MATRIX_ROW_MEAN -> call("mean", a, "axis=1");
      case VECTOR_ST_DEV, MATRIX_ST_DEV -> call("std", a);
      case MATRIX_ROW_ST_DEV -> call("std", a, "axis=1");
      case SCALAR_CONST_SET -> Numbers.formatDouble(in.activation());
      case VECTOR_CONST_SET, MATRIX_CONST_SET -> Numbers.formatFloat(op == Op.VECTOR_CONST_SET ? in.d1() : in.d2());
      case SCALAR_GAUSSIAN_SET -> call("gaussian", f(in.d0()), f(in.d1()));
      case VECTOR_GAUSSIAN_SET -> call("gaussian", f(in.d0()), f(in.d1()), "n_features");
      case MATRIX_GAUSSIAN_SET -> call("gaussian", f(in.d0()), f(in.d1()), "(n_features, n_features)");
      case SCALAR_UNIFORM_SET -> call("uniform", f(in.d0()), f(in.d1()));
      case VECTOR_UNIFORM_SET -> call("uniform", f(in.d0()), f(in.d1()), "n_features");
      case MATRIX_UNIFORM_SET -> call("uniform", f(in.d0()), f(in.d1()), "(n_features, n_features)");
    };
    if (expression == null) {
      return "NoOp()";
    }
    String target = out;
    if (op == Op.VECTOR_CONST_SET) {
      target = out + "[" + f(in.d0()) + "]";
    } else if (op == Op.MATRIX_CONST_SET) {
      target = out + "[" + f(in.d0()) + ", " + f(in.d1()) + "]";
    }
    return target + " = " + expression;
  }

  /** {@code s2}, {@code v0}, {@code m1}: the spelling of an address of the given kind. */
  public static String address(Kind kind, int address) {
    return switch (kind) {
      case NONE -> "";
      case SCALAR -> "s" + address;
      case VECTOR -> "v" + address;
      case MATRIX -> "m" + address;
    };
  }

  /** The shortest spelling of a double that parses back to the identical value. */
  public static String formatDouble(double value) {
    return Numbers.formatDouble(value);
  }

  /** The shortest spelling of a float that parses back to the identical value. */
  public static String formatFloat(float value) {
    return Numbers.formatFloat(value);
  }

  private static String f(float value) {
    return Numbers.formatFloat(value);
  }

  private static String call(String function, String... arguments) {
    return function + "(" + String.join(", ", arguments) + ")";
  }
}
