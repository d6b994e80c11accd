package org.automlzero.spark;

/** Turns a failed Spark job caused by bad user input back into the executor's own message. */
final class SparkErrors {
  private SparkErrors() {}

  /**
   * An {@link IllegalArgumentException} raised on an executor (a missing task in the data set,
   * a wrong size) reaches the driver wrapped in a SparkException with its message in the text;
   * return it as one IllegalArgumentException carrying the original message.
   */
  static RuntimeException unwrap(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException iae) {
        return iae;
      }
    }
    String text = String.valueOf(e.getMessage());
    String marker = "java.lang.IllegalArgumentException: ";
    int at = text.indexOf(marker);
    if (at >= 0) {
      String message = text.substring(at + marker.length());
      int end = message.indexOf('\n');
      return new IllegalArgumentException(end >= 0 ? message.substring(0, end) : message, e);
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
  }
}
