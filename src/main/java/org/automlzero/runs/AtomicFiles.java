package org.automlzero.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Whole-file writes that a reader (or a resumed run) never sees half done: the text goes to a
 * hidden temporary name in the same folder, is forced to disk, then renamed over the target.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  static void writeString(Path file, String text) {
    Path temp = temporary(file);
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      moveIntoPlace(temp, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /** The hidden temporary name used for {@code file}. */
  static Path temporary(Path file) {
    Path absolute = file.toAbsolutePath();
    return absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
  }

  /** Forces {@code temp} to disk and renames it to {@code file} atomically. */
  static void moveIntoPlace(Path temp, Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover hidden temporary file is harmless
    }
  }
}
