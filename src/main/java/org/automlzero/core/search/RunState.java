package org.automlzero.core.search;

import java.util.List;
import org.automlzero.core.search.spec.RunSpec;

/**
 * The whole state of a run ({@link ExperimentRunner}) between generations, as plain data: the
 * finished experiments, the run's counters over them, the wall-clock seconds so far (reported
 * only), and the state of the experiment in progress ({@code loop}, null between experiments).
 * With the same {@link RunSpec}, {@link ExperimentRunner#resume} continues exactly as the run
 * would have; every random stream is re-derived from the seed.
 *
 * @param loopElapsedSeconds wall-clock seconds of the experiment in progress (0 without a loop)
 */
public record RunState(
    List<ExperimentResult> experiments,
    long individuals,
    long trainSteps,
    long fecHits,
    long fecMisses,
    double elapsedSeconds,
    LoopState loop,
    double loopElapsedSeconds) {

  /** The state before anything ran. */
  public static final RunState START = new RunState(List.of(), 0, 0, 0, 0, 0.0, null, 0.0);

  public RunState {
    experiments = List.copyOf(experiments);
    for (int i = 0; i < experiments.size(); i++) {
      if (experiments.get(i).experiment() != i) {
        throw new IllegalArgumentException("experiment results must be numbered 0, 1, ... in order, but result " + i
            + " is experiment " + experiments.get(i).experiment());
      }
    }
    if (loop != null && loop.experiment() != experiments.size()) {
      throw new IllegalArgumentException("the experiment in progress must be number " + experiments.size()
          + " (the next after the finished ones), but was " + loop.experiment());
    }
  }
}
