package org.automlzero.dataprep;

import java.io.Serializable;

/**
 * The sizes of every prepared task: F projected features and the train / valid / test counts.
 * Each count must be even so that every split holds exactly as many positive as negative
 * examples (the split is stratified and the classes are balanced).
 */
public record Recipe(int features, int train, int valid, int test) implements Serializable {
  public Recipe {
    if (features < 1 || features > 4096) {
      throw new DataPrepException("--features " + features + " is invalid: F must be in 1..4096");
    }
    check("--train", train, 2);
    check("--valid", valid, 2);
    check("--test", test, 0);
  }

  private static void check(String option, int n, int min) {
    if (n < min) {
      throw new DataPrepException(option + " " + n + " is invalid: it must be >= " + min);
    }
    if (n % 2 != 0) {
      throw new DataPrepException(option + " " + n + " is invalid: each split must have an even size so that it "
          + "holds equally many examples of both classes");
    }
  }

  /** The original's sizes: F = 16, 8000 / 1000 / 1000. */
  public static Recipe original() {
    return new Recipe(16, 8000, 1000, 1000);
  }

  /** Images per class a task needs: N / 2. */
  public int perClass() {
    return (train + valid + test) / 2;
  }

  public int count(Split split) {
    return switch (split) {
      case TRAIN -> train;
      case VALID -> valid;
      case TEST -> test;
    };
  }
}
