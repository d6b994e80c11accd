package org.automlzero.core.search.spec;

/**
 * Hurdles (the paper's "Full" method; absent from the released code): a candidate is first
 * evaluated on the first {@code tasks} search tasks only; if the mean fitness there is below the
 * {@code percentile}-th percentile of the same partial fitness over its island's current
 * members, it is stopped early: its fitness is that partial fitness times {@code tasks / n}
 * (the unevaluated tasks count as 0), so a stopped candidate never beats a finished one that
 * passed. Off by default.
 */
public record HurdleSpec(boolean enabled, int tasks, double percentile) {
  public static final HurdleSpec NONE = new HurdleSpec(false, 1, 75.0);

  public HurdleSpec {
    if (tasks < 1) {
      throw new IllegalArgumentException("hurdle tasks must be >= 1, but was " + tasks);
    }
    if (!(percentile >= 0.0 && percentile <= 100.0)) {
      throw new IllegalArgumentException("hurdle percentile must be in [0, 100], but was " + percentile);
    }
  }
}
