package org.automlzero.core.algorithm;

import java.util.List;

/**
 * Prints algorithms in the readable format of the original ({@code def Setup(): ...}), one
 * instruction per line, indented two spaces. Constants are printed in the shortest form that
 * parses back to the identical value, so {@link AlgorithmParser} gives back an equal algorithm.
 * An empty component function prints as its header with no lines under it. The spelling of
 * each op is its row in the op table ({@link Op#readable}).
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

  /** One instruction without indentation or newline, e.g. {@code s1 = dot(v0, v1)}: its op's readable template filled. */
  public static String print(Instruction in) {
    Op op = in.op();
    return Op.fill(op.readable(), address(op.out(), in.out()), address(op.in1(), in.in1()),
        address(op.in2(), in.in2()), f(in.d0()), f(in.d1()), f(in.d2()), Numbers.formatDouble(in.activation()));
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

}
