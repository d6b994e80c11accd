package org.automlzero.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whole-file writes that a reader (or a resumed run) never sees half done: the content goes to a
 * hidden temporary name in the same folder, is forced to disk, then renamed over the target.
 * The one implementation, for every layer, of the rule that nothing is left half-written
 * (CONTRIBUTING.md, "Layer rules").
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code text} (UTF-8) to {@code file} atomically. */
  public static void writeString(Path file, String text) {
    writeString(file, text, "");
  }

  /**
   * Writes {@code text} (UTF-8) to {@code file} atomically; an error says
   * "cannot write {what} {file}: reason".
   */
  public static void writeString(Path file, String text, String what) {
    Path temp = temporary(file);
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      moveIntoPlace(temp, file);
    } catch (IOException e) {
      String subject = what.isEmpty() ? "" : what + " ";
      throw new UncheckedIOException("cannot write " + subject + file + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /** The hidden temporary name used for {@code file}. */
  public static Path temporary(Path file) {
    Path absolute = file.toAbsolutePath();
    return absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
  }

  /** Forces {@code temp} to disk and renames it to {@code file}, atomically where the file system can. */
  public static void moveIntoPlace(Path temp, Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover hidden temporary file is harmless
    }
  }

  /**
   * The numbers of the files in {@code dir} whose names match {@code name} (group 1 is the
   * number), ascending; empty when the folder does not exist.
   */
  public static List<Long> numberedFiles(Path dir, Pattern name) {
    List<Long> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(f -> {
        Matcher m = name.matcher(f.getFileName().toString());
        if (m.matches()) {
          out.add(Long.parseLong(m.group(1)));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }
}
