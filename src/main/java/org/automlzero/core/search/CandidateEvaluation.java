package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.spec.SearchSpec;

/**
 * The screen-and-evaluate step of a generation: the train examples granted to each (candidate,
 * task) (the train budget), FEC screening ({@link FecScreen}), one {@link BatchEvaluator} call per
 * pass over the misses, and the per-task fitnesses combined per candidate in task order. With
 * hurdles, the first pass covers the first tasks and the second the rest, for the candidates at
 * or above their island's hurdle; a stopped candidate's fitness is its hurdle fitness scaled by
 * the share of tasks it ran.
 *
 * <p>The run-time random seed of (candidate, task) is {@code deriveSeed(seed, "evaluate",
 * experiment, individual, task)}, the individual numbered in the experiment's order.
 */
final class CandidateEvaluation {
  private final SearchSpec spec;
  private final BatchEvaluator evaluator;
  private final FecScreen screen;
  private final TrainBudget budget;
  private final long seed;
  private final int experiment;

  /** @param budget null when the train budget is off */
  CandidateEvaluation(SearchSpec spec, BatchEvaluator evaluator, FecScreen screen, TrainBudget budget, long seed,
      int experiment) {
    this.spec = spec;
    this.evaluator = evaluator;
    this.screen = screen;
    this.budget = budget;
    this.seed = seed;
    this.experiment = experiment;
  }

  /**
   * What a batch's evaluation gave: per candidate its fitness and hurdle fitness, per island the
   * FEC hits and misses (counted per (candidate, task)), and the train steps spent.
   */
  record Outcome(double[] fitness, double[] partial, long[] hits, long[] misses, long trainSteps) {
    /** This outcome's candidates followed by {@code next}'s; counts added up. */
    Outcome then(Outcome next) {
      long[] h = hits.clone();
      long[] m = misses.clone();
      for (int i = 0; i < h.length; i++) {
        h[i] += next.hits[i];
        m[i] += next.misses[i];
      }
      return new Outcome(concat(fitness, next.fitness), concat(partial, next.partial), h, m,
          trainSteps + next.trainSteps);
    }

    long hitsTotal() {
      return sum(hits);
    }

    long missesTotal() {
      return sum(misses);
    }

    /** A plain loop: this runs once per generation, in the steady state once per child. */
    private static long sum(long[] counts) {
      long total = 0;
      for (long c : counts) {
        total += c;
      }
      return total;
    }

    private static double[] concat(double[] a, double[] b) {
      double[] out = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }

  /**
   * @param islandOf each candidate's island
   * @param islands the number of islands (the length of the hit and miss counts)
   * @param hurdles each island's hurdle, or null (no candidate is stopped)
   * @param firstIndividual the experiment's number of the batch's first candidate
   * @param description shown by evaluators that show descriptions (may be null)
   */
  Outcome evaluate(SearchTasks ts, List<Algorithm> candidates, int[] islandOf, int islands, double[] hurdles,
      long firstIndividual, String description) {
    int c = candidates.size();
    long[] granted = new long[c * ts.size];
    for (int k = 0; k < c; k++) {
      for (int t = 0; t < ts.size; t++) {
        granted[k * ts.size + t] = budget == null ? ts.maxTrain[t] : budget.trainExamples(candidates.get(k),
            ts.maxTrain[t]);
      }
    }
    long[] hits = new long[islands];
    long[] misses = new long[islands];
    double[] perTask = new double[c * ts.size];
    long[] steps = {0};
    long[] hashes = null;
    if (screen.enabled()) {
      FecScreen.Fingerprints fp = screen.fingerprints(ts, candidates, granted);
      hashes = fp.hashes();
      steps[0] += fp.trainSteps();
    }
    double[] fitness = new double[c];
    double[] partialFitness = new double[c];
    int hurdleTasks = spec.hurdles().enabled() ? spec.hurdles().tasks() : ts.size;
    byte[] state = new byte[c * ts.size];
    for (int k = 0; k < c; k++) {
      Arrays.fill(state, k * ts.size, k * ts.size + hurdleTasks, FecScreen.NEEDED);
    }
    pass(ts, candidates, islandOf, granted, hashes, state, perTask, hits, misses, steps, firstIndividual,
        description);
    boolean[] stopped = new boolean[c];
    if (hurdleTasks < ts.size) {
      boolean any = false;
      for (int k = 0; k < c; k++) {
        partialFitness[k] = Fitnesses.combine(perTask, k * ts.size, hurdleTasks, spec.fitnessCombination());
        stopped[k] = hurdles != null && partialFitness[k] < hurdles[islandOf[k]];
        if (!stopped[k]) {
          Arrays.fill(state, k * ts.size + hurdleTasks, (k + 1) * ts.size, FecScreen.NEEDED);
          any = true;
        }
      }
      if (any) {
        pass(ts, candidates, islandOf, granted, hashes, state, perTask, hits, misses, steps, firstIndividual,
            description == null ? null : description + " (past hurdle)");
      }
    }
    for (int k = 0; k < c; k++) {
      fitness[k] = stopped[k]
          ? partialFitness[k] * hurdleTasks / ts.size
          : Fitnesses.combine(perTask, k * ts.size, ts.size, spec.fitnessCombination());
    }
    return new Outcome(fitness, partialFitness, hits, misses, steps[0]);
  }

  /** One pass: screen the NEEDED requests, evaluate the misses in one call, record the results. */
  private void pass(SearchTasks ts, List<Algorithm> candidates, int[] islandOf, long[] granted, long[] hashes,
      byte[] state, double[] perTask, long[] hits, long[] misses, long[] steps, long firstIndividual,
      String description) {
    int c = candidates.size();
    int[] firstOf = new int[state.length];
    screen.lookup(ts, c, islandOf, hashes, state, perTask, firstOf, hits, misses);
    List<Algorithm> sent = new ArrayList<>();
    List<EvaluationRequest> requests = new ArrayList<>();
    List<Integer> requestIdx = new ArrayList<>();
    for (int k = 0; k < c; k++) {
      int sentIndex = -1;
      for (int t = 0; t < ts.size; t++) {
        int idx = k * ts.size + t;
        if (state[idx] != FecScreen.MISS) {
          continue;
        }
        if (sentIndex < 0) {
          sentIndex = sent.size();
          sent.add(candidates.get(k));
        }
        long evalSeed = Rng.deriveSeed(seed, "evaluate", experiment, firstIndividual + k, t);
        requests.add(new EvaluationRequest(sentIndex, t, granted[idx], evalSeed));
        requestIdx.add(idx);
        steps[0] += granted[idx];
      }
    }
    if (!requests.isEmpty()) {
      double[] results = evaluator.evaluate(ts.list, sent, requests, description);
      if (results.length != requests.size()) {
        throw new IllegalStateException("the evaluator returned " + results.length + " fitnesses for "
            + requests.size() + " requests");
      }
      for (int r = 0; r < results.length; r++) {
        perTask[requestIdx.get(r)] = results[r];
      }
    }
    screen.record(ts, c, hashes, state, perTask, firstOf);
  }
}
