package org.automlzero.dataprep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The raw image data sets that preparation reads: their names in the task data set, image
 * sizes, training files, and official download locations with published MD5 checksums.
 * Only the training images are used, as in the original's generate_datasets.py.
 */
public enum ImageDataset {
  CIFAR10("cifar10", 32, 32, 3,
      List.of("https://www.cs.toronto.edu/~kriz/"),
      Map.of(CifarBinaryReader.ARCHIVE, "c32a1d4ab5d03f1284b67883e8d87530")),
  MNIST("mnist", 28, 28, 1,
      // The first is the original site (often refuses downloads now); the second is the mirror
      // torchvision uses. Either is checked against the same published checksums.
      List.of("https://yann.lecun.com/exdb/mnist/", "https://ossci-datasets.s3.amazonaws.com/mnist/"),
      Map.of("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873",
          "train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432")),
  FASHION_MNIST("fashion_mnist", 28, 28, 1,
      List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
      Map.of("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
          "train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"));

  private final String id;
  private final int rows;
  private final int columns;
  private final int channels;
  private final List<String> defaultLocations;
  private final Map<String, String> publishedMd5;

  ImageDataset(String id, int rows, int columns, int channels, List<String> defaultLocations,
      Map<String, String> publishedMd5) {
    this.id = id;
    this.rows = rows;
    this.columns = columns;
    this.channels = channels;
    this.defaultLocations = defaultLocations;
    this.publishedMd5 = publishedMd5;
  }

  /** The name used in the task data set's {@code dataset=} partition and on the command line. */
  public String id() {
    return id;
  }

  /** Flattened pixels per image (the projection's input size). */
  public int pixels() {
    return rows * columns * channels;
  }

  /** Base URLs tried in order when no source is given. */
  public List<String> defaultLocations() {
    return defaultLocations;
  }

  /** The files to download, in order, with their published MD5 checksums. */
  public List<String> downloadFiles() {
    return switch (this) {
      case CIFAR10 -> List.of(CifarBinaryReader.ARCHIVE);
      case MNIST, FASHION_MNIST -> List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
    };
  }

  /** The published MD5 of an official file, or null. */
  public String publishedMd5(String fileName) {
    return publishedMd5.get(fileName);
  }

  public static ImageDataset parse(String text) {
    for (ImageDataset d : values()) {
      if (d.id.equals(text)) {
        return d;
      }
    }
    throw new DataPrepException("--dataset '" + text + "' is unknown: use cifar10, mnist or fashion_mnist");
  }

  /** Reads the training images from a local file or directory. */
  public RawImages read(Path source) {
    return switch (this) {
      case CIFAR10 -> CifarBinaryReader.read(source);
      case MNIST, FASHION_MNIST -> {
        if (!Files.isDirectory(source)) {
          throw new DataPrepException(id + " source " + source + " is not a directory: it must hold "
              + "train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz]");
        }
        Path images = find(source, "train-images-idx3-ubyte", "train-images.idx3-ubyte");
        Path labels = find(source, "train-labels-idx1-ubyte", "train-labels.idx1-ubyte");
        RawImages raw = IdxReader.read(id, images, labels, rows, columns);
        yield raw;
      }
    };
  }

  private static Path find(Path dir, String... stems) {
    for (String stem : stems) {
      for (String name : List.of(stem + ".gz", stem)) {
        Path p = dir.resolve(name);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    }
    throw new DataPrepException("directory " + dir + " lacks " + stems[0] + ".gz (or " + stems[0]
        + "): the IDX training file");
  }
}
