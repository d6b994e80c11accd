package org.automlzero.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;

/**
 * Where the wall time of a Spark job goes, from Spark's own listener events (the scale
 * benchmark's breakdown of the per-stage floor). Per job, in milliseconds: from the job's start
 * to its first task's launch; a task from its launch to its result at the driver, and the part
 * of it spent deserializing on the executor (which includes fetching the job's task binary, a
 * broadcast); and from the last task's result to the job's end. Spark's clock has millisecond resolution, so each figure is
 * a mean over many jobs.
 */
public final class StageTimeline extends SparkListener {
  private final Map<Integer, long[]> jobs = new HashMap<>(); // job id -> {start, end, first launch, last finish}
  private final Map<Integer, Integer> stageToJob = new HashMap<>();
  private final List<long[]> tasks = new ArrayList<>(); // {job, launch, finish, deserialize}
  private boolean recording;

  /** Starts listening on {@code sc}; only jobs started after {@link #record()} count. */
  public static StageTimeline on(SparkContext sc) {
    StageTimeline t = new StageTimeline();
    sc.addSparkListener(t);
    return t;
  }

  public synchronized void record() {
    recording = true;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart start) {
    if (!recording) {
      return;
    }
    jobs.put(start.jobId(), new long[] {start.time(), -1, Long.MAX_VALUE, Long.MIN_VALUE});
    start.stageIds().foreach(id -> stageToJob.put((Integer) id, start.jobId()));
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    Integer job = stageToJob.get(end.stageId());
    TaskInfo info = end.taskInfo();
    TaskMetrics m = end.taskMetrics();
    if (job == null || info == null || m == null) {
      return;
    }
    long[] j = jobs.get(job);
    j[2] = Math.min(j[2], info.launchTime());
    j[3] = Math.max(j[3], info.finishTime());
    tasks.add(new long[] {job, info.launchTime(), info.finishTime(), m.executorDeserializeTime()});
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd end) {
    long[] j = jobs.get(end.jobId());
    if (j != null) {
      j[1] = end.time();
    }
  }

  /**
   * The means, as {@code key=value} pairs: per job to_first_launch, after_last_task and job
   * (the whole job by Spark's clock); per task launch_to_result and deserialize.
   */
  public synchronized String summary() {
    List<long[]> done = jobs.values().stream().filter(j -> j[1] >= 0 && j[3] > Long.MIN_VALUE).toList();
    double toLaunch = done.stream().mapToLong(j -> j[2] - j[0]).average().orElse(Double.NaN);
    double after = done.stream().mapToLong(j -> j[1] - j[3]).average().orElse(Double.NaN);
    double job = done.stream().mapToLong(j -> j[1] - j[0]).average().orElse(Double.NaN);
    double deserialize = tasks.stream().mapToLong(t -> t[3]).average().orElse(Double.NaN);
    double task = tasks.stream().mapToLong(t -> t[2] - t[1]).average().orElse(Double.NaN);
    return String.format(Locale.ROOT, "jobs=%d tasks_per_job=%.1f to_first_launch_ms=%.1f task_launch_to_result_ms=%.1f "
        + "deserialize_ms=%.1f after_last_task_ms=%.1f job_ms=%.1f", done.size(),
        done.isEmpty() ? 0.0 : (double) tasks.size() / done.size(), toLaunch, task, deserialize, after, job);
  }
}
