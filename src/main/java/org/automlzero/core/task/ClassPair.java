package org.automlzero.core.task;

/** A (positive, negative) class pair of a projected binary classification task; classes 0..9. */
public record ClassPair(int positive, int negative) {
  public ClassPair {
    if (positive < 0 || positive > 9 || negative < 0 || negative > 9) {
      throw new IllegalArgumentException(
          "class pair (" + positive + "," + negative + ") is invalid: classes must be in 0..9");
    }
    if (positive == negative) {
      throw new IllegalArgumentException(
          "class pair (" + positive + "," + negative + ") is invalid: the two classes must differ");
    }
  }

  /** Parses "4,6" or "(4,6)". */
  public static ClassPair parse(String text) {
    String t = text.trim();
    if (t.startsWith("(") && t.endsWith(")")) {
      t = t.substring(1, t.length() - 1);
    }
    String[] parts = t.split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException("class pair '" + text + "' is invalid: expected two classes like (4,6)");
    }
    try {
      return new ClassPair(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("class pair '" + text + "' is invalid: classes must be integers 0..9", e);
    }
  }

  @Override
  public String toString() {
    return "(" + positive + "," + negative + ")";
  }
}
