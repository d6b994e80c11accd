package org.automlzero.core.task;

/**
 * Where projected binary classification examples come from: the Parquet task store on the
 * Spark side, {@link InMemoryProjectedBinarySource} in tests. Returns the first
 * {@code numTrain} train and {@code numValid} valid examples (stored order) of one task.
 */
public interface ProjectedBinarySource {

  /**
   * The examples of (dataset, pair, data seed) with F = {@code features}. Throws
   * {@link IllegalArgumentException} naming the task when it is missing or too small.
   */
  ProjectedBinaryExamples load(String dataset, ClassPair pair, int dataSeed, int features, int numTrain,
      int numValid);
}
