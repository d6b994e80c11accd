package org.automlzero.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.schema.MessageTypeParser;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.ProjectedBinaryExamples;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader side of data-prep/FORMAT.md on a tiny data set written with parquet-hadoop (no Spark needed). */
class ParquetTaskStoreTest {
  private static final ClassPair P01 = new ClassPair(0, 1);
  private static final ClassPair P46 = new ClassPair(4, 6);

  @TempDir
  Path dir;

  private static LearningTaskSpec spec(int features, int train, int valid, List<ClassPair> pairs, int maxSeed) {
    return new LearningTaskSpec(TaskType.PROJECTED_BINARY_CLASSIFICATION, features, train, valid, 4, 1,
        EvalType.ACCURACY, List.of(), List.of(), "fashion_mnist", pairs, maxSeed);
  }

  @Test
  void readsOneTaskByPairAndSeedInStoredOrder() {
    TinyTaskDataSet.write(dir, "fashion_mnist", 3, 6, 4, 2, List.of(P01, P46), 3);
    ParquetTaskStore store = ParquetTaskStore.open(dir.toString());

    ProjectedBinaryExamples task = store.load("fashion_mnist", P46, 2, 3, 5, 4);

    assertThat(task.trainLabels()).containsExactly(1, 0, 1, 0, 1);
    assertThat(task.trainFeatures()).hasSize(15);
    for (int e = 0; e < 5; e++) {
      for (int j = 0; j < 3; j++) {
        assertThat(task.trainFeatures()[e * 3 + j]).isEqualTo(TinyTaskDataSet.feature(P46, 2, "train", e, j));
      }
    }
    assertThat(task.validFeatures()[3 * 3 + 2]).isEqualTo(TinyTaskDataSet.feature(P46, 2, "valid", 3, 2));
    assertThat(task.validLabels()).containsExactly(1, 0, 1, 0);
  }

  @Test
  void checksTheManifestAgainstTheConfig() {
    TinyTaskDataSet.write(dir, "fashion_mnist", 3, 6, 4, 2, List.of(P01, P46), 3);
    ParquetTaskStore store = ParquetTaskStore.open(dir.toString());
    String manifest = dir.resolve("_manifest.json").toString();

    store.check(new TaskList("search", List.of(spec(3, 6, 4, List.of(P01, P46), 3))));

    assertThatThrownBy(() -> store.check(new TaskList("search", List.of(spec(16, 6, 4, List.of(P01), 3)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(manifest + ": features is 3, but task list 'search' (data set 'fashion_mnist') needs F=16");
    assertThatThrownBy(() -> store.check(new TaskList("select", List.of(spec(3, 6, 4, List.of(P01, new ClassPair(3, 5)), 3)))))
        .hasMessage(manifest + ": pairs is 2 pairs, but task list 'select' (data set 'fashion_mnist') needs pairs"
            + " [(3,5)] that were not written");
    assertThatThrownBy(() -> store.check(new TaskList("search", List.of(spec(3, 6, 4, List.of(P01), 5)))))
        .hasMessage(manifest + ": seeds is 0..2 (3 seeds), but task list 'search' (data set 'fashion_mnist')"
            + " draws data seeds 0..4 but seeds [3, 4] were not written");
    assertThatThrownBy(() -> store.check(new TaskList("search", List.of(spec(3, 7, 4, List.of(P01), 3)))))
        .hasMessage(manifest + ": train is 6, but task list 'search' (data set 'fashion_mnist') needs 7 train"
            + " examples");
  }

  @Test
  void aMissingDataSetOrManifestIsNamed() throws IOException {
    Path missing = dir.resolve("nothing-here");
    TaskList list = new TaskList("search", List.of(spec(3, 6, 4, List.of(P01), 3)));
    assertThatThrownBy(() -> ParquetTaskStore.open(missing.toString()).check(list))
        .hasMessage("data set " + missing + " does not exist (prepare it with ./submit.sh prepare, see"
            + " data-prep/README.md)");
    Files.createDirectories(missing);
    assertThatThrownBy(() -> ParquetTaskStore.open(missing.toString()).check(list))
        .hasMessage("data set " + missing + " has no _manifest.json: it is not a prepared task data set (prepare it"
            + " with ./submit.sh prepare)");
  }

  @Test
  void aWrongSchemaNamesTheFileAndColumn() {
    TinyTaskDataSet.write(dir, "fashion_mnist", 3, 6, 4, 2, List.of(P01), 1, MessageTypeParser.parseMessageType("""
        message spark_schema {
          optional int32 seed;
          optional binary split (STRING);
          optional int32 example;
          optional float label;
        }"""));
    ParquetTaskStore store = ParquetTaskStore.open(dir.toString());
    assertThatThrownBy(() -> store.check(new TaskList("search", List.of(spec(3, 6, 4, List.of(P01), 1)))))
        .hasMessageStartingWith("file file:" + dir.resolve("dataset=fashion_mnist/positive_class=0/negative_class=1"
            + "/part-00000.parquet") + " has the wrong schema: column 'features' must be array<float>");
  }

  @Test
  void aMissingSeedOrShortTaskIsNamed() {
    TinyTaskDataSet.write(dir, "fashion_mnist", 3, 6, 4, 2, List.of(P01), 2);
    ParquetTaskStore store = ParquetTaskStore.open(dir.toString());
    assertThatThrownBy(() -> store.load("fashion_mnist", P01, 7, 3, 6, 4))
        .hasMessageStartingWith("data set " + dir + ": task fashion_mnist pair (0,1) seed 7 in ")
        .hasMessageEndingWith("has 0 of 6 train and 0 of 4 valid examples the config asks for");
    assertThatThrownBy(() -> store.load("fashion_mnist", P01, 1, 4, 6, 4))
        .hasMessageContaining("have length 3, but the config says F=4");
  }
}
