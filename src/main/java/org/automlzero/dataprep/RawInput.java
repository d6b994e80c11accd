package org.automlzero.dataprep;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A raw file opened for reading: gunzipped when it starts with the gzip magic bytes, hashed
 * (SHA-256 of the bytes on disk) while read, and counting the content bytes consumed so that
 * every error can name the byte offset where it happened.
 */
final class RawInput implements AutoCloseable {
  private final Path path;
  private final String name;
  private final MessageDigest digest;
  private final InputStream fileStream;
  private final InputStream content;
  private final boolean gzipped;
  private long position;

  private RawInput(Path path, String name) throws IOException {
    this.path = path;
    this.name = name;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
    this.fileStream = new DigestInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16), digest);
    fileStream.mark(2);
    int b0 = fileStream.read();
    int b1 = fileStream.read();
    fileStream.reset();
    this.gzipped = b0 == 0x1f && b1 == 0x8b;
    InputStream in = fileStream;
    if (gzipped) {
      in = new BufferedInputStream(new GZIPInputStream(fileStream, 1 << 16), 1 << 16);
    }
    this.content = in;
  }

  /** Opens a file; a missing or unreadable file is a user error naming it. */
  static RawInput open(Path path) {
    try {
      return new RawInput(path, path.toString());
    } catch (NoSuchFileException e) {
      throw new DataPrepException("file " + path + " does not exist");
    } catch (ZipException | EOFException e) {
      throw new DataPrepException("file " + path + " is not a valid gzip file (corrupt header): " + e.getMessage());
    } catch (IOException e) {
      throw new DataPrepException("file " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  /** Content bytes consumed so far (after decompression for gzipped files). */
  long position() {
    return position;
  }

  /** Where an offset is: in the file, or in its decompressed content. */
  String offsetWord() {
    return gzipped ? "decompressed byte offset" : "byte offset";
  }

  /** Reads up to n bytes into buf; returns how many were read (fewer only at end of data). */
  int read(byte[] buf, int off, int n) {
    try {
      int total = 0;
      while (total < n) {
        int r = content.read(buf, off + total, n - total);
        if (r < 0) {
          break;
        }
        total += r;
      }
      position += total;
      return total;
    } catch (ZipException | EOFException e) {
      throw new DataPrepException("file " + name + " is corrupt or truncated: its gzip stream breaks near "
          + "decompressed byte offset " + position + " (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new DataPrepException("file " + name + " cannot be read at " + offsetWord() + " " + position + ": "
          + e.getMessage(), e);
    }
  }

  /** Reads a big-endian int, failing with the offset when the content ends first. */
  int readInt(String what) {
    byte[] b = new byte[4];
    long at = position;
    if (read(b, 0, 4) < 4) {
      throw new DataPrepException("file " + name + " is truncated: it ends at " + offsetWord() + " " + position
          + " inside the header field '" + what + "' that starts at offset " + at);
    }
    return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
  }

  /** True when no content byte is left. */
  boolean atEnd() {
    try {
      return content.read() < 0;
    } catch (ZipException | EOFException e) {
      throw new DataPrepException("file " + name + " is corrupt or truncated: its gzip stream breaks near "
          + "decompressed byte offset " + position + " (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new DataPrepException("file " + name + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The content stream, for readers that parse containers (tar) themselves. */
  InputStream stream() {
    return new InputStream() {
      @Override
      public int read() {
        byte[] one = new byte[1];
        return RawInput.this.read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (len == 0) {
          return 0;
        }
        int r = RawInput.this.read(b, off, len);
        return r == 0 ? -1 : r;
      }
    };
  }

  /**
   * Finishes hashing (reads whatever the parser left, so the hash covers the whole file) and
   * returns the file's record.
   */
  RawFile finish() {
    try {
      byte[] skip = new byte[1 << 16];
      while (fileStream.read(skip) >= 0) {
        // drain: the checksum covers the whole file on disk
      }
      return new RawFile(path.getFileName().toString(), Files.size(path), HexFormat.of().formatHex(digest.digest()));
    } catch (IOException e) {
      throw new DataPrepException("file " + name + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      content.close();
    } catch (IOException e) {
      // closing a read-only stream: nothing to recover
    }
  }
}
