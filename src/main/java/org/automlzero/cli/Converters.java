package org.automlzero.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Validation of option values (called from the commands' option setters, so it happens while
 * parsing): each throws a {@link UserError} naming the option, the value and the
 * rule (Main prints it as the one-line message, exit 2).
 */
final class Converters {
  private Converters() {}

  static int nonNegative(String option, String text) {
    try {
      int v = Integer.parseInt(text.trim());
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new UserError(option + " is '" + text + "', but must be an integer >= 0", 2);
  }

  static int positiveInt(String option, String text) {
    int v = nonNegative(option, text);
    if (v == 0) {
      throw new UserError(option + " is '" + text + "', but must be an integer >= 1", 2);
    }
    return v;
  }

  /** A comma-separated list of integers >= 1. */
  static List<Integer> positiveInts(String option, String text) {
    List<Integer> out = new ArrayList<>();
    for (String t : text.split(",")) {
      int v = nonNegative(option, t.trim());
      if (v == 0) {
        throw new UserError(option + " lists 0: core counts must be >= 1", 2);
      }
      out.add(v);
    }
    return out;
  }

  /** A number in (0, 1e6]. */
  static double positive(String option, String text) {
    try {
      double parsed = Double.parseDouble(text.trim());
      if (parsed > 0 && parsed <= 1e6) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError(option + " is '" + text + "', but must be a number in (0, 1e6]", 2);
  }
}
