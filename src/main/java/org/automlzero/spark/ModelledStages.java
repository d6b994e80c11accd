package org.automlzero.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.automlzero.core.search.IslandStage;
import org.automlzero.core.search.PackedIsland;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * Executor side of the scale benchmark: the real request decoding and result encoding of an
 * island stage, with the stage's evolution (decoding the packed island, evolving it, packing it
 * again) replaced by a sleep of its modelled cost (individuals of the stage x the calibrated
 * seconds per individual on one core). The island comes back unchanged but for its
 * evaluated-individuals count, with its real size, so the driver's work (requests, migration on
 * packed islands, results) and Spark's scheduling and data movement stay real at any virtual
 * core count.
 */
final class ModelledStages extends AbstractFunction2<TaskContext, Iterator<byte[]>, StageResults>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int children;
  private final double secondsPerIndividual;

  ModelledStages(int children, double secondsPerIndividual) {
    this.children = children;
    this.secondsPerIndividual = secondsPerIndividual;
  }

  @Override
  public StageResults apply(TaskContext context, Iterator<byte[]> requests) {
    long start = System.nanoTime();
    List<byte[]> out = new ArrayList<>();
    // The islands of a task with spark.task.cpus = c run c at a time: the task sleeps as long as its busiest lane.
    long[] lanes = new long[Math.max(1, context.cpus())];
    int k = 0;
    while (requests.hasNext()) {
      IslandStage.Request r = IslandStage.decodeRequest(requests.next());
      long individuals = (long) r.generations() * children;
      lanes[k++ % lanes.length] += (long) (individuals * secondsPerIndividual * 1e9);
      byte[] after = PackedIsland.withIndividuals(r.packed(), PackedIsland.individuals(r.packed()) + individuals);
      out.add(IslandStage.encode(new IslandStage.Result(after, individuals, 0, 0, 0)));
    }
    long nanos = java.util.Arrays.stream(lanes).max().orElse(0);
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("modelled stage interrupted", e);
    }
    return new StageResults(out.toArray(new byte[0][]), System.nanoTime() - start);
  }
}
