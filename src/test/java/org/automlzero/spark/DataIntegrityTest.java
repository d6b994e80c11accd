package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.automlzero.core.io.InputException;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.automlzero.store.ParquetTaskStore;
import org.automlzero.store.TinyTaskDataSet;

/**
 * Damaged task data is found on the driver before any Spark work (sizes and CRC-32C from the
 * manifest, every listed file present, no stray file), and a damaged page that the manifest
 * cannot vouch for fails its Parquet page checksum on read instead of giving wrong numbers.
 */
class DataIntegrityTest {
  private static final ClassPair P46 = new ClassPair(4, 6);

  @TempDir
  Path dir;
  private Path file;
  private TaskList list;

  @BeforeEach
  void writeADataSet() throws IOException {
    TinyTaskDataSet.write(dir, "fashion_mnist", 4, 200, 50, 10, List.of(P46), 3);
    TinyTaskDataSet.listFiles(dir);
    try (Stream<Path> s = Files.walk(dir)) {
      file = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    list = new TaskList("search", List.of(new LearningTaskSpec(TaskType.PROJECTED_BINARY_CLASSIFICATION, 4, 200, 50,
        2, 1, EvalType.ACCURACY, List.of(), List.of(), "fashion_mnist", List.of(P46), 3)));
  }

  @Test
  void theManifestListsEachFileWithItsSizeAndChecksumAndAnIntactDataSetPasses() throws IOException {
    assertThat(Files.readString(dir.resolve("_manifest.json"))).contains("\"files\"", "\"crc32c\"",
        "dataset=fashion_mnist/positive_class=4/negative_class=6/part-00000.parquet");
    ParquetTaskStore.open(dir.toString()).check(list);
  }

  @Test
  void aDamagedFileOfTheSameSizeIsNamedBeforeAnyWork() throws IOException {
    damageTheMiddle(file);
    assertThatThrownBy(() -> ParquetTaskStore.open(dir.toString()).check(list)).isInstanceOf(InputException.class)
        .hasMessageStartingWith("data set " + dir + ": file ").hasMessageContaining(file.getFileName().toString())
        .hasMessageContaining("is damaged: its CRC-32C is");
  }

  @Test
  void aTruncatedFileIsNamed() throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    assertThatThrownBy(() -> ParquetTaskStore.open(dir.toString()).check(list)).isInstanceOf(InputException.class)
        .hasMessageContaining("has " + (bytes.length - 100) + " bytes, but _manifest.json says " + bytes.length);
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Files.delete(file);
    assertThatThrownBy(() -> ParquetTaskStore.open(dir.toString()).check(list)).isInstanceOf(InputException.class)
        .hasMessageContaining(file.getFileName() + " is listed in _manifest.json but missing");
  }

  @Test
  void aStrayFileIsNamed() throws IOException {
    Files.copy(file, file.resolveSibling("part-00009.parquet"));
    assertThatThrownBy(() -> ParquetTaskStore.open(dir.toString()).check(list)).isInstanceOf(InputException.class)
        .hasMessageContaining("part-00009.parquet is not listed in _manifest.json");
  }

  @Test
  void withoutAFileListADamagedPageFailsItsChecksumOnRead() throws IOException {
    Path old = dir.resolve("old");
    TinyTaskDataSet.write(old, "fashion_mnist", 4, 200, 50, 10, List.of(P46), 3); // manifest without "files"
    Path file = old.resolve(dir.relativize(this.file).toString());
    damageTheMiddle(file);
    ParquetTaskStore store = ParquetTaskStore.open(old.toString());
    store.check(list); // the footer is intact: only reading the pages can tell
    assertThatThrownBy(() -> store.load("fashion_mnist", P46, 1, 4, 200, 50)).isInstanceOf(InputException.class)
        .hasMessageStartingWith("file ").hasMessageContaining(file.getFileName().toString())
        .hasMessageContaining("cannot be read: it is damaged or truncated");
  }

  /** Overwrites 64 bytes in the middle of the file (inside the data pages), keeping its size; drops Hadoop's .crc. */
  private static void damageTheMiddle(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
      bytes[i] = (byte) ~bytes[i];
    }
    Files.write(file, bytes);
    Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
  }
}
