package org.automlzero.dataprep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads the training images of the CIFAR-10 "binary version": {@code data_batch_1.bin} ...
 * {@code data_batch_5.bin}, each a sequence of 3,073-byte records (1 label byte, then 1,024 red,
 * 1,024 green and 1,024 blue pixel bytes, row-major), either inside {@code cifar-10-binary.tar.gz}
 * or extracted into a directory. The published batches hold 10,000 records each; smaller batches
 * (for tests) are accepted when all five hold the same whole number of records.
 */
public final class CifarBinaryReader {
  public static final int PIXELS = 3072;
  public static final int RECORD = 1 + PIXELS;
  public static final int BATCHES = 5;
  /** The archive's file name on the CIFAR-10 site. */
  public static final String ARCHIVE = "cifar-10-binary.tar.gz";

  private CifarBinaryReader() {}

  /**
   * Reads from a {@code .tar.gz} / {@code .tar} file, or a directory holding the archive, the
   * extracted {@code data_batch_N.bin} files, or the {@code cifar-10-batches-bin} folder.
   */
  public static RawImages read(Path source) {
    if (Files.isRegularFile(source)) {
      return readArchive(source);
    }
    if (!Files.isDirectory(source)) {
      throw new DataPrepException("CIFAR-10 source " + source + " does not exist");
    }
    Path archive = source.resolve(ARCHIVE);
    if (Files.isRegularFile(archive)) {
      return readArchive(archive);
    }
    Path dir = Files.isDirectory(source.resolve("cifar-10-batches-bin")) ? source.resolve("cifar-10-batches-bin")
        : source;
    if (Files.isRegularFile(dir.resolve("data_batch_1.bin"))) {
      return readDirectory(dir);
    }
    throw new DataPrepException("CIFAR-10 source " + source + " holds neither " + ARCHIVE
        + " nor the extracted binary batches data_batch_1.bin .. data_batch_5.bin");
  }

  /** Reads the five training batches from extracted {@code .bin} files. */
  public static RawImages readDirectory(Path dir) {
    List<byte[]> batches = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<RawFile> files = new ArrayList<>();
    for (int b = 1; b <= BATCHES; b++) {
      Path file = dir.resolve("data_batch_" + b + ".bin");
      if (!Files.isRegularFile(file)) {
        throw new DataPrepException("CIFAR-10 directory " + dir + " lacks " + file.getFileName()
            + " (the binary version holds data_batch_1.bin .. data_batch_5.bin and test_batch.bin)");
      }
      try (RawInput in = RawInput.open(file)) {
        byte[] content = in.stream().readAllBytes();
        batches.add(content);
        names.add(file.toString());
        files.add(in.finish());
      } catch (IOException e) {
        throw new DataPrepException("file " + file + " cannot be read: " + e.getMessage(), e);
      }
    }
    return assemble(batches, names, files);
  }

  /** Reads the five training batches out of the (gzipped) tar archive, in one pass. */
  public static RawImages readArchive(Path archive) {
    TreeMap<Integer, byte[]> found = new TreeMap<>();
    boolean pythonVersion = false;
    RawFile file;
    try (RawInput in = RawInput.open(archive)) {
      TarArchive tar = new TarArchive(archive.toString(), in.stream());
      for (TarArchive.Entry e = tar.next(); e != null; e = tar.next()) {
        String base = e.baseName();
        if (base.matches("data_batch_[1-5]\\.bin")) {
          int b = base.charAt("data_batch_".length()) - '0';
          found.put(b, tar.readContent());
        } else if (base.matches("data_batch_[1-5]")) {
          pythonVersion = true;
        }
      }
      file = in.finish();
    }
    for (int b = 1; b <= BATCHES; b++) {
      if (!found.containsKey(b)) {
        throw new DataPrepException("archive " + archive + " lacks data_batch_" + b + ".bin"
            + (pythonVersion ? ": it is the CIFAR-10 python version; use the binary version (" + ARCHIVE + ")"
                : " (the CIFAR-10 binary version holds data_batch_1.bin .. data_batch_5.bin)"));
      }
    }
    List<String> names = new ArrayList<>();
    for (int b = 1; b <= BATCHES; b++) {
      names.add("data_batch_" + b + ".bin in archive " + archive);
    }
    return assemble(new ArrayList<>(found.values()), names, List.of(file));
  }

  private static RawImages assemble(List<byte[]> batches, List<String> names, List<RawFile> files) {
    int records = -1;
    for (int b = 0; b < batches.size(); b++) {
      int n = checkBatch(batches.get(b), names.get(b));
      if (records < 0) {
        records = n;
      } else if (n != records) {
        throw new DataPrepException(names.get(b) + " holds " + n + " records but " + names.get(0) + " holds "
            + records + ": all CIFAR-10 training batches hold the same number of records (10,000 in the published "
            + "set), so one of them is truncated or not a CIFAR-10 batch");
      }
    }
    int total = records * batches.size();
    byte[] pixels = new byte[total * PIXELS];
    byte[] labels = new byte[total];
    int i = 0;
    for (byte[] batch : batches) {
      for (int r = 0; r < records; r++, i++) {
        labels[i] = batch[r * RECORD];
        System.arraycopy(batch, r * RECORD + 1, pixels, i * PIXELS, PIXELS);
      }
    }
    return new RawImages("cifar10", PIXELS, pixels, labels, files);
  }

  /** Validates one batch's size and labels; returns its record count. */
  static int checkBatch(byte[] batch, String name) {
    if (batch.length == 0) {
      throw new DataPrepException(name + " is empty; a CIFAR-10 batch holds 3,073-byte records");
    }
    if (batch.length % RECORD != 0) {
      long whole = batch.length / RECORD;
      throw new DataPrepException(name + " has " + batch.length + " bytes, not a whole number of 3,073-byte records "
          + "(1 label byte + 3,072 pixel bytes): it is truncated or corrupt; the incomplete record " + whole
          + " starts at byte offset " + whole * RECORD);
    }
    int records = batch.length / RECORD;
    for (int r = 0; r < records; r++) {
      int label = batch[r * RECORD] & 0xFF;
      if (label > 9) {
        throw new DataPrepException(name + ": label " + label + " at byte offset " + (long) r * RECORD + " (record "
            + r + ") is out of range 0..9");
      }
    }
    return records;
  }

}
