package org.automlzero.dataprep;

/**
 * A problem the user can fix in data preparation: a bad raw file, a failed download, a bad
 * argument or an output path that holds something else. The message names the file or option,
 * the value and the rule; the command line prints it without a stack trace.
 */
public class DataPrepException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /** Bad input (exit 2). */
  public DataPrepException(String message) {
    this(message, null, 2);
  }

  /** Bad input (exit 2). */
  public DataPrepException(String message, Throwable cause) {
    this(message, cause, 2);
  }

  private DataPrepException(String message, Throwable cause, int exitCode) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A failure while running (a download, a write): exit 1. */
  public static DataPrepException failure(String message, Throwable cause) {
    return new DataPrepException(message, cause, 1);
  }

  /** 2 for bad input, 1 for a failure while running. */
  public int exitCode() {
    return exitCode;
  }
}
