package org.automlzero.spark;

import org.apache.spark.SparkEnv;
import org.automlzero.core.search.stage.ResidentIslands;

/**
 * The islands an executor JVM holds between island stages (one store per JVM, shared by its
 * tasks), and the name of this executor as a Spark task location, so that the driver can ask the
 * scheduler to run an island's next stage where the island is.
 */
final class HostedIslands {
  static final ResidentIslands STORE = new ResidentIslands();

  private HostedIslands() {}

  /** This executor as a preferred location ({@code executor_<host>_<id>}, Spark's executor-cache form). */
  static String location() {
    SparkEnv env = SparkEnv.get();
    return "executor_" + env.blockManager().blockManagerId().host() + "_" + env.executorId();
  }
}
