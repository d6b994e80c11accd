package org.automlzero.core.interpreter;

import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;

/**
 * API CONTRACT (stub, to be implemented): runs compiled algorithms on tasks exactly as
 * SEMANTICS.md says. One instance per thread: it owns the flat memory it reuses.
 */
public final class Interpreter {
  /** The original's default early-stopping threshold on |error|. */
  public static final double DEFAULT_MAX_ABS_ERROR = 100.0;

  public Interpreter(MemoryShape shape, double maxAbsError) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Full evaluation: zero memory, Setup, then {@code numTrainExamples} training steps over
   * epochs (validating after each epoch on all validation examples), returns the best
   * validation fitness in [0, 1]. {@code rng} feeds the run-time random ops.
   */
  public double execute(CompiledAlgorithm algorithm, LearningTask task, long numTrainExamples, Rng rng) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * The FEC fingerprint run: train on the first {@code numTrain} examples of epoch 0 and
   * validate on the first {@code numValid}, recording |error| per example (as the original's
   * executor does with its error vectors). Returns how many train errors were recorded (fewer
   * than numTrain when training stopped early); valid errors go to {@code validErrors} and
   * their count is {@link #lastValidErrorCount()}.
   */
  public int fingerprint(CompiledAlgorithm algorithm, LearningTask task, int numTrain, int numValid, Rng rng,
      double[] trainErrors, double[] validErrors) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Valid errors recorded by the last {@link #fingerprint} call. */
  public int lastValidErrorCount() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Training steps (Predict+Learn pairs) the last execute/fingerprint call performed. */
  public long lastTrainSteps() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
