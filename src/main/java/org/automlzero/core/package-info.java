/** The Spark-free engine: everything the search means, runnable and testable without Spark or Hadoop. */
package org.automlzero.core;
