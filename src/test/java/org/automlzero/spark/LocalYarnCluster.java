package org.automlzero.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * Hadoop's MiniYARNCluster (one ResourceManager, one NodeManager) in this JVM on 127.0.0.1, for
 * the YARN integration test: containers (the application master, executors, the driver in
 * cluster mode) are real JVMs launched by the NodeManager on this machine. The cluster's
 * configuration is written to {@link #confDir()} (yarn-site.xml, core-site.xml), to be passed
 * to spark-submit as HADOOP_CONF_DIR / YARN_CONF_DIR. The default file system is the local one
 * (no HDFS). {@code main} starts one by hand and waits: {@code java -cp ... LocalYarnCluster DIR}.
 */
final class LocalYarnCluster implements AutoCloseable {
  private final MiniYARNCluster cluster;
  private final Path confDir;
  private final Path workDir;

  /**
   * Starts the cluster with its files under {@code workDir}; the NodeManager offers
   * {@code memoryMb} of memory and {@code vcores} virtual cores (neither is enforced: the
   * physical and virtual memory checks are off, a 2-core machine runs several 1-core containers).
   */
  LocalYarnCluster(Path workDir, int memoryMb, int vcores) throws IOException, InterruptedException {
    this.workDir = workDir;
    this.confDir = workDir.resolve("hadoop-conf");
    Files.createDirectories(confDir);
    YarnConfiguration conf = new YarnConfiguration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("hadoop.tmp.dir", workDir.resolve("hadoop-tmp").toString());
    conf.set(YarnConfiguration.RM_HOSTNAME, "127.0.0.1");
    conf.set(YarnConfiguration.NM_ADDRESS, "127.0.0.1:0");
    conf.set(YarnConfiguration.NM_LOCALIZER_ADDRESS, "127.0.0.1:0");
    conf.set(YarnConfiguration.NM_WEBAPP_ADDRESS, "127.0.0.1:0");
    conf.setInt(YarnConfiguration.NM_PMEM_MB, memoryMb);
    conf.setInt(YarnConfiguration.NM_VCORES, vcores);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, memoryMb);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_VCORES, vcores);
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    // A nearly full disk must not mark the NodeManager unhealthy (it would then run nothing).
    conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
    conf.setLong(YarnConfiguration.NM_MIN_PER_DISK_FREE_SPACE_MB, 0);
    // Keep finished containers' logs a while: a failing test prints them.
    conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 600);
    // The capacity scheduler with one queue, "default", that may use the whole node (AMs included).
    conf.set("yarn.scheduler.capacity.root.queues", "default");
    conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
    conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
    conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
    // The cluster's own files (NodeManager local and log folders) go under workDir/data, not ./target.
    String testData = System.getProperty("test.build.data");
    System.setProperty("test.build.data", workDir.resolve("data").toString());
    try {
      cluster = new MiniYARNCluster("LocalYarnCluster", 1, 1, 1);
    } finally {
      if (testData == null) {
        System.clearProperty("test.build.data");
      } else {
        System.setProperty("test.build.data", testData);
      }
    }
    try {
      cluster.init(conf);
      cluster.start();
      // start() can return before the ResourceManager has put its real port into the configuration.
      Configuration live = cluster.getConfig();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (live.get(YarnConfiguration.RM_ADDRESS, "").endsWith(":0")
          || live.get(YarnConfiguration.RM_SCHEDULER_ADDRESS, "").endsWith(":0")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the ResourceManager did not report its address in 30 s");
        }
        Thread.sleep(100);
      }
      // One NodeManager must have registered before an application can get a container.
      while (cluster.getResourceManager().getRMContext().getRMNodes().isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no NodeManager registered with the ResourceManager in 30 s");
        }
        Thread.sleep(100);
      }
      try (OutputStream out = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
        live.writeXml(out);
      }
      Configuration core = new Configuration(false);
      core.set("fs.defaultFS", "file:///");
      try (OutputStream out = Files.newOutputStream(confDir.resolve("core-site.xml"))) {
        core.writeXml(out);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The folder holding yarn-site.xml and core-site.xml: HADOOP_CONF_DIR for spark-submit. */
  Path confDir() {
    return confDir;
  }

  String resourceManagerAddress() {
    return cluster.getConfig().get(YarnConfiguration.RM_ADDRESS);
  }

  /** The containers' stdout/stderr files of every application so far, newest last, for failure messages. */
  String containerLogs(int tailChars) {
    StringBuilder out = new StringBuilder();
    Path logs = Paths.get(cluster.getNodeManager(0).getConfig().get(YarnConfiguration.NM_LOG_DIRS, "").split(",")[0]);
    if (!Files.isDirectory(logs)) {
      return "(no container logs in " + logs + ")";
    }
    try (Stream<Path> files = Files.walk(logs)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        String text = Files.readString(f);
        out.append("==> ").append(f).append(" <==\n")
            .append(text.length() > tailChars ? "..." + text.substring(text.length() - tailChars) : text).append('\n');
      }
    } catch (IOException e) {
      out.append("(cannot read ").append(logs).append(": ").append(e.getMessage()).append(")\n");
    }
    return out.toString();
  }

  Path workDir() {
    return workDir;
  }

  @Override
  public void close() {
    cluster.stop();
  }

  public static void main(String[] args) throws Exception {
    Path dir = Paths.get(args.length > 0 ? args[0] : "target/yarn").toAbsolutePath();
    try (LocalYarnCluster yarn = new LocalYarnCluster(dir, 8192, 8)) {
      System.out.println("MiniYARNCluster up: ResourceManager " + yarn.resourceManagerAddress()
          + "; export HADOOP_CONF_DIR=" + yarn.confDir());
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
