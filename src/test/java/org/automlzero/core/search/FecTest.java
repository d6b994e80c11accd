package org.automlzero.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmParser;
import org.automlzero.core.search.fec.FecCache;
import org.automlzero.core.search.fec.Fingerprinter;
import org.automlzero.core.search.spec.FecSpec;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskGenerator;
import org.automlzero.core.task.TaskList;
import org.junit.jupiter.api.Test;

/** FEC with the real interpreter: equal behaviour gives equal fingerprints, different behaviour does not. */
class FecTest {
  private static final TaskList TASKS = Specs.linearTasks(3, 20, 20);
  private static final List<LearningTask> LEARNING_TASKS = new TaskGenerator().generate(TASKS);

  private static Algorithm parse(String text) {
    return AlgorithmParser.parse(text);
  }

  private static final String LINEAR = """
      def Setup():
        s2 = 0.01
      def Predict():
        s1 = dot(v0, v1)
      def Learn():
        s3 = s0 - s1
        s3 = s3 * s2
        v2 = s3 * v0
        v1 = v1 + v2
      """;

  private static long[] fingerprints(Algorithm... algorithms) {
    try (WorkerPool pool = new WorkerPool(2)) {
      Fingerprinter f = new Fingerprinter(Specs.SHAPE, 100.0, FecSpec.DEFAULT, pool);
      long[] granted = new long[algorithms.length * TASKS.size()];
      java.util.Arrays.fill(granted, 20);
      return f.fingerprint(List.of(algorithms), LEARNING_TASKS, granted).hashes();
    }
  }

  @Test
  void commutedSumIsAHitAndADifferentProgramIsAMiss() {
    Algorithm a = parse(LINEAR);
    assertThat(LINEAR).contains("v1 = v1 + v2", "s3 = s3 * s2"); // what the commuted copy rewrites
    Algorithm commuted = parse(LINEAR.replace("v1 = v1 + v2", "v1 = v2 + v1").replace("s3 = s3 * s2",
        "s3 = s2 * s3"));
    Algorithm different = parse(LINEAR.replace("s2 = 0.01", "s2 = 0.02"));
    assertThat(commuted).isNotEqualTo(a);
    long[] h = fingerprints(a, commuted, different);
    for (int t = 0; t < 3; t++) {
      assertThat(h[3 + t]).isEqualTo(h[t]);
      assertThat(h[6 + t]).isNotEqualTo(h[t]);
    }
  }

  @Test
  void scalarSumWrittenBothWaysHitsTheCacheInTheLoop() {
    // s3 = s1 + s2 and s3 = s2 + s1 in an otherwise identical program: the second evaluation is
    // answered from the cache on every task.
    String base = """
        def Setup():
          s2 = 0.5
        def Predict():
          s1 = dot(v0, v0)
          s3 = s1 + s2
          s1 = s3 * s2
        def Learn():
          NoOp()
        """;
    Algorithm one = parse(base);
    Algorithm two = parse(base.replace("s3 = s1 + s2", "s3 = s2 + s1"));
    Algorithm other = parse(base.replace("s3 = s1 + s2", "s3 = s1 - s2"));
    long[] h = fingerprints(one, two, other);
    FecCache cache = new FecCache(FecSpec.DEFAULT);
    for (int t = 0; t < 3; t++) {
      cache.insert(h[t], 0.25 + t);
    }
    for (int t = 0; t < 3; t++) {
      assertThat(cache.find(h[3 + t])).isEqualTo(0.25 + t);
      assertThat(cache.find(h[6 + t])).isNaN();
    }
  }

  @Test
  void loopCountsHitsForEquivalentChildren() {
    // With mutation probability 0 every child is an exact copy of its parent: all lookups after
    // the initial population hit (until forget_every expires an entry).
    SearchSpec base = Specs.small(Specs.steadyState(10), new FecSpec(true, 10, 10, 1000, 0), 40);
    SearchSpec spec = new SearchSpec(base.shape(), base.setup(), base.predict(), base.learn(),
        base.initialAlgorithm(), base.method(), base.tournamentSize(), 0.0, base.mutations(), base.islands(),
        base.fec(), base.trainBudget(), base.hurdles(), base.maxIndividuals(), 0, 100.0, base.fitnessCombination(), 0);
    FakeEvaluator evaluator = new FakeEvaluator();
    try (WorkerPool pool = new WorkerPool(1)) {
      EvolutionLoop loop = new EvolutionLoop(spec, TASKS, new CachingTaskProvider(new TaskGenerator()::generate),
          evaluator, new Fingerprinter(spec.shape(), 100.0, spec.fec(), pool), null, 1, 0, null);
      loop.run();
      assertThat(loop.fecHits()).isGreaterThanOrEqualTo(30 * 3);
      assertThat(loop.fecHits() + loop.fecMisses()).isEqualTo(40 * 3);
      assertThat(evaluator.requests).isEqualTo(loop.fecMisses());
    }
  }
}
