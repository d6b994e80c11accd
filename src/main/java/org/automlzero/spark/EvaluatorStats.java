package org.automlzero.spark;

/**
 * Running totals of a {@link SparkBatchEvaluator}: calls (generations), evaluations, wall time
 * of the calls, executor time spent evaluating, and the sum of each call's slowest partition
 * (wall time minus that is the per-generation Spark overhead).
 */
public record EvaluatorStats(long calls, long evaluations, long wallNanos, long busyNanos, long criticalNanos) {
  public static final EvaluatorStats ZERO = new EvaluatorStats(0, 0, 0, 0, 0);

  EvaluatorStats plus(long moreCalls, long moreEvaluations, long wall, long busy, long critical) {
    return new EvaluatorStats(calls + moreCalls, evaluations + moreEvaluations, wallNanos + wall, busyNanos + busy,
        criticalNanos + critical);
  }

  /** Mean Spark overhead per call in milliseconds: wall time not covered by the slowest partition. */
  public double overheadMillisPerCall() {
    return calls == 0 ? 0.0 : (wallNanos - criticalNanos) / 1e6 / calls;
  }
}
