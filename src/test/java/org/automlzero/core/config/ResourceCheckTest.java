package org.automlzero.core.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.automlzero.core.io.InputException;
import org.junit.jupiter.api.Test;

/** The up-front memory and array-size check names the keys that make a config too big. */
class ResourceCheckTest {
  private static final String BASE = """
      memory.scalars = 4
      memory.vectors = 3
      memory.matrices = 1
      search.predict.ops = [SCALAR_SUM, VECTOR_INNER_PRODUCT]
      search.population_size = 20
      search.tournament_size = 5
      """;

  private static ExperimentConfig config(String... overrides) {
    return ConfigLoader.parse(BASE, "test.conf", List.of(overrides));
  }

  @Test
  void aSmallConfigFits() {
    assertThatCode(() -> ResourceCheck.check(config(), 256L << 20, 2)).doesNotThrowAnyException();
  }

  @Test
  void manyTasksAreRefusedNamingTheirKeys() {
    assertThatThrownBy(() -> ResourceCheck.check(config("select.tasks.count=100000",
        "select.tasks.train_examples=10000"), 1L << 30, 2)).isInstanceOf(InputException.class)
        .hasMessageStartingWith("the config needs about ").hasMessageContaining("but the JVM heap is 1.0 GiB")
        .hasMessageContaining("select.tasks.count = 100000, select.tasks.train_examples = 10000")
        .hasMessageNotContaining("memory.vectors");
  }

  @Test
  void bigMemoryTimesThreadsIsRefusedNamingTheMemoryKeysAndThreads() {
    assertThatThrownBy(() -> ResourceCheck.check(config("memory.matrices=100", "search.tasks.features=1000",
        "select.tasks.features=1000", "final.tasks.features=1000", "run.threads=8"), 4L << 30, 2))
        .hasMessageContaining("memory.matrices = 100").hasMessageContaining("F = 1000")
        .hasMessageContaining("run.threads = 8");
  }

  @Test
  void arraysBeyondJavasLimitAreRefusedBeforeTheyOverflow() {
    assertThatThrownBy(() -> ResourceCheck.check(config("search.tasks.features=50000", "select.tasks.features=50000",
        "final.tasks.features=50000"), Long.MAX_VALUE, 1))
        .hasMessageStartingWith("search.tasks.features: one matrix of F x F = 50000 x 50000 makes an array of "
            + "2,500,000,000 elements");
    assertThatThrownBy(() -> ResourceCheck.check(config("final.tasks.train_examples=100000000",
        "search.tasks.features=64", "select.tasks.features=64", "final.tasks.features=64"), Long.MAX_VALUE, 1))
        .hasMessageStartingWith("final.tasks.train_examples: final.tasks.train_examples x F = 100000000 x 64");
  }
}
