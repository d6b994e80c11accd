package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkException;
import org.automlzero.core.io.InputException;
import org.junit.jupiter.api.Test;

/** Only our input errors come back from an executor as input errors; anything else stays what it is. */
class SparkErrorsTest {
  @Test
  void anInputExceptionInTheChainOrTheTextIsReturnedWithItsOwnMessage() {
    InputException bad = new InputException("file x cannot be read: it is damaged");
    assertThat(SparkErrors.unwrap(new SparkException("Job aborted", bad))).isSameAs(bad);
    RuntimeException fromText = SparkErrors.unwrap(new SparkException("Job aborted due to stage failure: Task 1 "
        + "failed: " + InputException.class.getName() + ": file y is truncated\n\tat ..."));
    assertThat(fromText).isInstanceOf(InputException.class).hasMessage("file y is truncated");
  }

  @Test
  void anyOtherFailureIsNotTurnedIntoAnInputError() {
    SparkException internal = new SparkException("Job aborted due to stage failure: "
        + "java.lang.IllegalArgumentException: index 7 out of range\n\tat ...");
    assertThat(SparkErrors.unwrap(internal)).isNotInstanceOf(InputException.class).hasCause(internal)
        .hasMessageContaining("index 7 out of range");
    IllegalStateException broken = new IllegalStateException("Spark returned request 3 twice");
    assertThat(SparkErrors.unwrap(new RuntimeException(new IllegalArgumentException("a bug", broken))))
        .isNotInstanceOf(InputException.class);
  }
}
