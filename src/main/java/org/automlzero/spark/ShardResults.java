package org.automlzero.spark;

import java.io.Serializable;

/** What one partition sends back per generation: fitness per request index, and its busy time. */
record ShardResults(int[] requests, double[] fitness, long evaluationNanos) implements Serializable {}
