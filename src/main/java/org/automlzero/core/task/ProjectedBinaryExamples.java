package org.automlzero.core.task;

/**
 * The examples of one projected binary task (one data set, class pair and data seed): flat
 * row-major features (n x F) and labels 1 (positive class) or 0 (negative class).
 */
public record ProjectedBinaryExamples(double[] trainFeatures, double[] trainLabels, double[] validFeatures,
    double[] validLabels) {

  public ProjectedBinaryExamples {
    if (trainFeatures == null || trainLabels == null || validFeatures == null || validLabels == null) {
      throw new IllegalArgumentException("projected binary examples need all four arrays");
    }
  }

  /** Checks the arrays hold exactly the counts and F a spec asks for; {@code what} names the source. */
  public void checkSizes(String what, int features, int numTrain, int numValid) {
    if (trainLabels.length != numTrain || trainFeatures.length != (long) numTrain * features) {
      throw new IllegalArgumentException(what + ": expected " + numTrain + " train examples of F=" + features
          + ", got " + trainLabels.length + " labels and " + trainFeatures.length + " feature values");
    }
    if (validLabels.length != numValid || validFeatures.length != (long) numValid * features) {
      throw new IllegalArgumentException(what + ": expected " + numValid + " valid examples of F=" + features
          + ", got " + validLabels.length + " labels and " + validFeatures.length + " feature values");
    }
  }
}
