package org.automlzero.core.search.spec;

/**
 * Functional equivalence checking: a short fixed-seed run on the first {@code trainExamples}
 * and {@code validExamples} examples of each task fingerprints a candidate; an LRU cache of
 * {@code cacheSize} entries maps fingerprints to fitness; an entry is forgotten after
 * {@code forgetEvery} hits (0 = never) so that it gets re-evaluated.
 */
public record FecSpec(boolean enabled, int trainExamples, int validExamples, int cacheSize, int forgetEvery) {
  public static final FecSpec DEFAULT = new FecSpec(true, 10, 10, 100_000, 100);
  public static final FecSpec DISABLED = new FecSpec(false, 10, 10, 100_000, 100);

  public FecSpec {
    if (trainExamples <= 0 || validExamples <= 0) {
      throw new IllegalArgumentException(
          "FEC examples must be > 0, but were train=" + trainExamples + " valid=" + validExamples);
    }
    if (cacheSize < 2) {
      throw new IllegalArgumentException("FEC cache size must be >= 2, but was " + cacheSize);
    }
    if (forgetEvery < 0 || forgetEvery == 1) {
      throw new IllegalArgumentException("FEC forget_every must be 0 (never) or >= 2, but was " + forgetEvery);
    }
  }
}
