package org.automlzero.core.io;

/**
 * Bad input the user can fix (a config, an option, a data set, an algorithm file): the message
 * names the file or key, the value and the rule. The command line prints it as one line and
 * exits 2; any other exception from our code is a bug and is reported as an internal error.
 */
public class InputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
