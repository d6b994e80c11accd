package org.automlzero.core.search;

import java.util.Locale;

/** What the initial population (and the train-budget baseline) is made of. */
public enum InitialAlgorithm {
  /** All NO_OP instructions of the initial sizes. */
  NO_OP,
  /** Random instructions (allowed ops) of the initial sizes, drawn per member. */
  RANDOM,
  /** The hand-coded linear regressor trained by gradient descent. */
  LINEAR,
  /** The hand-coded 2-layer neural network trained by SGD. */
  NEURAL_NET;

  /** Looks a value up by name, accepting the original's {@code _ALGORITHM} suffix, any case. */
  public static InitialAlgorithm byName(String name) {
    String key = name.trim().toUpperCase(Locale.ROOT);
    if (key.endsWith("_ALGORITHM")) {
      key = key.substring(0, key.length() - "_ALGORITHM".length());
    }
    return valueOf(key);
  }
}
