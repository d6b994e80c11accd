package org.automlzero.dataprep;

import org.automlzero.core.task.ClassPair;

/**
 * One prepared task (pair + data seed): per split the standardised projected features (flat,
 * example i at {@code [i*F, (i+1)*F)}), the labels (1 positive, 0 negative) and, for checks,
 * the raw image each example came from.
 */
public record PreparedTask(ClassPair pair, int seed, int features, float[][] featuresBySplit, float[][] labelsBySplit,
    int[][] sourceBySplit) {

  public float[] features(Split split) {
    return featuresBySplit[split.ordinal()];
  }

  public float[] labels(Split split) {
    return labelsBySplit[split.ordinal()];
  }

  /** Index of the raw training image each example of the split came from. */
  public int[] sources(Split split) {
    return sourceBySplit[split.ordinal()];
  }

  public int size(Split split) {
    return labelsBySplit[split.ordinal()].length;
  }
}
