package org.automlzero.core.search.spec;

/**
 * The island model: {@code islands} populations of {@code population} members each; every
 * generation each island proposes {@code children} children; every {@code migrationInterval}
 * generations (a stage) each island sends {@code migrants} members along the {@code topology}.
 * One island with one child per generation is the original's steady-state search. The
 * {@code mode} says where generations run: on the driver, one evaluation batch per generation
 * ({@link IslandMode#CANDIDATE_BATCH}), or each island on its own worker for a whole stage
 * ({@link IslandMode#ISLAND_STAGE}).
 */
public record IslandSpec(int islands, int population, int children, int migrationInterval, int migrants,
    MigrationTopology topology, IslandMode mode) {

  /** A candidate-batch island model. */
  public IslandSpec(int islands, int population, int children, int migrationInterval, int migrants,
      MigrationTopology topology) {
    this(islands, population, children, migrationInterval, migrants, topology, IslandMode.CANDIDATE_BATCH);
  }

  public IslandSpec {
    if (islands < 1) {
      throw new IllegalArgumentException("islands must be >= 1, but was " + islands);
    }
    if (population < 1) {
      throw new IllegalArgumentException("population must be >= 1, but was " + population);
    }
    if (children < 1 || children > population) {
      throw new IllegalArgumentException(
          "children per generation must be in [1, population=" + population + "], but was " + children);
    }
    if (migrationInterval < 1) {
      throw new IllegalArgumentException("migration interval must be >= 1, but was " + migrationInterval);
    }
    if (migrants < 0 || migrants > population) {
      throw new IllegalArgumentException(
          "migrants must be in [0, population=" + population + "], but was " + migrants);
    }
    if (topology == null) {
      throw new IllegalArgumentException("topology must not be null");
    }
    if (mode == null) {
      throw new IllegalArgumentException("island mode must not be null");
    }
  }
}
