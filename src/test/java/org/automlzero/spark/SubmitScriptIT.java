package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** submit.sh's argument handling: which options go to spark-submit, which to the subcommand, and early errors. */
class SubmitScriptIT {
  private static final Path PROJECT = Paths.get(System.getProperty("project.basedir", ".")).toAbsolutePath();

  @TempDir
  Path dir;

  /** Extra environment for the next submit.sh runs. */
  private final Map<String, String> env = new HashMap<>();

  private record Outcome(int code, String out, String err) {}

  private Outcome submit(Path sparkHome, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(PROJECT.resolve("submit.sh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
        .redirectError(dir.resolve("err").toFile());
    pb.environment().remove("SPARK_HOME");
    pb.environment().remove("HADOOP_CONF_DIR");
    pb.environment().remove("YARN_CONF_DIR");
    pb.environment().putAll(env);
    if (sparkHome != null) {
      pb.environment().put("SPARK_HOME", sparkHome.toString());
    }
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Outcome(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
  }

  /** A fake spark-submit that prints one argument per line. */
  private Path fakeSparkHome() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("spark/bin"));
    Path script = bin.resolve("spark-submit");
    Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir.resolve("spark");
  }

  @Test
  void sparkOptionsGoToSparkSubmitAndTheRestToTheSubcommand() throws Exception {
    env.put("HADOOP_CONF_DIR", dir.toString());
    Outcome o = submit(fakeSparkHome(), "search", "--master", "yarn", "--deploy-mode", "cluster", "--conf",
        "spark.executor.instances=8", "--config", "conf/baseline.conf", "--executor-memory=2g", "--seed", "3",
        "--num-executors", "4", "--verbose");
    assertThat(o.code()).as(o.err()).isZero();
    List<String> args = o.out().lines().toList();
    assertThat(args.subList(0, 6)).containsExactly("--master", "yarn", "--class", "org.automlzero.cli.Main",
        "--deploy-mode", "cluster");
    assertThat(args.get(6)).isEqualTo("--driver-java-options");
    assertThat(args.get(7)).contains("-Dautomlzero.home=" + PROJECT, "--add-modules=jdk.incubator.vector");
    assertThat(args.subList(8, args.size())).containsExactly("--conf", "spark.executor.instances=8",
        "--executor-memory", "2g", "--num-executors", "4", "--verbose", "--conf",
        "spark.executor.defaultJavaOptions=--add-modules=jdk.incubator.vector", jar(), "search", "--config",
        "conf/baseline.conf", "--seed", "3", "--verbose"); // --verbose: spark-submit's and the job's
  }

  @Test
  void theDefaultMasterIsLocalAndSparkSubmitCanBeNamed() throws Exception {
    Path home = fakeSparkHome();
    Outcome o = submit(null, "demo", "--spark-submit", home.resolve("bin/spark-submit").toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out().lines().toList().subList(0, 2)).containsExactly("--master", "local[*]");
    assertThat(o.out().lines().toList()).endsWith(jar(), "demo");
  }

  @Test
  void badMastersAndMissingSparkSubmitFailEarly() throws Exception {
    Outcome master = submit(null, "search", "--master", "spark:/host", "--config", "conf/demo.conf");
    assertThat(master.code()).isEqualTo(2);
    assertThat(master.err().trim()).isEqualTo("error: --master 'spark:/host' is not a Spark master URL: use "
        + "local[*], local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT");
    Outcome local = submit(null, "search", "--master", "local[two]");
    assertThat(local.code()).isEqualTo(2);
    assertThat(local.err().trim()).isEqualTo("error: --master 'local[two]' is not a Spark master URL: local mode is"
        + " local, local[N], local[*] or local[N,MAX_FAILURES]");
    Outcome yarn = submit(null, "search", "--master", "yarn", "--config", "conf/demo.conf");
    assertThat(yarn.code()).isEqualTo(2);
    assertThat(yarn.err().trim()).isEqualTo("error: --master yarn needs HADOOP_CONF_DIR or YARN_CONF_DIR: export the"
        + " folder holding the cluster's yarn-site.xml");
    Outcome missing = submit(null, "search", "--spark-submit", dir.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().trim()).isEqualTo("error: spark-submit '" + dir.resolve("nope")
        + "' is not an executable file (check --spark-submit or SPARK_HOME)");
  }

  @Test
  void theBundledSparkSubmitRunsTheJobAndReportsUserErrors() throws Exception {
    Outcome o = submit(null, "search", "--master", "local[1]", "--config", dir.resolve("missing.conf").toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("error: config file " + dir.resolve("missing.conf") + " does not exist");
  }

  private static String jar() throws Exception {
    String jar = System.getProperty("project.jar");
    return jar != null ? jar : PROJECT.resolve("target/automl-zero-spark-0.1.0-SNAPSHOT.jar").toString();
  }
}
