package org.automlzero.core.algorithm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Algorithm files: reads the readable format or JSON (told apart by a leading {@code {}).
 * Errors name the file. (Writers go through {@code core.io.AtomicFiles}.)
 */
public final class AlgorithmFiles {
  private AlgorithmFiles() {}

  /**
   * Reads an algorithm file in either format; when {@code shape} is not null every address must
   * exist in it. Throws {@link AlgorithmFormatException} whose message starts with the file.
   */
  public static Algorithm read(Path file, MemoryShape shape) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new AlgorithmFormatException("algorithm file " + file + " does not exist");
    } catch (MalformedInputException e) {
      throw new AlgorithmFormatException("algorithm file " + file + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw new AlgorithmFormatException("algorithm file " + file + " cannot be read: " + e.getMessage(), e);
    }
    try {
      return isJson(text) ? AlgorithmJson.read(text, shape) : AlgorithmParser.parse(text, shape);
    } catch (AlgorithmFormatException e) {
      throw e.withSource(file.toString());
    }
  }

  /** True when the text is the JSON form (its first non-blank character is an opening brace). */
  public static boolean isJson(String text) {
    return text.strip().startsWith("{");
  }
}
