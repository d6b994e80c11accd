package org.automlzero.runs;

import java.util.Optional;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.simplify.Simplifier;

/**
 * The dead-code-free form of an algorithm for the run's printout and files (the core's
 * {@link Simplifier}). Optional so that readers of older run directories, written without it,
 * show the raw form only.
 */
public final class Simplification {
  private Simplification() {}

  public static Optional<Algorithm> simplify(Algorithm algorithm) {
    return Optional.of(Simplifier.simplify(algorithm));
  }
}
