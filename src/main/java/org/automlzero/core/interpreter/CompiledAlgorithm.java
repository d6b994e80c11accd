package org.automlzero.core.interpreter;

import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.MemoryShape;

/** API CONTRACT (stub, to be implemented): an algorithm decoded once into primitive arrays for the interpreter. */
public final class CompiledAlgorithm {
  private CompiledAlgorithm() {}

  /** Decodes (and checks the addresses of) an algorithm for a memory shape. */
  public static CompiledAlgorithm compile(Algorithm algorithm, MemoryShape shape) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
