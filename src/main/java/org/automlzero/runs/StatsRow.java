package org.automlzero.runs;

/**
 * One row of the run's statistics: one island after one generation of one experiment.
 * {@code individuals} counts the island's candidates in this experiment; {@code elapsedSeconds}
 * is the run's wall-clock time; {@code individualsPerSecond} the island's rate since its
 * previous row; FEC hits and misses are this generation's, per (candidate, task).
 */
public record StatsRow(int experiment, long generation, int island, long individuals, double bestFitness,
    double meanFitness, double stdevFitness, long fecHits, long fecMisses, double elapsedSeconds,
    double individualsPerSecond) {}
