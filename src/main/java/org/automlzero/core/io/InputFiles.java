package org.automlzero.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a text file the user named (config, algorithm), with one clear message for each way it can fail. */
public final class InputFiles {
  private InputFiles() {}

  /**
   * The file's text (UTF-8; a leading byte order mark is dropped). {@code what} names the file's
   * role in messages, e.g. "config file".
   */
  public static String readText(Path file, String what) {
    checkReadable(file, what);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (AccessDeniedException e) {
      throw new InputException(what + " " + file + " is not readable (permission denied)");
    } catch (IOException e) {
      throw new InputException(what + " " + file + " cannot be read: " + e.getMessage());
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InputException(what + " " + file + " is not UTF-8 text (the byte at offset " + firstBadByte(bytes)
          + " is not valid UTF-8); save it as UTF-8");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Checks that {@code file} exists, is a regular file and can be read. */
  public static void checkReadable(Path file, String what) {
    if (Files.isDirectory(file)) {
      throw new InputException(what + " " + file + " is a directory, not a file");
    }
    if (!Files.exists(file)) {
      throw new InputException(what + " " + file + " does not exist");
    }
    if (!Files.isReadable(file)) {
      throw new InputException(what + " " + file + " is not readable (permission denied)");
    }
  }

  private static int firstBadByte(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
    return r.isError() ? in.position() : 0;
  }
}
