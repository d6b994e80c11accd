package org.automlzero.dataprep;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automlzero.core.io.AtomicFiles;

/**
 * Downloads raw data set files into a cache directory, the only place the project downloads
 * anything. A file appears under its own name only after its MD5 matched the expected one;
 * until then it is {@code NAME.part} (with {@code NAME.part.source} recording the URL and the
 * server's validator), which a later attempt or run resumes with an HTTP Range request, or
 * restarts cleanly when the server cannot resume. Progress goes to the log (stderr).
 */
public final class Downloader {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

  private final Path cache;
  private final PrintStream log;
  private final int attempts;
  private final long retryDelayMillis;
  private final long progressIntervalMillis;

  public Downloader(Path cache, PrintStream log, int attempts, long retryDelayMillis, long progressIntervalMillis) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, but was " + attempts);
    }
    this.cache = cache;
    this.log = log;
    this.attempts = attempts;
    this.retryDelayMillis = retryDelayMillis;
    this.progressIntervalMillis = progressIntervalMillis;
  }

  /** A server or network failure that another attempt or mirror might not have. */
  static final class TransferException extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean retryable;

    TransferException(String message, boolean retryable) {
      super(message);
      this.retryable = retryable;
    }
  }

  /**
   * Returns the cached, verified copy of {@code fileName}, downloading it from {@code url}
   * first when needed.
   *
   * @throws DataPrepException on a checksum mismatch, a server error or repeated interruptions
   */
  public Path fetch(String url, String fileName, String expectedMd5) {
    if (expectedMd5 == null || !expectedMd5.matches("[0-9a-fA-F]{32}")) {
      throw new DataPrepException("no published MD5 checksum is known for " + fileName + " (from " + url
          + "); pass --md5 " + fileName + "=<32 hex digits> to download it");
    }
    String expected = expectedMd5.toLowerCase(Locale.ROOT);
    try {
      Files.createDirectories(cache);
    } catch (IOException e) {
      throw new DataPrepException("--cache " + cache + " cannot be created: " + e.getMessage(), e);
    }
    Path target = cache.resolve(fileName);
    Path lockFile = cache.resolve(fileName + ".lock");
    try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockChannel, lockFile)) {
      if (Files.isRegularFile(target)) {
        String md5 = md5(target);
        if (md5.equals(expected)) {
          log.println("download: using cached " + target + " (MD5 verified)");
          return target;
        }
        log.println("download: cached " + target + " has MD5 " + md5 + ", expected " + expected
            + "; downloading it again");
        Files.delete(target);
      }
      return download(url, target, expected);
    } catch (IOException e) {
      throw new DataPrepException("cannot use the download cache " + cache + ": " + e.getMessage(), e);
    }
  }

  private static FileLock tryLock(FileChannel channel, Path lockFile) throws IOException {
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new DataPrepException("another process is downloading into " + lockFile.getParent() + " (it holds "
            + lockFile + "); wait for it to finish");
      }
      return lock;
    } catch (OverlappingFileLockException e) {
      throw new DataPrepException("this process is already downloading " + lockFile + "; wait for it to finish");
    }
  }

  private Path download(String url, Path target, String expected) throws IOException {
    Path part = target.resolveSibling(target.getFileName() + ".part");
    Path source = target.resolveSibling(target.getFileName() + ".part.source");
    // A partial file from another URL is not resumable from this one.
    if (Files.exists(part) && !(Files.exists(source) && readSource(source)[0].equals(url))) {
      Files.deleteIfExists(part);
    }
    String lastError = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        transfer(url, part, source);
        String md5 = md5(part);
        if (!md5.equals(expected)) {
          Files.deleteIfExists(part);
          Files.deleteIfExists(source);
          throw DataPrepException.failure("checksum mismatch for " + url + ": MD5 " + md5 + ", expected " + expected
              + " (the published checksum); the downloaded file was deleted. The server may serve a different or "
              + "damaged file", null);
        }
        AtomicFiles.moveIntoPlace(part, target);
        Files.deleteIfExists(source);
        log.println("download: " + target.getFileName() + " complete, MD5 verified (" + Files.size(target)
            + " bytes)");
        return target;
      } catch (TransferException | IOException e) {
        lastError = e instanceof TransferException ? e.getMessage() : "I/O error during the transfer: " + e;
        if (e instanceof TransferException t && !t.retryable) {
          throw DataPrepException.failure("download of " + url + " failed: " + lastError, null);
        }
        if (attempt < attempts) {
          long have = Files.exists(part) ? Files.size(part) : 0;
          log.println("download: " + lastError + "; retrying (attempt " + (attempt + 1) + " of " + attempts
              + (have > 0 ? ", resuming at byte " + have : "") + ")");
          sleep(retryDelayMillis * attempt);
        }
      }
    }
    long have = Files.exists(part) ? Files.size(part) : 0;
    throw DataPrepException.failure("download of " + url + " failed after " + attempts + " attempts: " + lastError
        + (have > 0 ? "; the partial file " + part + " (" + have + " bytes) is kept and the next run resumes it" : ""),
        null);
  }

  /** One HTTP exchange that appends to (or restarts) the partial file until the server's end. */
  private void transfer(String url, Path part, Path source) throws IOException, TransferException {
    long have = Files.exists(part) ? Files.size(part) : 0;
    String validator = have > 0 && Files.exists(source) ? readSource(source)[1] : "";
    HttpURLConnection c = open(url, have, validator);
    try {
      int code = c.getResponseCode();
      long total;
      boolean append;
      if (code == HttpURLConnection.HTTP_PARTIAL && have > 0) {
        Matcher m = CONTENT_RANGE.matcher(String.valueOf(c.getHeaderField("Content-Range")));
        if (!m.matches() || Long.parseLong(m.group(1)) != have) {
          Files.deleteIfExists(part);
          throw new TransferException("the server answered the resume request for " + url + " with Content-Range "
              + c.getHeaderField("Content-Range") + " instead of bytes " + have + "-; restarting", true);
        }
        total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
        append = true;
        log.println("download: resuming " + part.getFileName() + " at byte " + have);
      } else if (code == HttpURLConnection.HTTP_OK) {
        if (have > 0) {
          log.println("download: the server cannot resume " + url + "; restarting from the beginning");
        }
        total = c.getContentLengthLong();
        append = false;
        have = 0;
      } else if (code == 416) {
        Files.deleteIfExists(part);
        throw new TransferException("the server rejected resuming " + url + " at byte " + have
            + " (HTTP 416); restarting", true);
      } else {
        boolean retry = code >= 500 || code == 408 || code == 429;
        throw new TransferException("HTTP " + code + " " + String.valueOf(c.getResponseMessage()) + " from " + url,
            retry);
      }
      writeSource(source, url, validator(c));
      copy(c, part, append, have, total, url);
    } catch (java.net.UnknownHostException e) {
      throw new TransferException("unknown host " + e.getMessage() + " for " + url, false);
    } catch (java.net.ConnectException e) {
      throw new TransferException("cannot connect to " + url + ": " + e.getMessage(), true);
    } finally {
      c.disconnect();
    }
  }

  private HttpURLConnection open(String url, long have, String validator) throws IOException, TransferException {
    String current = url;
    for (int redirects = 0; redirects < 6; redirects++) {
      URL u;
      try {
        u = URI.create(current).toURL();
      } catch (IllegalArgumentException e) {
        throw new TransferException("'" + current + "' is not a valid URL", false);
      }
      HttpURLConnection c = (HttpURLConnection) u.openConnection();
      c.setInstanceFollowRedirects(false);
      c.setConnectTimeout(30_000);
      c.setReadTimeout(60_000);
      c.setRequestProperty("User-Agent", "automl-zero-spark-dataprep");
      c.setRequestProperty("Accept-Encoding", "identity");
      if (have > 0) {
        c.setRequestProperty("Range", "bytes=" + have + "-");
        if (!validator.isEmpty()) {
          c.setRequestProperty("If-Range", validator);
        }
      }
      int code;
      try {
        code = c.getResponseCode();
      } catch (java.net.UnknownHostException | java.net.ConnectException e) {
        throw e;
      } catch (IOException e) {
        throw new TransferException("no answer from " + current + ": " + e.getMessage(), true);
      }
      if (code >= 300 && code < 400 && c.getHeaderField("Location") != null) {
        current = URI.create(current).resolve(c.getHeaderField("Location")).toString();
        c.disconnect();
        continue;
      }
      return c;
    }
    throw new TransferException("too many redirects from " + url, false);
  }

  private void copy(HttpURLConnection c, Path part, boolean append, long have, long total, String url)
      throws IOException, TransferException {
    long size = have;
    long started = System.nanoTime();
    long lastReport = started;
    try (InputStream in = c.getInputStream();
        OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buf = new byte[1 << 16];
      while (true) {
        int r;
        try {
          r = in.read(buf);
        } catch (IOException e) {
          throw new TransferException("the connection to " + url + " broke after " + size + " bytes" + of(total)
              + " (" + e.getMessage() + ")", true);
        }
        if (r < 0) {
          break;
        }
        out.write(buf, 0, r);
        size += r;
        long now = System.nanoTime();
        if ((now - lastReport) / 1_000_000 >= progressIntervalMillis) {
          report(part, size, have, total, started, now);
          lastReport = now;
        }
      }
    }
    report(part, size, have, total, started, System.nanoTime());
    if (total >= 0 && size < total) {
      throw new TransferException("the download of " + url + " stopped after " + size + " bytes" + of(total), true);
    }
    if (total >= 0 && size > total) {
      Files.deleteIfExists(part);
      throw new TransferException("the download of " + url + " has " + size + " bytes, more than the " + total
          + " announced; restarting", true);
    }
  }

  private void report(Path part, long size, long have, long total, long started, long now) {
    double seconds = Math.max((now - started) / 1e9, 1e-3);
    double rate = (size - have) / seconds;
    String name = part.getFileName().toString().replace(".part", "");
    if (total > 0) {
      log.printf(Locale.ROOT, "download: %s %.1f / %.1f MiB (%d%%), %.1f MiB/s, ETA %.0f s%n", name, size / 1048576.0,
          total / 1048576.0, size * 100 / total, rate / 1048576.0, rate > 0 ? (total - size) / rate : 0.0);
    } else {
      log.printf(Locale.ROOT, "download: %s %.1f MiB, %.1f MiB/s%n", name, size / 1048576.0, rate / 1048576.0);
    }
  }

  private static String of(long total) {
    return total >= 0 ? " of " + total : "";
  }

  private static String validator(HttpURLConnection c) {
    String etag = c.getHeaderField("ETag");
    if (etag != null && !etag.startsWith("W/")) {
      return etag;
    }
    String modified = c.getHeaderField("Last-Modified");
    return modified != null ? modified : "";
  }

  private static void writeSource(Path source, String url, String validator) throws IOException {
    Files.write(source, List.of(url, validator), StandardCharsets.UTF_8);
  }

  private static String[] readSource(Path source) throws IOException {
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    return new String[] {lines.isEmpty() ? "" : lines.get(0), lines.size() < 2 ? "" : lines.get(1)};
  }

  /** The MD5 of a file as 32 lower-case hex digits. */
  public static String md5(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no MD5", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        md.update(buf, 0, r);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DataPrepException.failure("download interrupted", e);
    }
  }
}
