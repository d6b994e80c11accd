package org.automlzero.spark;

import org.automlzero.core.io.InputException;

/** Turns a failed Spark job caused by bad user input back into the executor's own message. */
final class SparkErrors {
  private SparkErrors() {}

  /**
   * An {@link InputException} raised on an executor (a missing task in the data set, a damaged
   * file) reaches the driver wrapped in a SparkException with its message in the text; return it
   * as one InputException carrying the original message. Anything else is returned unchanged:
   * it is not the user's input and must not look like it.
   */
  static RuntimeException unwrap(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputException ie) {
        return ie;
      }
    }
    String text = String.valueOf(e.getMessage());
    String marker = InputException.class.getName() + ": ";
    int at = text.indexOf(marker);
    if (at >= 0) {
      String message = text.substring(at + marker.length());
      int end = message.indexOf('\n');
      return new InputException(end >= 0 ? message.substring(0, end) : message, e);
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
  }
}
