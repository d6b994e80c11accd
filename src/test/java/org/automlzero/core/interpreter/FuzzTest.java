package org.automlzero.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;
import org.junit.jupiter.api.Test;

/** 100,000 random algorithms over all 65 ops, random shapes and tasks: no exception, fitness in [0, 1]. */
class FuzzTest {

  @Test
  void randomAlgorithmsAlwaysGiveAFitnessInTheUnitInterval() {
    Rng rng = new Rng(314159);
    boolean[] seen = new boolean[Op.values().length];
    for (int trial = 0; trial < 100_000; trial++) {
      MemoryShape shape = RandomAlgorithms.randomShape(rng);
      List<Op> ops = RandomAlgorithms.supportedOps(shape);
      Algorithm algorithm = RandomAlgorithms.randomAlgorithm(shape, ops, rng.nextInt(10), rng.nextInt(10),
          rng.nextInt(10), rng);
      for (var type : org.automlzero.core.algorithm.ComponentFunctionType.values()) {
        algorithm.function(type).forEach(i -> seen[i.op().id()] = true);
      }
      EvalType type = rng.nextDouble() < 0.5 ? EvalType.ACCURACY : EvalType.RMS_ERROR;
      LearningTask task = RandomAlgorithms.randomTask(shape.features(), 1 + rng.nextInt(5), 1 + rng.nextInt(5),
          1 + rng.nextInt(2), type, rng);
      double fitness = new Interpreter(shape, 100).execute(CompiledAlgorithm.compile(algorithm, shape), task,
          rng.nextInt(12), new Rng(trial));
      assertThat(fitness).as("trial %d: %s", trial, algorithm).isBetween(0.0, 1.0);
    }
    for (Op op : Op.values()) {
      assertThat(seen[op.id()]).as("%s was fuzzed", op).isTrue();
    }
  }
}
