package org.automlzero.core.algorithm;

/** The algorithm a search's population starts from (the original's HardcodedAlgorithmID). */
public enum InitAlgorithm {
  /** All NO_OP instructions of the init sizes. */
  NO_OP,
  /** Random instructions of the init sizes, ops uniform among each function's allowed ops. */
  RANDOM,
  /** Linear regression by SGD, padded with NO_OPs to the init sizes. */
  LINEAR,
  /** A 2-layer ReLU network trained by SGD, padded with NO_OPs to the init sizes. */
  NEURAL_NET;

  /** Reads a config value: the enum name in any case, with or without the original's _ALGORITHM suffix. */
  public static InitAlgorithm parse(String text) {
    String key = text.trim().toUpperCase(java.util.Locale.ROOT);
    if (key.endsWith("_ALGORITHM")) {
      key = key.substring(0, key.length() - "_ALGORITHM".length());
    }
    for (InitAlgorithm value : values()) {
      if (value.name().equals(key)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown init algorithm '" + text
        + "': expected one of NO_OP, RANDOM, LINEAR, NEURAL_NET");
  }
}
