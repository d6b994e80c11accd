package org.automlzero.spark;

import org.automlzero.core.task.LearningTask;

/**
 * One element of the cached task RDD: a task (its examples in executor memory) and which shard
 * of the candidates evaluated on it this element owns. Shards of a task that share a partition
 * share one {@link LearningTask} object. Kept in memory only; never serialized.
 */
record TaskShard(int task, int shard, LearningTask learningTask) {}
