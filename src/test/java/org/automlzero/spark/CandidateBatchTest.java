package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.EvaluationRequest;
import org.junit.jupiter.api.Test;

class CandidateBatchTest {
  @Test
  void algorithmsSurviveEncodingExactly() {
    MemoryShape shape = new MemoryShape(5, 4, 2, 4);
    Rng rng = Rng.derive(7, "test");
    List<Algorithm> candidates = new ArrayList<>();
    for (int c = 0; c < 20; c++) {
      candidates.add(TestAlgorithms.random(rng, shape));
    }
    candidates.add(Algorithm.noOp(0, 0, 0));
    // Odd but legal: data on a data-less op, negative zero constants.
    candidates.add(new Algorithm(List.of(new org.automlzero.core.algorithm.Instruction(
        org.automlzero.core.algorithm.Op.SCALAR_SUM, 1, 2, 3, -0.0, 0.5f, -0f, 0f)),
        List.of(org.automlzero.core.algorithm.Instruction.constant(2, -0.0)), List.of()));
    CandidateBatch batch = CandidateBatch.encode(candidates, List.of(new EvaluationRequest(0, 0, 10, 1)), 1, 1);
    for (int c = 0; c < candidates.size(); c++) {
      assertThat(batch.algorithm(c)).isEqualTo(candidates.get(c));
    }
  }

  @Test
  void everyRequestBelongsToExactlyOneShardOfItsTaskAndShardsAreBalanced() {
    int tasks = 10;
    int shards = 3;
    List<EvaluationRequest> requests = new ArrayList<>();
    for (int c = 0; c < 31; c++) {
      for (int t = 0; t < tasks; t++) {
        requests.add(new EvaluationRequest(c, t, 100, c * 1000L + t));
      }
    }
    CandidateBatch batch = CandidateBatch.encode(List.of(Algorithm.noOp(1, 1, 1)).subList(0, 1).stream()
        .flatMap(a -> java.util.stream.Stream.generate(() -> a).limit(31)).toList(), requests, tasks, shards);
    int[] seen = new int[requests.size()];
    for (int t = 0; t < tasks; t++) {
      for (int k = 0; k < shards; k++) {
        int size = batch.groupTo(t, k) - batch.groupFrom(t, k);
        assertThat(size).isBetween(10, 11);
        for (int p = batch.groupFrom(t, k); p < batch.groupTo(t, k); p++) {
          int r = batch.groupRequest(p);
          assertThat(requests.get(r).task()).isEqualTo(t);
          seen[r]++;
        }
      }
    }
    assertThat(seen).containsOnly(1);
    assertThat(batch.requestSeed(5)).isEqualTo(5);
    assertThat(batch.requestTrainExamples(5)).isEqualTo(100);
    // Tasks beyond the list (partitions of a longer layout) own nothing.
    assertThat(batch.groupTo(tasks + 1, 0) - batch.groupFrom(tasks + 1, 0)).isZero();
  }
}
