package org.automlzero.core.algorithm;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the readable format that {@link AlgorithmPrinter} writes (and the original printed), so
 * a person can write an algorithm by hand.
 *
 * <p>The rules: the three headers {@code def Setup():}, {@code def Predict():} and
 * {@code def Learn():} appear exactly once each, in that order; every other non-blank line is
 * one instruction of the function above it (indentation is free; the printer uses two spaces).
 * A header with no instruction under it is an empty component function. {@code #} starts a
 * comment that runs to the end of the line. The op is recovered from the spelling and the kinds
 * of the addresses ({@code v2 = s3 * v0} is a scalar-vector product, {@code v2 = v0 * v1} an
 * elementwise one); {@code v2 = v0 * s3} is accepted as the same scalar-vector product. Numbers
 * are read exactly, also the original's six-digit printouts, {@code inf} and {@code nan}. Fields
 * an op does not use are 0, as in {@link Instruction#random}. Errors throw
 * {@link AlgorithmFormatException} naming line, column, what was found and what was expected.
 *
 * <p>The grammar below checks the arguments of each form of line; which op a line spells is
 * looked up in the op table ({@link Op#bySignature}), so no spelling is kept here. A function
 * the table spells {@code name(s)} and nothing else is a scalar function.
 */
public final class AlgorithmParser {
  private AlgorithmParser() {}

  /** Parses a whole algorithm without checking address ranges. */
  public static Algorithm parse(String text) {
    return parse(text, null);
  }

  /**
   * Parses a whole algorithm; when {@code shape} is not null, every address must exist in it
   * (an address beyond its bank is an error naming line and column).
   */
  public static Algorithm parse(String text, MemoryShape shape) {
    String[] lines = text.split("\r?\n|\r", -1);
    List<List<Instruction>> functions = new ArrayList<>();
    ComponentFunctionType[] order = ComponentFunctionType.values();
    List<Instruction> current = null;
    int lastLine = 1;
    for (int i = 0; i < lines.length; i++) {
      LineParser line = new LineParser(lines[i], i + 1, shape);
      if (line.isBlank()) {
        continue;
      }
      lastLine = i + 1;
      if (line.isHeader()) {
        if (functions.size() == order.length) {
          throw line.error(line.peekAt(1), "end of the algorithm (Learn is the last component function)");
        }
        line.parseHeader(order[functions.size()]);
        current = new ArrayList<>();
        functions.add(current);
      } else {
        if (current == null) {
          throw line.error(line.peekAt(0), "'def Setup():' (an algorithm starts with its Setup function)");
        }
        current.add(line.parseInstruction());
      }
    }
    if (functions.size() < order.length) {
      String missing = order[functions.size()].printedName();
      throw new AlgorithmFormatException(lastLine + 1, 1,
          "expected 'def " + missing + "():' (an algorithm has Setup, Predict and Learn, in that order), "
              + "found end of text");
    }
    return new Algorithm(functions.get(0), functions.get(1), functions.get(2));
  }

  /** Parses one instruction line such as {@code s3 = s1 + s2} (errors report line 1). */
  public static Instruction parseInstruction(String text, MemoryShape shape) {
    LineParser line = new LineParser(text, 1, shape);
    if (line.isBlank()) {
      throw new AlgorithmFormatException(1, 1, "expected an instruction like 's3 = s1 + s2' or 'NoOp()', found "
          + "an empty line");
    }
    return line.parseInstruction();
  }
}
