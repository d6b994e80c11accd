package org.automlzero.cli;

/**
 * An error the user can fix, printed as one message without a stack trace: exit 2 (bad input)
 * unless the code says otherwise (1 for a failure while running).
 */
public class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public UserError(String message) {
    this(message, 2);
  }

  public UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public UserError(String message, Throwable cause) {
    this(message, 2, cause);
  }

  public UserError(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
