package org.automlzero.dataprep;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automlzero.core.task.ClassPair;

/** Parses and prints the class pairs and data seeds a preparation covers. */
public final class Selection {
  /** The 9 pairs the original holds out for selection and final evaluation. */
  public static final List<ClassPair> HELD_OUT = ClassPair.HELD_OUT;

  private static final Pattern PAIR = Pattern.compile("\\(?\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\)?");

  private Selection() {}

  /** All 45 pairs (p, n) with p < n, as the original generates them. */
  public static List<ClassPair> allPairs() {
    return ClassPair.ALL;
  }

  /**
   * Parses {@code all}, {@code heldout} (the 9 held-out pairs), {@code search} (the other 36),
   * or a list like {@code (4,6),(3,5)} or {@code 4,6;3,5}. The result is sorted and distinct.
   */
  public static List<ClassPair> parsePairs(String text) {
    String t = text.trim();
    List<ClassPair> pairs = switch (t) {
      case "all" -> allPairs();
      case "heldout" -> HELD_OUT;
      case "search" -> allPairs().stream().filter(p -> !HELD_OUT.contains(p)).toList();
      default -> parsePairList(t);
    };
    TreeSet<ClassPair> sorted = new TreeSet<>(Selection::compare);
    sorted.addAll(pairs);
    return List.copyOf(sorted);
  }

  private static int classNumber(String pairs, String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new DataPrepException("--pairs '" + pairs + "': class " + digits + " is invalid: classes must be in 0..9");
    }
  }

  private static List<ClassPair> parsePairList(String t) {
    List<ClassPair> out = new ArrayList<>();
    String normalized = t.replace(";", " ").replace("),", ") ");
    Matcher m = PAIR.matcher(normalized);
    int end = 0;
    while (m.find()) {
      if (!normalized.substring(end, m.start()).isBlank()) {
        break;
      }
      int p = classNumber(t, m.group(1));
      int n = classNumber(t, m.group(2));
      try {
        out.add(new ClassPair(p, n));
      } catch (IllegalArgumentException e) {
        throw new DataPrepException("--pairs '" + t + "': " + e.getMessage());
      }
      end = m.end();
    }
    if (out.isEmpty() || !normalized.substring(end).isBlank()) {
      throw new DataPrepException("--pairs '" + t + "' is invalid: use all, heldout, search, or a list of class "
          + "pairs like (4,6),(3,5) with classes 0..9");
    }
    return out;
  }

  /** Parses seeds like {@code 0-99}, {@code 7} or {@code 0-9,20,30-31}; sorted and distinct, each >= 0. */
  public static List<Integer> parseSeeds(String text) {
    TreeSet<Integer> seeds = new TreeSet<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      try {
        int dash = p.indexOf('-', 1);
        int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
        int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
        if (from < 0 || to < from || to - from > 1_000_000) {
          throw new DataPrepException("--seeds '" + text + "' is invalid: '" + p
              + "' must be a seed >= 0 or a range FROM-TO with 0 <= FROM <= TO");
        }
        for (int s = from; s <= to; s++) {
          seeds.add(s);
        }
      } catch (NumberFormatException e) {
        throw new DataPrepException("--seeds '" + text + "' is invalid: '" + p
            + "' is not a seed or a range like 0-99");
      }
    }
    return List.copyOf(seeds);
  }

  /** The compact form of sorted seeds: 0-9,20,22-23. */
  public static String formatSeeds(List<Integer> seeds) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < seeds.size()) {
      int j = i;
      while (j + 1 < seeds.size() && seeds.get(j + 1) == seeds.get(j) + 1) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(seeds.get(i));
      if (j > i) {
        sb.append('-').append(seeds.get(j));
      }
      i = j + 1;
    }
    return sb.toString();
  }

  static int compare(ClassPair a, ClassPair b) {
    return a.positive() != b.positive() ? Integer.compare(a.positive(), b.positive())
        : Integer.compare(a.negative(), b.negative());
  }
}
