package org.automlzero.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Op;
import org.junit.jupiter.api.Test;

class TrainBudgetTest {
  private static Algorithm of(int setup, Op predictOp, int predict, int learn) {
    return new Algorithm(Collections.nCopies(setup, Instruction.NO_OP),
        Collections.nCopies(predict, Instruction.of(predictOp, 0, 0, 1)), Collections.nCopies(learn, Instruction.NO_OP));
  }

  @Test
  void grantsAllExamplesWithinTheFactorAndNoneBeyond() {
    Algorithm baseline = of(1, Op.NO_OP, 2, 2); // 5 NO_OPs
    TrainBudget budget = new TrainBudget(baseline, 2.0);
    assertThat(budget.trainExamples(of(1, Op.NO_OP, 4, 4), 100)).isEqualTo(100); // about twice the cost
    assertThat(budget.trainExamples(of(1, Op.NO_OP, 6, 4), 100)).isZero();
    // A cheap predict op keeps a longer function within budget; an expensive one does not.
    assertThat(budget.trainExamples(of(1, Op.SCALAR_ABS, 4, 2), 100)).isEqualTo(100);
    assertThat(budget.trainExamples(of(1, Op.MATRIX_GAUSSIAN_SET, 4, 2), 100)).isZero();
  }

  @Test
  void costIsTheSumOfOpCosts() {
    assertThat(TrainBudget.cost(List.of(Instruction.NO_OP, Instruction.of(Op.SCALAR_SUM, 0, 0, 1))))
        .isEqualTo(Op.NO_OP.cost() + Op.SCALAR_SUM.cost());
  }
}
