package org.automlzero.core.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmSizes;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.HandCodedAlgorithms;
import org.automlzero.core.algorithm.InitAlgorithm;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.spec.SearchSpec;

/** Builds initial population members and train-budget baselines. */
public final class InitialAlgorithms {
  private InitialAlgorithms() {}

  /**
   * One initial member: NO_OPs of the initial sizes, random instructions of the initial sizes
   * (drawn from {@code rng}; functions without allowed ops stay NO_OPs, as in the original), or a
   * hand-coded algorithm padded to the initial sizes.
   */
  public static Algorithm create(InitAlgorithm kind, SearchSpec spec, Mutator mutator, Rng rng) {
    return switch (kind) {
      case NO_OP -> Algorithm.noOp(spec.setup().initSize(), spec.predict().initSize(), spec.learn().initSize());
      case RANDOM -> mutator.randomAlgorithm(rng);
      case LINEAR, NEURAL_NET -> handCoded(kind, spec);
    };
  }

  /** A hand-coded algorithm padded with NO_OPs to the initial sizes (also the train budget's baseline). */
  public static Algorithm handCoded(InitAlgorithm kind, SearchSpec spec) {
    Map<ComponentFunctionType, List<Op>> ops = new EnumMap<>(ComponentFunctionType.class);
    for (ComponentFunctionType f : ComponentFunctionType.values()) {
      ops.put(f, spec.function(f).ops());
    }
    AlgorithmSizes sizes = new AlgorithmSizes(spec.setup().initSize(), spec.predict().initSize(),
        spec.learn().initSize());
    return HandCodedAlgorithms.create(kind, sizes, ops, spec.shape(), new Rng(0));
  }
}
