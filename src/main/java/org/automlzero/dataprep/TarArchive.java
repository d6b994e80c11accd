package org.automlzero.dataprep;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * The regular files of a tar stream (what {@code cifar-10-binary.tar.gz} is), read with Apache
 * Commons Compress (GNU long names and pax records included). On top of it: each entry's header
 * checksum is verified (Commons Compress reads headers leniently), and a stream that is not a tar
 * archive, or ends inside an entry, fails with a {@link DataPrepException} naming the archive,
 * the entry and the byte offset. Offsets count bytes of the uncompressed tar stream.
 */
final class TarArchive {
  private static final int BLOCK = 512;

  /** One regular file of the archive; read its content with {@link #readContent} before the next call. */
  record Entry(String name, long size, long headerOffset) {
    /** The part of the name after the last '/'. */
    String baseName() {
      int slash = name.lastIndexOf('/');
      return slash < 0 ? name : name.substring(slash + 1);
    }
  }

  private final String archive;
  private final Counting counted;
  private final TarArchiveInputStream tar;
  private Entry current;
  private int entries;

  TarArchive(String archive, InputStream in) {
    this.archive = archive;
    this.counted = new Counting(in);
    this.tar = new TarArchiveInputStream(counted);
  }

  /** The next regular file, or null at the end of the archive. */
  Entry next() {
    while (true) {
      TarArchiveEntry e;
      try {
        e = tar.getNextEntry();
      } catch (IOException ex) {
        throw new DataPrepException("archive " + archive + " is corrupt or truncated near byte offset "
            + counted.position + " of the tar stream: " + ex.getMessage(), ex);
      }
      if (e == null) {
        if (entries == 0) {
          throw new DataPrepException("archive " + archive + " holds no tar entries: it ends at byte offset "
              + counted.position + " (is it a tar archive?)");
        }
        current = null;
        return null;
      }
      entries++;
      // Commons Compress reads a header as one 512-byte block right before the entry's data: the last
      // block the stream gave is that header.
      long headerOffset = counted.position - BLOCK;
      if (!TarUtils.verifyCheckSum(counted.lastBlock())) {
        throw new DataPrepException("archive " + archive + " is corrupt: the tar header at byte offset "
            + headerOffset + " has a wrong checksum (is it a tar archive?)");
      }
      if (e.isFile()) {
        current = new Entry(e.getName(), e.getSize(), headerOffset);
        return current;
      }
    }
  }

  /** The content of the entry {@link #next} returned. */
  byte[] readContent() {
    Entry e = current;
    if (e.size() > Integer.MAX_VALUE - 16) {
      throw new DataPrepException("archive " + archive + ": entry " + e.name() + " is too large (" + e.size()
          + " bytes)");
    }
    byte[] content = new byte[(int) e.size()];
    int got = 0;
    try {
      while (got < content.length) {
        int n = tar.read(content, got, content.length - got);
        if (n < 0) {
          break;
        }
        got += n;
      }
    } catch (IOException ex) {
      // "Truncated TAR archive": reported below with the count.
    }
    if (got < content.length) {
      throw new DataPrepException("archive " + archive + " is truncated: entry " + e.name() + " (header at byte "
          + "offset " + e.headerOffset() + ") needs " + e.size() + " bytes, but the stream ends after " + got
          + " of them, at offset " + counted.position);
    }
    return content;
  }

  /** Counts the bytes read and keeps the last 512 of them. */
  private static final class Counting extends FilterInputStream {
    private final byte[] ring = new byte[BLOCK];
    long position;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        ring[(int) (position++ % BLOCK)] = (byte) b;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      for (int i = 0; i < n; i++) {
        ring[(int) (position++ % BLOCK)] = b[off + i];
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Read instead of skipping, so that the count and the last block stay right.
      byte[] buf = new byte[(int) Math.min(n, 8192)];
      long done = 0;
      while (done < n) {
        int r = read(buf, 0, (int) Math.min(buf.length, n - done));
        if (r < 0) {
          break;
        }
        done += r;
      }
      return done;
    }

    /** The last 512 bytes read, in order (valid once 512 bytes were read). */
    byte[] lastBlock() {
      byte[] out = new byte[BLOCK];
      int start = (int) (position % BLOCK);
      System.arraycopy(ring, start, out, 0, BLOCK - start);
      System.arraycopy(ring, 0, out, BLOCK - start, start);
      return out;
    }
  }
}
