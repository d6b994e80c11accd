package org.automlzero.core.search;

import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.random.Rng;

/** Builds initial population members and train-budget baselines. */
public final class InitialAlgorithms {
  private InitialAlgorithms() {}

  /**
   * One initial member: NO_OPs of the initial sizes, random instructions of the initial sizes
   * (drawn from {@code rng}), or a hand-coded algorithm.
   */
  public static Algorithm create(InitialAlgorithm kind, SearchSpec spec, Mutator mutator, Rng rng) {
    return switch (kind) {
      case NO_OP -> Algorithm.noOp(spec.setup().initSize(), spec.predict().initSize(), spec.learn().initSize());
      case RANDOM -> mutator.randomAlgorithm(rng);
      case LINEAR, NEURAL_NET -> handCoded(kind, spec);
    };
  }

  /** A hand-coded algorithm (also the train budget's baseline). */
  public static Algorithm handCoded(InitialAlgorithm kind, SearchSpec spec) {
    throw new UnsupportedOperationException("hand-coded " + kind + " is not available yet");
  }
}
