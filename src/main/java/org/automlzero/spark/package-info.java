/** The Spark layer: driver loop over islands, broadcast candidate batches, executor-side evaluation and the Parquet task store. */
package org.automlzero.spark;
