package org.automlzero.dataprep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.automlzero.core.random.Rng;

/** Small raw files in the exact published formats (IDX, CIFAR-10 binary batches, tar.gz), made by the tests. */
final class RawFixtures {
  private RawFixtures() {}

  /** Labels cycling 0..9; pixels noisy around a class-dependent pattern, so classes are separable. */
  static byte[] labels(int count) {
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) ((i * 7 + i / 10) % 10);
    }
    return labels;
  }

  static byte[] pixels(byte[] labels, int pixels, long seed) {
    Rng rng = Rng.derive(seed, "test-pixels");
    byte[] out = new byte[labels.length * pixels];
    for (int i = 0; i < labels.length; i++) {
      for (int p = 0; p < pixels; p++) {
        int base = ((p + 1) * (labels[i] + 3) * 37) % 200;
        int v = base + rng.nextInt(56);
        out[i * pixels + p] = (byte) (p % 5 == 0 ? 0 : v);
      }
    }
    return out;
  }

  static byte[] idxImages(int count, int rows, int columns, byte[] pixels) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    writeInt(b, IdxReader.IMAGES_MAGIC);
    writeInt(b, count);
    writeInt(b, rows);
    writeInt(b, columns);
    b.writeBytes(pixels);
    return b.toByteArray();
  }

  static byte[] idxLabels(byte[] labels) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    writeInt(b, IdxReader.LABELS_MAGIC);
    writeInt(b, labels.length);
    b.writeBytes(labels);
    return b.toByteArray();
  }

  /** Writes train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz (28x28) into dir. */
  static void writeMnist(Path dir, int count, long seed) throws IOException {
    Files.createDirectories(dir);
    byte[] labels = labels(count);
    byte[] pixels = pixels(labels, 784, seed);
    Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(count, 28, 28, pixels)));
    Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(labels)));
  }

  /** One CIFAR-10 binary batch of the given records. */
  static byte[] cifarBatch(int records, long seed) {
    byte[] labels = labels(records);
    byte[] pixels = pixels(labels, CifarBinaryReader.PIXELS, seed);
    byte[] out = new byte[records * CifarBinaryReader.RECORD];
    for (int r = 0; r < records; r++) {
      out[r * CifarBinaryReader.RECORD] = labels[r];
      System.arraycopy(pixels, r * CifarBinaryReader.PIXELS, out, r * CifarBinaryReader.RECORD + 1,
          CifarBinaryReader.PIXELS);
    }
    return out;
  }

  /** The layout of cifar-10-binary.tar.gz: cifar-10-batches-bin/ with meta, five data batches, test batch. */
  static Map<String, byte[]> cifarEntries(int recordsPerBatch) {
    java.util.LinkedHashMap<String, byte[]> entries = new java.util.LinkedHashMap<>();
    entries.put("cifar-10-batches-bin/batches.meta.txt",
        "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n".getBytes(StandardCharsets.US_ASCII));
    for (int b = 1; b <= 5; b++) {
      entries.put("cifar-10-batches-bin/data_batch_" + b + ".bin", cifarBatch(recordsPerBatch, b));
    }
    entries.put("cifar-10-batches-bin/test_batch.bin", cifarBatch(recordsPerBatch, 6));
    entries.put("cifar-10-batches-bin/readme.html", "<html></html>".getBytes(StandardCharsets.US_ASCII));
    return entries;
  }

  /** A POSIX ustar archive of the entries (directory entry first, as tar writes it). */
  static byte[] tar(Map<String, byte[]> entries) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(tarHeader("cifar-10-batches-bin/", 0, '5'));
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      b.writeBytes(tarHeader(e.getKey(), e.getValue().length, '0'));
      b.writeBytes(e.getValue());
      int pad = (512 - e.getValue().length % 512) % 512;
      b.writeBytes(new byte[pad]);
    }
    b.writeBytes(new byte[1024]);
    return b.toByteArray();
  }

  static byte[] tarHeader(String name, long size, char type) {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0001750");
    put(h, 116, "0001750");
    put(h, 124, String.format("%011o", size));
    put(h, 136, String.format("%011o", 1262300000L));
    h[156] = (byte) type;
    put(h, 257, "ustar");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte x : h) {
      sum += x & 0xFF;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream g = new GZIPOutputStream(b)) {
      g.write(data);
    }
    return b.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream b, int v) {
    b.write(v >>> 24);
    b.write(v >>> 16);
    b.write(v >>> 8);
    b.write(v);
  }
}
