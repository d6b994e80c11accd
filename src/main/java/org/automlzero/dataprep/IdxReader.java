package org.automlzero.dataprep;

import java.nio.file.Path;

/**
 * Reads MNIST-style IDX files (gzipped or not): unsigned-byte images (magic 2051, then count,
 * rows, columns as big-endian ints) and labels (magic 2049, then count). Every problem names
 * the file and the byte offset (of the decompressed content for gzipped files).
 */
public final class IdxReader {
  /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
  public static final int IMAGES_MAGIC = 2051;
  /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
  public static final int LABELS_MAGIC = 2049;

  private IdxReader() {}

  /** The images of one IDX file, flattened row-major, and the file's record. */
  public record Images(RawFile file, int count, int rows, int columns, byte[] pixels) {}

  /** The labels of one IDX file and the file's record. */
  public record Labels(RawFile file, byte[] labels) {}

  public static Images readImages(Path path) {
    try (RawInput in = RawInput.open(path)) {
      int magic = in.readInt("magic number");
      if (magic != IMAGES_MAGIC) {
        throw new DataPrepException("file " + in.name() + ": magic number " + magic + " at byte offset 0 is not "
            + IMAGES_MAGIC + " (IDX unsigned-byte images)" + (magic == LABELS_MAGIC ? "; it is a labels file" : ""));
      }
      int count = in.readInt("image count");
      int rows = in.readInt("rows");
      int columns = in.readInt("columns");
      if (count < 0 || rows <= 0 || columns <= 0) {
        throw new DataPrepException("file " + in.name() + ": header says " + count + " images of " + rows + "x"
            + columns + " pixels (offsets 4..15); the count must be >= 0 and the sizes > 0");
      }
      long total = (long) count * rows * columns;
      if (total > Integer.MAX_VALUE - 16) {
        throw new DataPrepException("file " + in.name() + ": header says " + count + " images of " + rows + "x"
            + columns + " pixels, more than this reader holds in memory (2 GiB)");
      }
      byte[] pixels = new byte[(int) total];
      int got = in.read(pixels, 0, pixels.length);
      if (got < pixels.length) {
        throw new DataPrepException("file " + in.name() + " is truncated: the header announces " + count + " images of "
            + rows + "x" + columns + " (" + (16 + total) + " bytes), but the data ends at " + in.offsetWord() + " "
            + in.position() + " (inside image " + (got / (rows * columns)) + ")");
      }
      if (!in.atEnd()) {
        throw new DataPrepException("file " + in.name() + " has unexpected bytes after the " + count
            + " images announced in its header, from " + in.offsetWord() + " " + in.position());
      }
      return new Images(in.finish(), count, rows, columns, pixels);
    }
  }

  public static Labels readLabels(Path path) {
    try (RawInput in = RawInput.open(path)) {
      int magic = in.readInt("magic number");
      if (magic != LABELS_MAGIC) {
        throw new DataPrepException("file " + in.name() + ": magic number " + magic + " at byte offset 0 is not "
            + LABELS_MAGIC + " (IDX unsigned-byte labels)" + (magic == IMAGES_MAGIC ? "; it is an images file" : ""));
      }
      int count = in.readInt("label count");
      if (count < 0) {
        throw new DataPrepException("file " + in.name() + ": header says " + count
            + " labels (offset 4); the count must be >= 0");
      }
      byte[] labels = new byte[count];
      int got = in.read(labels, 0, count);
      if (got < count) {
        throw new DataPrepException("file " + in.name() + " is truncated: the header announces " + count + " labels ("
            + (8L + count) + " bytes), but the data ends at " + in.offsetWord() + " " + in.position());
      }
      for (int i = 0; i < count; i++) {
        int label = labels[i] & 0xFF;
        if (label > 9) {
          throw new DataPrepException("file " + in.name() + ": label " + label + " at " + in.offsetWord() + " "
              + (8 + i) + " (example " + i + ") is out of range 0..9");
        }
      }
      if (!in.atEnd()) {
        throw new DataPrepException("file " + in.name() + " has unexpected bytes after the " + count
            + " labels announced in its header, from " + in.offsetWord() + " " + in.position());
      }
      return new Labels(in.finish(), labels);
    }
  }

  /**
   * Reads an images file and its labels file as one data set, checking that the counts agree
   * and the images have the expected size.
   */
  public static RawImages read(String dataset, Path imagesPath, Path labelsPath, int rows, int columns) {
    Images images = readImages(imagesPath);
    if (images.rows() != rows || images.columns() != columns) {
      throw new DataPrepException("file " + imagesPath + " holds " + images.rows() + "x" + images.columns()
          + " images, but " + dataset + " images are " + rows + "x" + columns);
    }
    Labels labels = readLabels(labelsPath);
    if (labels.labels().length != images.count()) {
      throw new DataPrepException("file " + labelsPath + " holds " + labels.labels().length + " labels but "
          + imagesPath + " holds " + images.count() + " images: an images file and its labels file must agree");
    }
    return new RawImages(dataset, rows * columns, images.pixels(), labels.labels(),
        java.util.List.of(images.file(), labels.file()));
  }
}
