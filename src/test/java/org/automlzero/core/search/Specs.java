package org.automlzero.core.search;

import java.util.List;
import org.automlzero.core.algorithm.InitAlgorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.interpreter.FitnessCombination;
import org.automlzero.core.search.spec.FecSpec;
import org.automlzero.core.search.spec.FunctionSpec;
import org.automlzero.core.search.spec.HurdleSpec;
import org.automlzero.core.search.spec.IslandSpec;
import org.automlzero.core.search.spec.MigrationTopology;
import org.automlzero.core.search.spec.MutationType;
import org.automlzero.core.search.spec.SearchMethod;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.search.spec.TrainBudgetSpec;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;

/** Small specs for tests. */
final class Specs {
  private Specs() {}

  static final MemoryShape SHAPE = new MemoryShape(4, 3, 1, 4);
  static final List<Op> DEMO_OPS = List.of(Op.SCALAR_CONST_SET, Op.VECTOR_INNER_PRODUCT, Op.SCALAR_DIFF,
      Op.SCALAR_PRODUCT, Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM);

  static SearchSpec spec(int population, int tournament, List<MutationType> mutations, IslandSpec islands,
      FecSpec fec, long maxIndividuals) {
    return new SearchSpec(SHAPE, new FunctionSpec(DEMO_OPS, 3, 1, 5), new FunctionSpec(DEMO_OPS, 2, 1, 4),
        new FunctionSpec(DEMO_OPS, 4, 2, 6), InitAlgorithm.RANDOM, SearchMethod.EVOLUTION, tournament, 0.9,
        mutations, islands, fec, TrainBudgetSpec.NONE, HurdleSpec.NONE, maxIndividuals, 0, 100.0,
        FitnessCombination.MEAN, 0);
  }

  /** One island, one child per generation: the original's steady state. */
  static IslandSpec steadyState(int population) {
    return new IslandSpec(1, population, 1, 1, 0, MigrationTopology.RING);
  }

  static SearchSpec small(IslandSpec islands, FecSpec fec, long maxIndividuals) {
    return spec(islands.population(), Math.min(4, islands.population()),
        List.of(MutationType.ALTER_PARAM, MutationType.RANDOMIZE_INSTRUCTION, MutationType.INSERT_INSTRUCTION,
            MutationType.REMOVE_INSTRUCTION),
        islands, fec, maxIndividuals);
  }

  static TaskList linearTasks(int count, int train, int valid) {
    return new TaskList("search", List.of(LearningTaskSpec.regression(TaskType.SCALAR_LINEAR_REGRESSION, 4, train,
        valid, count, List.of(), List.of())));
  }
}
