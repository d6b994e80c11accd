package org.automlzero.spark;

/**
 * Running totals of a {@link SparkBatchEvaluator}: calls (generations), evaluations, wall time
 * of the calls, executor time spent evaluating, and the sum of each call's slowest partition
 * (wall time minus that is the per-generation Spark overhead). Of the wall time, {@code
 * prepareNanos} went to encoding and broadcasting the batch and {@code jobNanos} to the Spark
 * job itself (submission to results, the slowest partition included).
 */
public record EvaluatorStats(long calls, long evaluations, long wallNanos, long busyNanos, long criticalNanos,
    long prepareNanos, long jobNanos) {
  public static final EvaluatorStats ZERO = new EvaluatorStats(0, 0, 0, 0, 0, 0, 0);

  EvaluatorStats plus(long moreCalls, long moreEvaluations, long wall, long busy, long critical, long prepare,
      long job) {
    return new EvaluatorStats(calls + moreCalls, evaluations + moreEvaluations, wallNanos + wall, busyNanos + busy,
        criticalNanos + critical, prepareNanos + prepare, jobNanos + job);
  }

  /** The totals since {@code earlier} (an earlier snapshot of the same evaluator). */
  public EvaluatorStats minus(EvaluatorStats earlier) {
    return new EvaluatorStats(calls - earlier.calls, evaluations - earlier.evaluations, wallNanos - earlier.wallNanos,
        busyNanos - earlier.busyNanos, criticalNanos - earlier.criticalNanos, prepareNanos - earlier.prepareNanos,
        jobNanos - earlier.jobNanos);
  }

  /** Mean Spark overhead per call in milliseconds: wall time not covered by the slowest partition. */
  public double overheadMillisPerCall() {
    return calls == 0 ? 0.0 : (wallNanos - criticalNanos) / 1e6 / calls;
  }
}
