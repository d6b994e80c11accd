package org.automlzero.dataprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  private Path write(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  @Test
  void readsGzippedAndPlainImagesAndLabels() throws IOException {
    byte[] labels = RawFixtures.labels(30);
    byte[] pixels = RawFixtures.pixels(labels, 784, 1);
    Path gz = write("train-images-idx3-ubyte.gz", RawFixtures.gzip(RawFixtures.idxImages(30, 28, 28, pixels)));
    Path plain = write("train-images-idx3-ubyte", RawFixtures.idxImages(30, 28, 28, pixels));
    Path lab = write("train-labels-idx1-ubyte.gz", RawFixtures.gzip(RawFixtures.idxLabels(labels)));

    IdxReader.Images a = IdxReader.readImages(gz);
    IdxReader.Images b = IdxReader.readImages(plain);
    assertThat(a.count()).isEqualTo(30);
    assertThat(a.rows()).isEqualTo(28);
    assertThat(a.pixels()).isEqualTo(pixels).isEqualTo(b.pixels());
    assertThat(a.file().bytes()).isEqualTo(Files.size(gz));
    assertThat(a.file().sha256()).hasSize(64).isNotEqualTo(b.file().sha256());
    assertThat(IdxReader.readLabels(lab).labels()).isEqualTo(labels);

    RawImages raw = IdxReader.read("mnist", gz, lab, 28, 28);
    assertThat(raw.count()).isEqualTo(30);
    assertThat(raw.pixel(3, 10)).isEqualTo(pixels[3 * 784 + 10] & 0xFF);
    assertThat(raw.files()).extracting(RawFile::name)
        .containsExactly("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
  }

  @Test
  void wrongMagicNamesFileAndOffset() throws IOException {
    Path labelsAsImages = write("x-images", RawFixtures.idxLabels(RawFixtures.labels(5)));
    assertThatThrownBy(() -> IdxReader.readImages(labelsAsImages))
        .isInstanceOf(DataPrepException.class)
        .hasMessageContaining("x-images")
        .hasMessageContaining("magic number 2049 at byte offset 0 is not 2051")
        .hasMessageContaining("it is a labels file");
    Path junk = write("junk-labels", new byte[] {1, 2, 3, 4, 0, 0, 0, 0});
    assertThatThrownBy(() -> IdxReader.readLabels(junk))
        .hasMessageContaining("magic number 16909060 at byte offset 0 is not 2049");
  }

  @Test
  void truncatedImagesNameTheOffset() throws IOException {
    byte[] full = RawFixtures.idxImages(4, 28, 28, new byte[4 * 784]);
    Path p = write("imgs.gz", RawFixtures.gzip(Arrays.copyOf(full, 16 + 2 * 784 + 100)));
    assertThatThrownBy(() -> IdxReader.readImages(p))
        .hasMessageContaining("imgs.gz is truncated")
        .hasMessageContaining("announces 4 images of 28x28 (3152 bytes)")
        .hasMessageContaining("ends at decompressed byte offset 1684 (inside image 2)");
    Path header = write("short", Arrays.copyOf(full, 10));
    assertThatThrownBy(() -> IdxReader.readImages(header))
        .hasMessageContaining("short is truncated: it ends at byte offset 10 inside the header field 'rows' that starts at offset 8");
  }

  @Test
  void corruptGzipIsReported() throws IOException {
    byte[] gz = RawFixtures.gzip(RawFixtures.idxImages(50, 28, 28, RawFixtures.pixels(RawFixtures.labels(50), 784, 2)));
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    Path truncated = write("cut.gz", cut);
    assertThatThrownBy(() -> IdxReader.readImages(truncated))
        .hasMessageContaining("cut.gz is corrupt or truncated: its gzip stream breaks near decompressed byte offset");
    byte[] flipped = gz.clone();
    for (int i = 20; i < 60; i++) {
      flipped[i] ^= 0x5A;
    }
    Path corrupt = write("corrupt.gz", flipped);
    assertThatThrownBy(() -> IdxReader.readImages(corrupt)).isInstanceOf(DataPrepException.class)
        .hasMessageContaining("corrupt.gz");
  }

  @Test
  void labelOutOfRangeNamesOffsetAndExample() throws IOException {
    byte[] labels = RawFixtures.labels(20);
    labels[13] = 12;
    Path p = write("labels", RawFixtures.idxLabels(labels));
    assertThatThrownBy(() -> IdxReader.readLabels(p))
        .hasMessageContaining("labels: label 12 at byte offset 21 (example 13) is out of range 0..9");
  }

  @Test
  void countsMustAgreeAndTrailingBytesAreRejected() throws IOException {
    byte[] labels = RawFixtures.labels(10);
    Path images = write("i", RawFixtures.idxImages(10, 28, 28, RawFixtures.pixels(labels, 784, 3)));
    Path fewer = write("l", RawFixtures.idxLabels(Arrays.copyOf(labels, 9)));
    assertThatThrownBy(() -> IdxReader.read("mnist", images, fewer, 28, 28))
        .hasMessageContaining("holds 9 labels but " + images + " holds 10 images");
    byte[] extra = Arrays.copyOf(RawFixtures.idxLabels(labels), 19);
    Path trailing = write("t", extra);
    assertThatThrownBy(() -> IdxReader.readLabels(trailing))
        .hasMessageContaining("unexpected bytes after the 10 labels announced in its header, from byte offset 18");
    Path small = write("s", RawFixtures.idxImages(2, 8, 8, new byte[128]));
    assertThatThrownBy(() -> IdxReader.read("mnist", small, write("l2", RawFixtures.idxLabels(new byte[2])), 28, 28))
        .hasMessageContaining("holds 8x8 images, but mnist images are 28x28");
  }
}
