package org.automlzero.core.task;

import java.util.List;

/**
 * A family of tasks, as the original's TaskSpec: what kind, how many, their sizes and seeds.
 * Task i uses {@code dataSeeds[i]} when listed, else the previous task's seed + 1 (same for
 * parameter seeds). For projected binary tasks the data set, the pairs to draw from and the
 * largest data seed (exclusive) apply; task i picks its pair and data seed from its seed.
 */
public record LearningTaskSpec(
    TaskType type,
    int features,
    int numTrain,
    int numValid,
    int numTasks,
    int epochs,
    EvalType evalType,
    List<Long> dataSeeds,
    List<Long> paramSeeds,
    String dataset,
    List<ClassPair> pairs,
    int maxDataSeed) {

  public LearningTaskSpec {
    dataSeeds = List.copyOf(dataSeeds);
    paramSeeds = List.copyOf(paramSeeds);
    pairs = List.copyOf(pairs);
    if (features <= 0) {
      throw new IllegalArgumentException("features must be > 0, but was " + features);
    }
    if (numTrain <= 0 || numValid <= 0) {
      throw new IllegalArgumentException(
          "tasks need train and valid examples, but were train=" + numTrain + " valid=" + numValid);
    }
    if (numTasks <= 0) {
      throw new IllegalArgumentException("number of tasks must be > 0, but was " + numTasks);
    }
    if (epochs <= 0) {
      throw new IllegalArgumentException("epochs must be > 0, but was " + epochs);
    }
  }

  /** A synthetic-regression spec with the given seeds (either list may be empty: then 1000000 / 2000000 apply). */
  public static LearningTaskSpec regression(TaskType type, int features, int numTrain, int numValid, int numTasks,
      List<Long> dataSeeds, List<Long> paramSeeds) {
    return new LearningTaskSpec(type, features, numTrain, numValid, numTasks, 1, EvalType.RMS_ERROR, dataSeeds,
        paramSeeds, "", List.of(), 0);
  }

  /** Training examples over all epochs of each of its tasks, as {@link LearningTask#maxTrainExamples()}. */
  public long maxTrainExamples() {
    return (long) numTrain * epochs;
  }

  /** The data seed of task i ("listed seeds, then previous + 1"). */
  public long dataSeed(int i) {
    return seed(dataSeeds, i, DEFAULT_DATA_SEED);
  }

  /** The parameter seed of task i ("listed seeds, then previous + 1"). */
  public long paramSeed(int i) {
    return seed(paramSeeds, i, DEFAULT_PARAM_SEED);
  }

  /** A copy with other seeds (used by "randomize task seeds"). */
  public LearningTaskSpec withSeeds(List<Long> newDataSeeds, List<Long> newParamSeeds) {
    return new LearningTaskSpec(type, features, numTrain, numValid, numTasks, epochs, evalType, newDataSeeds,
        newParamSeeds, dataset, pairs, maxDataSeed);
  }

  /** First seed when a spec lists none. */
  public static final long DEFAULT_DATA_SEED = 1_000_000L;
  public static final long DEFAULT_PARAM_SEED = 2_000_000L;

  private static long seed(List<Long> listed, int i, long first) {
    if (i < listed.size()) {
      return listed.get(i);
    }
    long last = listed.isEmpty() ? first - 1 : listed.get(listed.size() - 1);
    int lastIndex = listed.isEmpty() ? -1 : listed.size() - 1;
    return last + (i - lastIndex);
  }
}
