package org.automlzero.core.config;

/**
 * What a run writes besides its result (the {@code checkpoint.*} and {@code stats.*} keys):
 * a checkpoint after every {@code checkpointEveryGenerations}-th generation (0 = only at the end
 * of each experiment) unless the last one is younger than {@code checkpointMinSeconds}; the
 * newest {@code checkpointKeep} checkpoints kept; a statistics row per island whenever
 * {@code statsEveryIndividuals} more candidates were evaluated (0 = every generation).
 * None of it changes what the search computes.
 */
public record OutputSpec(long checkpointEveryGenerations, double checkpointMinSeconds, int checkpointKeep,
    long statsEveryIndividuals) {
  public OutputSpec {
    if (checkpointEveryGenerations < 0 || checkpointMinSeconds < 0 || checkpointKeep < 1
        || statsEveryIndividuals < 0) {
      throw new IllegalArgumentException("invalid output settings " + checkpointEveryGenerations + ", "
          + checkpointMinSeconds + ", " + checkpointKeep + ", " + statsEveryIndividuals);
    }
  }
}
