package org.automlzero.dataprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {
  @TempDir Path dir;

  @Test
  void readsTheArchiveAndTheExtractedBatchesAlike() throws IOException {
    Map<String, byte[]> entries = RawFixtures.cifarEntries(12);
    Path archive = dir.resolve(CifarBinaryReader.ARCHIVE);
    Files.write(archive, RawFixtures.gzip(RawFixtures.tar(entries)));
    Path extracted = dir.resolve("x/cifar-10-batches-bin");
    Files.createDirectories(extracted);
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      Files.write(extracted.resolve(Path.of(e.getKey()).getFileName()), e.getValue());
    }

    RawImages fromArchive = CifarBinaryReader.read(dir);
    RawImages fromDir = CifarBinaryReader.read(dir.resolve("x"));
    assertThat(fromArchive.count()).isEqualTo(60);
    assertThat(fromArchive.pixelsPerImage()).isEqualTo(3072);
    byte[] batch2 = entries.get("cifar-10-batches-bin/data_batch_2.bin");
    // Image 12 is record 0 of data_batch_2: label byte then 3,072 pixel bytes.
    assertThat(fromArchive.label(12)).isEqualTo(batch2[0]);
    assertThat(fromArchive.pixel(12, 5)).isEqualTo(batch2[6] & 0xFF);
    for (int i = 0; i < 60; i++) {
      assertThat(fromDir.label(i)).isEqualTo(fromArchive.label(i));
      assertThat(fromDir.pixel(i, 3071)).isEqualTo(fromArchive.pixel(i, 3071));
    }
    assertThat(fromArchive.files()).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo(CifarBinaryReader.ARCHIVE);
      assertThat(f.bytes()).isEqualTo(Files.size(archive));
    });
    assertThat(fromDir.files()).hasSize(5);
  }

  @Test
  void truncatedArchiveNamesEntryAndOffset() throws IOException {
    byte[] tar = RawFixtures.tar(RawFixtures.cifarEntries(4));
    Path p = dir.resolve("cut.tar.gz");
    Files.write(p, RawFixtures.gzip(Arrays.copyOf(tar, 512 * 3 + 3000)));
    assertThatThrownBy(() -> CifarBinaryReader.read(p))
        .isInstanceOf(DataPrepException.class)
        .hasMessageContaining("archive " + p + " is truncated: entry cifar-10-batches-bin/data_batch_1.bin "
            + "(header at byte offset 1536) needs 12292 bytes, but the stream ends after 2488 of them, at offset 4536");
    byte[] gz = RawFixtures.gzip(tar);
    Path cutGzip = dir.resolve("cutgz.tar.gz");
    Files.write(cutGzip, Arrays.copyOf(gz, gz.length - 100));
    assertThatThrownBy(() -> CifarBinaryReader.read(cutGzip))
        .hasMessageContaining("cutgz.tar.gz is corrupt or truncated");
  }

  @Test
  void corruptHeaderIsRejected() throws IOException {
    byte[] tar = RawFixtures.tar(RawFixtures.cifarEntries(2));
    tar[512 + 10] ^= 0x11; // inside the second header's name
    Path p = dir.resolve("bad.tar");
    Files.write(p, tar);
    assertThatThrownBy(() -> CifarBinaryReader.read(p))
        .hasMessageContaining("archive " + p + " is corrupt: the tar header at byte offset 512 has a wrong checksum");
    Path notTar = dir.resolve("not.tar.gz");
    Files.write(notTar, RawFixtures.gzip(new byte[] {'h', 'e', 'l', 'l', 'o'}));
    assertThatThrownBy(() -> CifarBinaryReader.read(notTar))
        .hasMessageContaining("not.tar.gz holds no tar entries: it ends at byte offset 5 (is it a tar archive?)");
  }

  @Test
  void badRecordsAndLabelsAreReported() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(RawFixtures.cifarEntries(3));
    byte[] b3 = entries.get("cifar-10-batches-bin/data_batch_3.bin").clone();
    b3[2 * 3073] = 10;
    entries.put("cifar-10-batches-bin/data_batch_3.bin", b3);
    Path p = dir.resolve("labels.tar");
    Files.write(p, RawFixtures.tar(entries));
    assertThatThrownBy(() -> CifarBinaryReader.read(p))
        .hasMessageContaining("data_batch_3.bin in archive " + p
            + ": label 10 at byte offset 6146 (record 2) is out of range 0..9");

    Path d = dir.resolve("d");
    Files.createDirectories(d);
    for (int b = 1; b <= 5; b++) {
      Files.write(d.resolve("data_batch_" + b + ".bin"), RawFixtures.cifarBatch(3, b));
    }
    Files.write(d.resolve("data_batch_4.bin"), Arrays.copyOf(RawFixtures.cifarBatch(3, 4), 3 * 3073 - 5));
    assertThatThrownBy(() -> CifarBinaryReader.read(d))
        .hasMessageContaining("data_batch_4.bin has 9214 bytes, not a whole number of 3,073-byte records")
        .hasMessageContaining("the incomplete record 2 starts at byte offset 6146");
    Files.write(d.resolve("data_batch_4.bin"), RawFixtures.cifarBatch(2, 4));
    assertThatThrownBy(() -> CifarBinaryReader.read(d))
        .hasMessageContaining("data_batch_4.bin holds 2 records but")
        .hasMessageContaining("holds 3: all CIFAR-10 training batches hold the same number of records");
    Files.delete(d.resolve("data_batch_5.bin"));
    assertThatThrownBy(() -> CifarBinaryReader.read(d)).hasMessageContaining("lacks data_batch_5.bin");
  }

  @Test
  void pythonVersionIsRecognised() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("cifar-10-batches-py/data_batch_1", new byte[] {1, 2, 3});
    Path p = dir.resolve("py.tar.gz");
    Files.write(p, RawFixtures.gzip(RawFixtures.tar(entries)));
    assertThatThrownBy(() -> CifarBinaryReader.read(p))
        .hasMessageContaining("lacks data_batch_1.bin: it is the CIFAR-10 python version");
  }
}
