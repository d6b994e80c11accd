package org.automlzero.core.search.spec;

import org.automlzero.core.search.Island;

/**
 * How islands exchange members at a stage boundary. Migrants keep their fitness (all islands
 * search the same tasks) and enter the receiving island as its youngest members, replacing its
 * oldest ones.
 */
public enum MigrationTopology {
  /**
   * Island i's best {@code k} members (fitness descending, ties to the younger member) replace
   * the {@code k} oldest members of island (i + 1) mod N. All emigrants are chosen from the
   * populations as they were before any island received migrants.
   */
  RING,
  /**
   * The paper's "random sample across all islands": the pool is every member of every island,
   * as it was before migration; each island in turn (0, 1, ...) receives {@code k} members drawn
   * uniformly with replacement from the pool (stream {@code derive(seed, "migrate", experiment,
   * generation)}), which replace its {@code k} oldest members. A member may land on its own island.
   */
  RANDOM
}
