package org.automlzero.core.interpreter;

import static org.automlzero.core.interpreter.OpCodes.*;

import org.automlzero.core.task.LearningTask;

/**
 * Which algorithms and tasks {@link TaskBatchInterpreter} runs in one pass, and how many tasks
 * together: tasks of the same shape and F < 64, one epoch (at most one validation, so a task
 * whose validation stops early has nothing left to run), and Predict and Learn of the ops below
 * (the baseline's, plus a few), none random.
 */
public final class TaskBatchCoverage {
  private TaskBatchCoverage() {}

  /** Base op ids the batch runs in Predict and Learn. */
  private static boolean supportedOp(int code) {
    int id = code >= F4_OFFSET ? code % 100 : code;
    return switch (id) {
      case SCALAR_SUM, SCALAR_DIFF, SCALAR_PRODUCT, VECTOR_HEAVYSIDE, SCALAR_VECTOR_PRODUCT, VECTOR_SUM, VECTOR_DIFF, VECTOR_PRODUCT, VECTOR_INNER_PRODUCT, VECTOR_OUTER_PRODUCT, MATRIX_VECTOR_PRODUCT, MATRIX_SUM, VECTOR_MIN, VECTOR_MAX, SCALAR_CONST_SET -> code != SKIP_DRAWS;
      default -> false;
    };
  }

  /**
   * How many tasks to run together: up to 16 when Predict and Learn touch no matrix; else 1 (no
   * batch). Measured: with matrices each step streams through every task's F x F entries, and
   * the batch ran the hand-coded neural net slower than the single-task F-specialised kernels.
   */
  public static int batchSize(CompiledAlgorithm algorithm) {
    return touchesMatrices(algorithm.predictCode) || touchesMatrices(algorithm.learnCode) ? 1 : 16;
  }

  private static boolean touchesMatrices(int[] code) {
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      int id = code[base] >= F4_OFFSET ? code[base] % 100 : code[base];
      if (id == VECTOR_OUTER_PRODUCT || id == MATRIX_VECTOR_PRODUCT || id == MATRIX_SUM) {
        return true;
      }
    }
    return false;
  }

  private static boolean supportedCode(int[] code) {
    for (int base = 0; base < code.length; base += CompiledAlgorithm.STRIDE) {
      if (!supportedOp(code[base])) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when {@link TaskBatchInterpreter#execute} can run this algorithm on these tasks with this train count:
   * the same F, sizes and eval type, at most one epoch of training, supported Predict/Learn ops.
   */
  public static boolean supports(CompiledAlgorithm algorithm, LearningTask[] tasks, long numTrainExamples) {
    if (tasks.length < 2 || tasks[0].features() >= 64 || !supportedCode(algorithm.predictCode) || !supportedCode(algorithm.learnCode)) {
      return false;
    }
    LearningTask first = tasks[0];
    for (LearningTask t : tasks) {
      if (t.features() != first.features() || t.numTrain() != first.numTrain() || t.numValid() != first.numValid()
          || t.evalType() != first.evalType() || t.epochs() != first.epochs()) {
        return false;
      }
    }
    long all = Math.min(numTrainExamples, first.maxTrainExamples());
    return all <= first.numTrain();
  }
}
