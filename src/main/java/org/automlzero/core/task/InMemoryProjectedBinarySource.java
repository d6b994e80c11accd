package org.automlzero.core.task;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** A {@link ProjectedBinarySource} over arrays held in memory (tests, small experiments). */
public final class InMemoryProjectedBinarySource implements ProjectedBinarySource {
  private final Map<String, Entry> tasks = new TreeMap<>();

  private record Entry(int features, ProjectedBinaryExamples examples) {}

  /** Adds all examples of one task; {@link #load} serves prefixes of them. Returns this. */
  public InMemoryProjectedBinarySource put(String dataset, ClassPair pair, int dataSeed, int features,
      ProjectedBinaryExamples examples) {
    if (features <= 0) {
      throw new IllegalArgumentException("features size F must be > 0, but was " + features);
    }
    examples.checkSizes(key(dataset, pair, dataSeed), features, examples.trainLabels().length,
        examples.validLabels().length);
    tasks.put(key(dataset, pair, dataSeed), new Entry(features, examples));
    return this;
  }

  @Override
  public ProjectedBinaryExamples load(String dataset, ClassPair pair, int dataSeed, int features, int numTrain,
      int numValid) {
    String key = key(dataset, pair, dataSeed);
    Entry entry = tasks.get(key);
    if (entry == null) {
      throw new IllegalArgumentException("projected binary task " + key + " is not in the in-memory source");
    }
    if (entry.features != features) {
      throw new IllegalArgumentException(
          "projected binary task " + key + " has F=" + entry.features + " but F=" + features + " was asked for");
    }
    ProjectedBinaryExamples all = entry.examples;
    if (all.trainLabels().length < numTrain || all.validLabels().length < numValid) {
      throw new IllegalArgumentException("projected binary task " + key + " has " + all.trainLabels().length
          + " train and " + all.validLabels().length + " valid examples, but " + numTrain + " and " + numValid
          + " were asked for");
    }
    return new ProjectedBinaryExamples(
        Arrays.copyOf(all.trainFeatures(), numTrain * features), Arrays.copyOf(all.trainLabels(), numTrain),
        Arrays.copyOf(all.validFeatures(), numValid * features), Arrays.copyOf(all.validLabels(), numValid));
  }

  private static String key(String dataset, ClassPair pair, int dataSeed) {
    return dataset + " pair " + pair + " seed " + dataSeed;
  }
}
