package org.automlzero.core.search;

/** Called after every generation of the search loop (generation 0 = the initial populations). */
@FunctionalInterface
public interface GenerationListener {
  GenerationListener NONE = report -> { };

  void onGeneration(GenerationReport report);
}
