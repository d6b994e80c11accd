package org.automlzero.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1 for integration tests and the scale benchmark: one Master and N Worker
 * JVMs started from the project's own Spark jars (target/lib), with a SPARK_HOME whose jars/
 * links to them (a Worker needs it to launch executors). {@link #close()} kills every process
 * tree it started (workers' executors included).
 */
final class LocalStandaloneCluster implements AutoCloseable {
  private final Path home;
  private final Path logs;
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private final int masterPort;

  LocalStandaloneCluster(Path projectDir, Path workDir, int workers, int coresPerWorker, String memoryPerWorker)
      throws IOException, InterruptedException {
    this.home = workDir.resolve("spark-home");
    this.logs = workDir.resolve("logs");
    Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(logs);
    Path lib = projectDir.resolve("target/lib");
    try (Stream<Path> jars = Files.list(lib)) {
      for (Path jar : (Iterable<Path>) jars::iterator) {
        Files.createSymbolicLink(home.resolve("jars").resolve(jar.getFileName()), jar.toAbsolutePath());
      }
    }
    this.masterPort = freePort();
    try {
      start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
          Integer.toString(masterPort), "--webui-port", Integer.toString(freePort()));
      waitForLog("master", "I have been elected leader", Duration.ofSeconds(180));
      for (int w = 0; w < workers; w++) {
        Path dir = workDir.resolve("worker-" + w);
        Files.createDirectories(dir);
        this.workers.add(start("worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
            "--cores", Integer.toString(coresPerWorker), "--memory", memoryPerWorker, "--work-dir", dir.toString(),
            "--webui-port", Integer.toString(freePort()), masterUrl()));
      }
      for (int w = 0; w < workers; w++) {
        waitForLog("worker-" + w, "Successfully registered with master", Duration.ofSeconds(180));
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** Environment a Worker (and a client in cluster mode) needs. */
  Path sparkHome() {
    return home;
  }

  /** Kills worker {@code w} and the executors it launched, as a crashed machine would. */
  void killWorker(int w) {
    kill(workers.get(w));
  }

  String log(String name) {
    try {
      return Files.readString(logs.resolve(name + ".log"));
    } catch (IOException e) {
      return "";
    }
  }

  private Process start(String name, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(List.of(System.getProperty("spark.jvm.flags.for.tests", jvmFlags()).trim().split("\\s+")));
    command.add("-cp");
    command.add(home.resolve("jars") + "/*");
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  /**
   * The Java 17 flags Spark needs (pom.xml's spark.jvm.flags), as this JVM was started with them:
   * every launch path (Surefire, submit.sh) passes that one list.
   */
  static String jvmFlags() {
    StringBuilder flags = new StringBuilder();
    for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")) {
        flags.append(arg).append(' ');
      }
    }
    return flags.toString();
  }

  private void waitForLog(String name, String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (log(name).contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " did not log '" + text + "' within " + timeout + ":\n" + log(name));
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  /**
   * Kills {@code p} and all its descendants, leaves first: each process is killed and awaited while
   * its parent is still alive to reap it, so no killed process is left behind as an orphaned
   * zombie (which {@link ProcessHandle#isAlive()} would still report as alive).
   */
  static void kill(Process p) {
    killTree(p.toHandle());
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void killTree(ProcessHandle h) {
    h.children().forEach(LocalStandaloneCluster::killTree);
    h.destroyForcibly();
    try {
      h.onExit().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // the caller's liveness check reports it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    // Workers first (they own the executors), then the master.
    for (int i = processes.size() - 1; i >= 0; i--) {
      kill(processes.get(i));
    }
    // Remove the links to target/lib ourselves (a @TempDir cleanup warns about each one).
    try (Stream<Path> links = Files.list(home.resolve("jars"))) {
      for (Path link : (Iterable<Path>) links::iterator) {
        Files.deleteIfExists(link);
      }
    } catch (IOException e) {
      // best effort: the temporary directory goes anyway
    }
  }
}
