package org.automlzero.dataprep;

/**
 * A problem the user can fix in data preparation: a bad raw file, a failed download, a bad
 * argument or an output path that holds something else. The message names the file or option,
 * the value and the rule; the command line prints it without a stack trace.
 */
public class DataPrepException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataPrepException(String message) {
    super(message);
  }

  public DataPrepException(String message, Throwable cause) {
    super(message, cause);
  }
}
