/**
 * The Spark layer: it only evaluates. Candidate batches are broadcast, task shards are loaded
 * once per executor (from the Parquet task store, {@code org.automlzero.store}) and fitness is
 * computed on the executors; selection, mutation, FEC and migration run on the driver in
 * {@code org.automlzero.core.search}. Also the Spark search wiring, its progress and errors, and
 * the Spark benchmarks.
 */
package org.automlzero.spark;
