package org.automlzero.core.search.fec;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.WorkerPool;
import org.automlzero.core.search.spec.FecSpec;
import org.automlzero.core.task.LearningTask;

/**
 * Computes FEC fingerprints: every candidate runs on the first train/valid examples of every
 * task with the same fixed random seed, and the recorded errors are hashed with the task index
 * and the granted train examples ({@link FecCache#hash}). Runs on the worker pool (on the
 * driver in Spark); results do not depend on the thread count.
 */
public final class Fingerprinter {
  /** The fixed seed of every fingerprint run (the original's value; the stream differs, see Rng). */
  public static final long SEED = 235732282L;

  private final MemoryShape shape;
  private final double maxAbsError;
  private final int numTrain;
  private final int numValid;
  private final WorkerPool pool;
  private final Interpreter[] interpreters;
  private final double[][] trainErrors;
  private final double[][] validErrors;

  public Fingerprinter(MemoryShape shape, double maxAbsError, FecSpec spec, WorkerPool pool) {
    this.shape = shape;
    this.maxAbsError = maxAbsError;
    this.numTrain = spec.trainExamples();
    this.numValid = spec.validExamples();
    this.pool = pool;
    this.interpreters = new Interpreter[pool.threads()];
    this.trainErrors = new double[pool.threads()][numTrain];
    this.validErrors = new double[pool.threads()][numValid];
  }

  /** Result of one fingerprint batch: hashes (candidate-major) and the train steps spent per candidate. */
  public record Result(long[] hashes, long[] candidateSteps) {}

  /**
   * Fingerprints every (candidate, task); {@code granted[c * tasks + t]} is the number of train
   * examples the budget grants candidate c on task t (part of the hash).
   */
  public Result fingerprint(List<Algorithm> candidates, List<LearningTask> tasks, long[] granted) {
    int nTasks = tasks.size();
    for (LearningTask task : tasks) {
      if (task.numTrain() < numTrain || task.numValid() < numValid) {
        throw new IllegalArgumentException("FEC needs " + numTrain + " train and " + numValid
            + " valid examples per task, but task " + task.index() + " has " + task.numTrain() + " and "
            + task.numValid());
      }
    }
    long[] hashes = new long[candidates.size() * nTasks];
    long[] steps = new long[candidates.size()];
    pool.forEach(candidates.size(), 2, (worker, c) -> {
      Interpreter interpreter = interpreter(worker);
      CompiledAlgorithm compiled = CompiledAlgorithm.compile(candidates.get(c), shape);
      double[] te = trainErrors[worker];
      double[] ve = validErrors[worker];
      long s = 0;
      for (int t = 0; t < nTasks; t++) {
        LearningTask task = tasks.get(t);
        int trainCount = interpreter.fingerprint(compiled, task, numTrain, numValid, new Rng(SEED), te, ve);
        int validCount = interpreter.lastValidErrorCount();
        s += interpreter.lastTrainSteps();
        hashes[c * nTasks + t] = FecCache.hash(te, trainCount, ve, validCount, task.index(), granted[c * nTasks + t]);
      }
      steps[c] = s;
    });
    return new Result(hashes, steps);
  }

  private Interpreter interpreter(int worker) {
    Interpreter i = interpreters[worker];
    if (i == null) {
      i = new Interpreter(shape, maxAbsError);
      interpreters[worker] = i;
    }
    return i;
  }
}
