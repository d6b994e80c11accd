package org.automlzero.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the entry point reports what it did not expect. */
class MainTest {
  @Test
  void anUnexpectedExceptionIsOneLineNamingItsTypeNotAUserError() {
    String line = Main.describe(new IllegalStateException("island 3 has 0 members\nmore detail"));
    assertThat(line).isEqualTo("java.lang.IllegalStateException: island 3 has 0 members");
    assertThat(Main.describe(new org.apache.spark.SparkException("Job aborted due to stage failure\n\tat x")))
        .isEqualTo("a Spark job failed: Job aborted due to stage failure");
    assertThat(Main.describe(new RuntimeException("x".repeat(1000)))).hasSizeLessThan(400);
  }

  @Test
  void usageNamesTheExitCodes() {
    assertThat(Main.usage()).contains("exit codes: 0 done, 2 bad input, 1 failed while running, 143/130");
  }
}
