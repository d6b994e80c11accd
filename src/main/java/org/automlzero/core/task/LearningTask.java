package org.automlzero.core.task;

import java.util.Objects;

/**
 * One learning task's examples in flat primitive arrays (row i of the features is
 * {@code [i*F, (i+1)*F)}), with its eval type, epoch count and seeds. Immutable by contract:
 * the arrays are never written after construction. {@code index} is the task's position in its
 * task list; FEC hashes and fitness combination use it.
 *
 * <p>Epoch 0 visits training examples in stored order; epoch e > 0 in {@link #epochOrder(int)},
 * a permutation fixed per task (derived from the data seed).
 */
public final class LearningTask {
  private final int index;
  private final EvalType evalType;
  private final int features;
  private final double[] trainFeatures;
  private final double[] trainLabels;
  private final double[] validFeatures;
  private final double[] validLabels;
  private final int epochs;
  private final long dataSeed;
  private final long paramSeed;
  private final int[][] epochOrders;

  public LearningTask(int index, EvalType evalType, int features, double[] trainFeatures, double[] trainLabels,
      double[] validFeatures, double[] validLabels, int epochs, long dataSeed, long paramSeed) {
    this.index = index;
    this.evalType = Objects.requireNonNull(evalType, "evalType");
    if (features <= 0) {
      throw new IllegalArgumentException("features size F must be > 0, but was " + features);
    }
    if (trainLabels.length == 0) {
      throw new IllegalArgumentException("task " + index + " has no training examples");
    }
    if (validLabels.length == 0) {
      throw new IllegalArgumentException("task " + index + " has no validation examples");
    }
    if (trainFeatures.length != trainLabels.length * features) {
      throw new IllegalArgumentException("task " + index + ": train features have " + trainFeatures.length
          + " values, expected " + trainLabels.length + " examples x F=" + features);
    }
    if (validFeatures.length != validLabels.length * features) {
      throw new IllegalArgumentException("task " + index + ": valid features have " + validFeatures.length
          + " values, expected " + validLabels.length + " examples x F=" + features);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("task " + index + ": epochs must be >= 1, but was " + epochs);
    }
    this.features = features;
    this.trainFeatures = trainFeatures;
    this.trainLabels = trainLabels;
    this.validFeatures = validFeatures;
    this.validLabels = validLabels;
    this.epochs = epochs;
    this.dataSeed = dataSeed;
    this.paramSeed = paramSeed;
    this.epochOrders = EpochOrders.build(trainLabels.length, epochs, dataSeed);
  }

  public int index() {
    return index;
  }

  public EvalType evalType() {
    return evalType;
  }

  public int features() {
    return features;
  }

  public int numTrain() {
    return trainLabels.length;
  }

  public int numValid() {
    return validLabels.length;
  }

  public int epochs() {
    return epochs;
  }

  /** Training examples over all epochs: what the train budget grants at most. */
  public long maxTrainExamples() {
    return (long) epochs * trainLabels.length;
  }

  public long dataSeed() {
    return dataSeed;
  }

  public long paramSeed() {
    return paramSeed;
  }

  /** Flat train features (n x F); do not modify. */
  public double[] trainFeatures() {
    return trainFeatures;
  }

  /** Train labels; do not modify. */
  public double[] trainLabels() {
    return trainLabels;
  }

  /** Flat valid features (n x F); do not modify. */
  public double[] validFeatures() {
    return validFeatures;
  }

  /** Valid labels; do not modify. */
  public double[] validLabels() {
    return validLabels;
  }

  /** The order training examples are visited in epoch {@code epoch}; do not modify. */
  public int[] epochOrder(int epoch) {
    return epochOrders[epoch];
  }
}
