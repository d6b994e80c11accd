package org.automlzero.core.task;

import java.util.ArrayList;
import java.util.List;

/** A (positive, negative) class pair of a projected binary classification task; classes 0..9. */
public record ClassPair(int positive, int negative) {
  /** All 45 pairs (p, n) with p < n, in the order the original generates them. */
  public static final List<ClassPair> ALL = all();

  /**
   * The 9 pairs the original's run_baseline.sh lists as {@code held_out_pairs}: excluded from
   * T_search and T_select, and the only pairs of the final evaluation.
   */
  public static final List<ClassPair> HELD_OUT = List.of(new ClassPair(4, 6), new ClassPair(3, 5),
      new ClassPair(8, 9), new ClassPair(3, 8), new ClassPair(0, 9), new ClassPair(2, 9), new ClassPair(1, 8),
      new ClassPair(3, 6), new ClassPair(0, 5));

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

  private static List<ClassPair> all() {
    List<ClassPair> out = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      for (int n = p + 1; n < 10; n++) {
        out.add(new ClassPair(p, n));
      }
    }
    return List.copyOf(out);
  }
}
