package org.automlzero.core.search;

/**
 * One island after a generation: candidates it has evaluated so far, best / mean / standard
 * deviation of its population's fitness, and the FEC hits and misses of this generation
 * (counted per (candidate, task)).
 */
public record IslandStats(int island, long individuals, double bestFitness, double meanFitness,
    double stdevFitness, long fecHits, long fecMisses) {}
