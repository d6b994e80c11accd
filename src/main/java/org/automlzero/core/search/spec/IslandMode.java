package org.automlzero.core.search.spec;

/**
 * Where an island model's generations run. Each mode is deterministic on any cluster shape; the
 * two give different (equally valid) results for the same seed, since their random streams and
 * FEC caches are laid out differently.
 */
public enum IslandMode {
  /**
   * The driver proposes every generation's children on all islands and sends them out in one
   * evaluation batch; one FEC cache for the whole run. For expensive evaluations on few islands.
   */
  CANDIDATE_BATCH,
  /**
   * Each island evolves on a worker for a whole stage ({@code migration_interval} generations)
   * with its own random streams and a FEC cache that lives for the stage; the driver only
   * exchanges migrants between stages (the paper's worker / migration-server shape). For cheap
   * evaluations and many islands.
   */
  ISLAND_STAGE
}
