package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;
import org.junit.jupiter.api.Test;

class TaskListCodecTest {
  @Test
  void roundTripsEverySpecField() {
    TaskList list = new TaskList("select", List.of(
        LearningTaskSpec.regression(TaskType.SCALAR_LINEAR_REGRESSION, 4, 100, 100, 10, List.of(1L, 5L), List.of()),
        new LearningTaskSpec(TaskType.PROJECTED_BINARY_CLASSIFICATION, 16, 8000, 1000, 3, 2, EvalType.ACCURACY,
            List.of(), List.of(9L), "cifar10", List.of(new ClassPair(4, 6), new ClassPair(3, 5)), 100)));
    assertThat(TaskListCodec.decode(TaskListCodec.encode(list))).isEqualTo(list);
  }
}
