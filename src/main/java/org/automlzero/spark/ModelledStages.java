package org.automlzero.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.automlzero.core.search.stage.IslandStage;
import org.automlzero.core.search.stage.PackedIsland;
import org.automlzero.core.search.stage.StageCall;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * Executor side of the scale benchmark: the real island calls (decoding, the executor's resident
 * islands, receiving migrants, choosing and encoding emigrants and answers), with each stage's
 * evolution replaced by a sleep of its modelled cost (individuals of the stage x the calibrated
 * seconds per individual on one core), less the time the task's real work took: the calibration
 * measured whole stages, that work included. An evolved island is the island unchanged but for its
 * evaluated-individuals count, so the driver's work (calls, migration, headers, answers) and
 * Spark's scheduling and data movement stay real at any virtual core count.
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
    List<StageCall> calls = new ArrayList<>();
    requests.foreach(group -> calls.addAll(StageCall.decodeCalls(group)));
    // The islands of a task with spark.task.cpus = c run c at a time: the task sleeps as long as its busiest lane.
    long[] lanes = new long[Math.max(1, context.cpus())];
    List<StageCall.Answer> answers = new ArrayList<>(calls.size());
    for (int c = 0; c < calls.size(); c++) {
      int lane = c % lanes.length;
      answers.add(HostedIslands.STORE.run(calls.get(c), r -> {
        long individuals = (long) r.generations() * children;
        lanes[lane] += (long) (individuals * secondsPerIndividual * 1e9);
        byte[] after = PackedIsland.withIndividuals(r.packed(), PackedIsland.individuals(r.packed()) + individuals);
        return new IslandStage.Result(after, individuals, 0, 0, 0);
      }));
    }
    // The calibrated cost is a real stage's whole time per individual, the host's own work (calls,
    // migrants, packing, answers) included, so that work runs inside the busiest lane's time, not on top of it.
    long nanos = Math.max(0, java.util.Arrays.stream(lanes).max().orElse(0) - (System.nanoTime() - start));
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("modelled stage interrupted", e);
    }
    return new StageResults(StageCall.encodeAnswers(answers), System.nanoTime() - start, HostedIslands.location());
  }
}
