package org.automlzero.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The lock a live run holds on its directory: {@code run.lock} with the holder's pid, host and
 * start time, plus an OS file lock on it for the run's whole life. A second run, a second
 * {@code --resume} or an {@code --overwrite} of a locked directory is refused naming the holder;
 * a lock left by a process that is gone (same host) is taken over with a note. A lock from
 * another host cannot be checked and is refused with how to remove it.
 */
public final class RunLock implements AutoCloseable {
  public static final String FILE = "run.lock";
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** Who holds a lock: pid, host and start time as written in the file. */
  record Holder(long pid, String host, String started) {
    @Override
    public String toString() {
      return "process " + pid + " on " + host + " (started " + started + ")";
    }
  }

  /**
   * Refuses (with a {@link RunDirectoryException} naming the holder) when a live process holds
   * {@code dir}'s lock; writes nothing. A stale lock passes.
   */
  public static void checkFree(Path dir, String action) {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return;
    }
    Holder holder = read(file);
    boolean osLocked;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock probe = tryLock(ch);
      osLocked = probe == null;
      if (probe != null) {
        probe.release();
      }
    } catch (IOException e) {
      osLocked = false;
    }
    if (osLocked || (holder != null && !isStale(holder))) {
      throw held(dir, holder, action);
    }
  }

  /**
   * Takes the lock of {@code dir} (which must exist) for this process; a stale lock is taken
   * over and reported to {@code note}.
   */
  public static RunLock acquire(Path dir, String action, Consumer<String> note) {
    Path file = dir.resolve(FILE);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new RunDirectoryException("cannot create the lock file " + file + ": " + e.getMessage(), e);
    }
    try {
      FileLock lock = tryLock(channel);
      Holder previous = read(file);
      if (lock == null || (previous != null && previous.pid() != ProcessHandle.current().pid() && !isStale(previous))) {
        if (lock != null) {
          lock.release();
        }
        channel.close();
        throw held(dir, previous, action);
      }
      if (previous != null) {
        note.accept("note: taking over the stale lock " + file + " of " + previous + ", which is no longer running");
      }
      byte[] text = ("{\"pid\": " + ProcessHandle.current().pid() + ", \"host\": \"" + host().replace("\"", "")
          + "\", \"started\": \"" + Instant.now() + "\"}\n").getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(text), 0);
      channel.force(true);
      return new RunLock(file, channel, lock);
    } catch (IOException e) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing
      }
      throw new RunDirectoryException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Releases the lock and removes the file. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The process ends soon; a leftover file is a stale lock the next run takes over.
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this JVM
    }
  }

  private static RunDirectoryException held(Path dir, Holder holder, String action) {
    String who = holder == null ? "another process" : holder.toString();
    String hint = holder != null && !holder.host().equals(host())
        ? "; if that run is gone, delete " + dir.resolve(FILE)
        : "; wait for it to end or stop it (SIGTERM writes a checkpoint)";
    return new RunDirectoryException("run directory " + dir + " is in use by " + who + ", so it cannot be " + action
        + hint);
  }

  /** Stale: written on this host by a process that no longer runs (another pid, or no such process). */
  private static boolean isStale(Holder h) {
    if (!h.host().equals(host())) {
      return false;
    }
    return ProcessHandle.of(h.pid()).map(p -> !p.isAlive()).orElse(true);
  }

  private static Holder read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.isBlank()) {
        return null;
      }
      JsonNode json = RunDirectory.MAPPER.readTree(text);
      return new Holder(json.path("pid").asLong(-1), json.path("host").asText("?"), json.path("started").asText("?"));
    } catch (IOException | RuntimeException e) {
      return null; // unreadable: only the OS lock decides
    }
  }

  static String host() {
    String h = host;
    if (h == null) {
      try {
        h = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        String env = System.getenv("HOSTNAME");
        h = env != null ? env : "localhost";
      }
      host = h;
    }
    return h;
  }

  private static volatile String host;
}
