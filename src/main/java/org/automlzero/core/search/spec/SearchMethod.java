package org.automlzero.core.search.spec;

/** How children are made. */
public enum SearchMethod {
  /** Regularized evolution: tournament selection, mutation, the oldest member dies. */
  EVOLUTION,
  /** Every candidate is drawn fresh from the initial algorithm (for comparison). */
  RANDOM_SEARCH
}
