package org.automlzero.core.algorithm;

import java.util.List;

/**
 * An immutable algorithm: the Setup, Predict and Learn component functions, each a list of
 * instructions. Copies share their instruction objects.
 */
public record Algorithm(List<Instruction> setup, List<Instruction> predict, List<Instruction> learn) {

  public Algorithm {
    setup = List.copyOf(setup);
    predict = List.copyOf(predict);
    learn = List.copyOf(learn);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * hash(setup) + hash(predict)) + hash(learn);
  }

  private static int hash(List<Instruction> instructions) {
    int h = instructions.size();
    for (int i = 0; i < instructions.size(); i++) {
      h = 31 * h + instructions.get(i).hashCode();
    }
    return h;
  }

  public List<Instruction> function(ComponentFunctionType type) {
    return switch (type) {
      case SETUP -> setup;
      case PREDICT -> predict;
      case LEARN -> learn;
    };
  }

  /** A copy with one component function replaced. */
  public Algorithm with(ComponentFunctionType type, List<Instruction> instructions) {
    return switch (type) {
      case SETUP -> new Algorithm(instructions, predict, learn);
      case PREDICT -> new Algorithm(setup, instructions, learn);
      case LEARN -> new Algorithm(setup, predict, instructions);
    };
  }

  /** All NO_OP instructions of the given sizes. */
  public static Algorithm noOp(int setupSize, int predictSize, int learnSize) {
    return new Algorithm(
        java.util.Collections.nCopies(setupSize, Instruction.NO_OP),
        java.util.Collections.nCopies(predictSize, Instruction.NO_OP),
        java.util.Collections.nCopies(learnSize, Instruction.NO_OP));
  }

  /** Total instruction count over the three functions. */
  public int size() {
    return setup.size() + predict.size() + learn.size();
  }

  /** Checks every instruction's addresses against the shape (throws naming function and line). */
  public void checkAddresses(MemoryShape shape) {
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      List<Instruction> function = function(type);
      for (int i = 0; i < function.size(); i++) {
        try {
          function.get(i).checkAddresses(shape);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(type.printedName() + " instruction " + i + ": " + e.getMessage(), e);
        }
      }
    }
  }
}
