package org.automlzero.dataprep;

import java.io.Serializable;

/** One raw input file as the manifest records it: its name, size in bytes and SHA-256. */
public record RawFile(String name, long bytes, String sha256) implements Serializable {
  public RawFile {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("raw file name must not be empty");
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("raw file " + name + ": size must be >= 0, but was " + bytes);
    }
  }
}
