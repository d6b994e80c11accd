package org.automlzero.core.interpreter;

/** How per-task fitnesses combine into one: MEAN (default) or MEDIAN (upper median for even counts). */
public enum FitnessCombination {
  MEAN,
  MEDIAN
}
