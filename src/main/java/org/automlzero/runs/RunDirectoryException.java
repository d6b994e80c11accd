package org.automlzero.runs;

/** A problem with a run directory or one of its files that the user can fix; the message names the file. */
public final class RunDirectoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunDirectoryException(String message) {
    super(message);
  }

  public RunDirectoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
