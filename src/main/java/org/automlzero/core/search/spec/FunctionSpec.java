package org.automlzero.core.search.spec;

import java.util.List;
import org.automlzero.core.algorithm.Op;

/**
 * The search space of one component function: the ops mutations may draw (empty = the function
 * is never mutated and stays as initialised), the initial size and the size bounds that
 * insert/remove mutations keep (both inclusive).
 */
public record FunctionSpec(List<Op> ops, int initSize, int minSize, int maxSize) {
  public FunctionSpec {
    ops = List.copyOf(ops);
    if (initSize < 0 || minSize < 0 || maxSize < 0) {
      throw new IllegalArgumentException(
          "sizes must be >= 0, but were init=" + initSize + " min=" + minSize + " max=" + maxSize);
    }
    if (minSize > maxSize) {
      throw new IllegalArgumentException("min size " + minSize + " must not exceed max size " + maxSize);
    }
  }

  /** True when mutations may change this function. */
  public boolean mutable() {
    return !ops.isEmpty();
  }
}
