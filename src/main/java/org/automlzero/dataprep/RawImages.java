package org.automlzero.dataprep;

import java.io.Serializable;
import java.util.List;

/**
 * The training images of a raw data set, read once on the driver and broadcast: {@code count}
 * images of {@code pixelsPerImage} unsigned bytes each, flattened in file order (image i is
 * {@code [i*pixels, (i+1)*pixels)}), their labels 0..9, and the raw files they came from.
 */
public final class RawImages implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String dataset;
  private final int pixelsPerImage;
  private final byte[] pixels;
  private final byte[] labels;
  private final List<RawFile> files;

  public RawImages(String dataset, int pixelsPerImage, byte[] pixels, byte[] labels, List<RawFile> files) {
    if (pixelsPerImage <= 0) {
      throw new IllegalArgumentException("pixels per image must be > 0, but was " + pixelsPerImage);
    }
    if ((long) labels.length * pixelsPerImage != pixels.length) {
      throw new IllegalArgumentException(dataset + ": " + pixels.length + " pixel bytes do not hold " + labels.length
          + " images of " + pixelsPerImage + " pixels");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] > 9) {
        throw new IllegalArgumentException(dataset + ": label of image " + i + " is " + labels[i] + ", not in 0..9");
      }
    }
    this.dataset = dataset;
    this.pixelsPerImage = pixelsPerImage;
    this.pixels = pixels;
    this.labels = labels;
    this.files = List.copyOf(files);
  }

  public String dataset() {
    return dataset;
  }

  public int pixelsPerImage() {
    return pixelsPerImage;
  }

  public int count() {
    return labels.length;
  }

  /** Label of image i, 0..9. */
  public int label(int i) {
    return labels[i];
  }

  /** Pixel p of image i as 0..255. */
  public int pixel(int i, int p) {
    return pixels[i * pixelsPerImage + p] & 0xFF;
  }

  /** The flat pixel bytes (read only by contract). */
  byte[] pixelBytes() {
    return pixels;
  }

  public List<RawFile> files() {
    return files;
  }

  /** Positions of the images of one class, in file order. */
  public int[] indicesOf(int label) {
    int n = 0;
    for (byte l : labels) {
      if (l == label) {
        n++;
      }
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == label) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** Number of images per class 0..9. */
  public int[] classCounts() {
    int[] counts = new int[10];
    for (byte l : labels) {
      counts[l]++;
    }
    return counts;
  }
}
