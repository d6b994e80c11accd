package org.automlzero.spark;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;

/** Candidates for evaluator tests: random ones and the seed README's hand-written linear regression. */
final class TestAlgorithms {
  private TestAlgorithms() {}

  static Algorithm random(Rng rng, MemoryShape shape) {
    List<List<Instruction>> f = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      List<Instruction> function = new ArrayList<>();
      for (int i = 0, n = 1 + rng.nextInt(6); i < n; i++) {
        Op op;
        do {
          op = Op.byId(rng.nextInt(65));
        } while (!shape.supports(op));
        function.add(Instruction.random(op, shape, rng));
      }
      f.add(function);
    }
    return new Algorithm(f.get(0), f.get(1), f.get(2));
  }

  /** s2 = 0.01; s1 = dot(v0, v1); s3 = s0 - s1; s4 = s3 * s2; v2 = v0 * s4 (as s4 * v0); v1 = v1 + v2. */
  static Algorithm linearRegression() {
    return new Algorithm(
        List.of(Instruction.constant(2, 0.01)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 0, 1, 1)),
        List.of(Instruction.of(Op.SCALAR_DIFF, 0, 1, 3), Instruction.of(Op.SCALAR_PRODUCT, 3, 2, 4),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 4, 0, 2), Instruction.of(Op.VECTOR_SUM, 1, 2, 1)));
  }

  static List<Algorithm> batch(long seed, int n, MemoryShape shape) {
    Rng rng = Rng.derive(seed, "test-candidates");
    List<Algorithm> candidates = new ArrayList<>();
    candidates.add(linearRegression());
    while (candidates.size() < n) {
      candidates.add(random(rng, shape));
    }
    return candidates;
  }
}
