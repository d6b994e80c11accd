package org.automlzero.core.search;

/** Called after every generation of the search loop (generation 0 = the initial populations). */
@FunctionalInterface
public interface GenerationListener {
  GenerationListener NONE = new GenerationListener() {
    @Override
    public void onGeneration(GenerationReport report) {}

    @Override
    public boolean wantsIslandStats(long individuals) {
      return false;
    }
  };

  void onGeneration(GenerationReport report);

  /**
   * Whether the next report (the experiment having evaluated {@code individuals} candidates)
   * needs per-island statistics; when false the report's island list is empty. Computing them
   * costs O(population) per generation, which matters in the steady state (B = 1).
   */
  default boolean wantsIslandStats(long individuals) {
    return true;
  }
}
