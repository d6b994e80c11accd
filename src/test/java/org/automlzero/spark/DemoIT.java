package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-command demo: {@code ./submit.sh demo} rediscovers linear regression in local[*]. */
class DemoIT {
  private static final Path PROJECT = Paths.get(System.getProperty("project.basedir", ".")).toAbsolutePath();

  @Test
  void theDemoRediscoversLinearRegression(@TempDir Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(PROJECT.resolve("submit.sh").toString(), "demo", "--out",
        dir.resolve("run").toString())).redirectOutput(dir.resolve("out").toFile())
        .redirectError(dir.resolve("err").toFile());
    pb.environment().remove("SPARK_HOME");
    Process p = pb.start();
    try {
      assertThat(p.waitFor(8, TimeUnit.MINUTES)).as("the demo finished").isTrue();
    } finally {
      LocalStandaloneCluster.kill(p);
    }
    String out = Files.readString(dir.resolve("out"));
    assertThat(p.exitValue()).as("exit code; stderr:\n%s", Files.readString(dir.resolve("err"))).isZero();
    assertThat(out).contains("Spark 4.2.0 on local[*]");
    Matcher m = Pattern.compile("Best algorithm: search fitness ([0-9.]+), select fitness ([0-9.]+), final fitness "
        + "([0-9.]+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    assertThat(Double.parseDouble(m.group(2))).isGreaterThan(0.9999);
    assertThat(Double.parseDouble(m.group(3))).isGreaterThan(0.9999);
    assertThat(out).contains("def Predict():");
  }
}
