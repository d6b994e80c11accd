package org.automlzero.core.algorithm;

/** Instruction counts of the three component functions (e.g. the init sizes of a search). */
public record AlgorithmSizes(int setup, int predict, int learn) {
  public AlgorithmSizes {
    if (setup < 0 || predict < 0 || learn < 0) {
      throw new IllegalArgumentException("component function sizes must be >= 0, but were setup=" + setup
          + " predict=" + predict + " learn=" + learn);
    }
  }

  public int of(ComponentFunctionType type) {
    return switch (type) {
      case SETUP -> setup;
      case PREDICT -> predict;
      case LEARN -> learn;
    };
  }
}
