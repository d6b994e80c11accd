package org.automlzero.dataprep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of POSIX/GNU tar streams (what {@code cifar-10-binary.tar.gz} is): regular
 * files, directories, GNU long names and pax path records. It checks each header's checksum and
 * fails, naming the archive and the byte offset, on a corrupt header or a stream that ends
 * inside an entry. Offsets count bytes of the uncompressed tar stream.
 */
final class TarReader {
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
  private final InputStream in;
  private long offset;
  private long pendingSkip;
  private Entry current;

  TarReader(String archive, InputStream in) {
    this.archive = archive;
    this.in = in;
  }

  /** The next regular file, or null at the end of the archive. */
  Entry next() {
    skipPending();
    String longName = null;
    while (true) {
      long headerOffset = offset;
      byte[] header = new byte[BLOCK];
      int got = readBlock(header);
      if (got == 0) {
        // Some writers omit the two zero end blocks; a stream that ends on a block boundary is complete.
        return null;
      }
      if (got < BLOCK) {
        throw new DataPrepException("archive " + archive + " is truncated: it ends at byte offset " + offset
            + " inside a tar header that starts at offset " + headerOffset);
      }
      if (isZero(header)) {
        return null;
      }
      checkChecksum(header, headerOffset);
      long size = parseSize(header, headerOffset);
      char type = (char) header[156];
      String name = longName != null ? longName : headerName(header);
      longName = null;
      switch (type) {
        case 'L' -> longName = trimNul(new String(readAll(size, "GNU long name", headerOffset),
            StandardCharsets.UTF_8));
        case 'x' -> longName = paxPath(new String(readAll(size, "pax header", headerOffset), StandardCharsets.UTF_8));
        case '0', '\0', '7' -> {
          current = new Entry(name, size, headerOffset);
          pendingSkip = padded(size);
          return current;
        }
        default -> {
          // Directories, links, global pax headers: nothing to read, skip any data.
          skipBytes(padded(size), name, headerOffset);
        }
      }
    }
  }

  /** Reads the whole content of the current entry (entries here are at most tens of MB). */
  byte[] readContent() {
    Entry e = current;
    if (e.size() > Integer.MAX_VALUE - 8) {
      throw new DataPrepException("archive " + archive + ": entry " + e.name() + " is too large (" + e.size()
          + " bytes)");
    }
    byte[] data = readAll(e.size(), "entry " + e.name(), e.headerOffset());
    pendingSkip = padded(e.size()) - e.size();
    current = null;
    return data;
  }

  private byte[] readAll(long size, String what, long headerOffset) {
    byte[] data = new byte[(int) size];
    int got = readFully(data, 0, data.length);
    if (got < size) {
      throw new DataPrepException("archive " + archive + " is truncated: " + what + " (header at byte offset "
          + headerOffset + ") needs " + size + " bytes, but the stream ends after " + got + " of them, at offset "
          + offset);
    }
    if (!what.startsWith("entry ")) {
      skipBytes(padded(size) - size, what, headerOffset);
    }
    return data;
  }

  private void skipPending() {
    if (pendingSkip > 0) {
      long n = pendingSkip;
      pendingSkip = 0;
      skipBytes(n, current != null ? current.name() : "padding", current != null ? current.headerOffset() : offset);
      current = null;
    }
  }

  private void skipBytes(long n, String name, long headerOffset) {
    byte[] buf = new byte[8192];
    long left = n;
    while (left > 0) {
      int got = readFully(buf, 0, (int) Math.min(buf.length, left));
      if (got == 0) {
        throw new DataPrepException("archive " + archive + " is truncated: entry " + name + " (header at byte offset "
            + headerOffset + ") ends early, at offset " + offset);
      }
      left -= got;
    }
  }

  private int readBlock(byte[] block) {
    return readFully(block, 0, BLOCK);
  }

  private int readFully(byte[] buf, int off, int len) {
    int total = 0;
    try {
      while (total < len) {
        int r = in.read(buf, off + total, len - total);
        if (r < 0) {
          break;
        }
        total += r;
      }
    } catch (IOException e) {
      throw new DataPrepException("archive " + archive + " cannot be read at byte offset " + (offset + total) + ": "
          + e.getMessage(), e);
    }
    offset += total;
    return total;
  }

  private void checkChecksum(byte[] header, long headerOffset) {
    long stored = parseOctal(header, 148, 8, "checksum", headerOffset);
    long unsigned = 0;
    for (int i = 0; i < BLOCK; i++) {
      unsigned += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xFF);
    }
    if (stored != unsigned) {
      throw new DataPrepException("archive " + archive + " is corrupt: the tar header at byte offset " + headerOffset
          + " has checksum " + stored + " but its bytes sum to " + unsigned + " (is it a tar archive?)");
    }
  }

  private long parseSize(byte[] header, long headerOffset) {
    if ((header[124] & 0x80) != 0) {
      // GNU base-256 for sizes beyond 8 GiB.
      long v = 0;
      for (int i = 125; i < 136; i++) {
        v = (v << 8) | (header[i] & 0xFF);
      }
      return v;
    }
    return parseOctal(header, 124, 12, "size", headerOffset);
  }

  private long parseOctal(byte[] header, int start, int len, String field, long headerOffset) {
    long v = 0;
    int end = start + len;
    int i = start;
    while (i < end && (header[i] == ' ' || header[i] == 0)) {
      i++;
    }
    for (; i < end; i++) {
      byte b = header[i];
      if (b == 0 || b == ' ') {
        break;
      }
      if (b < '0' || b > '7') {
        throw new DataPrepException("archive " + archive + " is corrupt: the tar header at byte offset " + headerOffset
            + " has a non-octal " + field + " field (is it a tar archive?)");
      }
      v = (v << 3) + (b - '0');
    }
    return v;
  }

  private static String headerName(byte[] header) {
    String name = cString(header, 0, 100);
    boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
        && header[261] == 'r';
    if (ustar) {
      String prefix = cString(header, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
    }
    return name;
  }

  private static String cString(byte[] b, int start, int len) {
    int end = start;
    while (end < start + len && b[end] != 0) {
      end++;
    }
    return new String(b, start, end - start, StandardCharsets.UTF_8);
  }

  private static String trimNul(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }

  /** The "path" record of a pax extended header, or null when it has none. */
  private static String paxPath(String records) {
    for (String line : records.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith("path=", space + 1)) {
        return line.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static long padded(long size) {
    return (size + BLOCK - 1) / BLOCK * BLOCK;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
