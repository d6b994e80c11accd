package org.automlzero.core.algorithm;

/**
 * Malformed algorithm text or JSON: the message says where (line and column, 1-based), what was
 * found and what was expected, e.g. {@code line 3, column 9: expected a scalar, vector or matrix
 * address like s2, found 'x'}.
 */
public final class AlgorithmFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public AlgorithmFormatException(int line, int column, String detail) {
    super("line " + line + ", column " + column + ": " + detail);
    this.line = line;
    this.column = column;
  }

  /** An error that has no position (JSON structure errors name the field instead). */
  public AlgorithmFormatException(String message) {
    super(message);
    this.line = 0;
    this.column = 0;
  }

  public AlgorithmFormatException(String message, Throwable cause) {
    super(message, cause);
    this.line = 0;
    this.column = 0;
  }

  private AlgorithmFormatException(String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.line = line;
    this.column = column;
  }

  /** The same error with the file (or other source) it came from in front: {@code algo.txt: line 3, ...}. */
  public AlgorithmFormatException withSource(String source) {
    return new AlgorithmFormatException(source + ": " + getMessage(), line, column, this);
  }

  /** 1-based line of the error, 0 when it has none. */
  public int line() {
    return line;
  }

  /** 1-based column of the error, 0 when it has none. */
  public int column() {
    return column;
  }
}
