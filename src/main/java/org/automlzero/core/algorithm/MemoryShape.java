package org.automlzero.core.algorithm;

/**
 * Sizes of the three memory banks and the feature size F, all run-time settings. Fixed roles:
 * s0 = label, s1 = prediction, v0 = features.
 */
public record MemoryShape(int scalars, int vectors, int matrices, int features) {
  public static final int LABEL = 0;
  public static final int PREDICTION = 1;
  public static final int FEATURES = 0;

  public MemoryShape {
    if (scalars < 2) {
      throw new IllegalArgumentException(
          "scalar addresses must be at least 2 (s0 = label, s1 = prediction), but was " + scalars);
    }
    if (vectors < 1) {
      throw new IllegalArgumentException(
          "vector addresses must be at least 1 (v0 = features), but was " + vectors);
    }
    if (matrices < 0) {
      throw new IllegalArgumentException("matrix addresses must be >= 0, but was " + matrices);
    }
    if (features <= 0) {
      throw new IllegalArgumentException("features size F must be > 0, but was " + features);
    }
  }

  /** Number of addresses in the bank of the given kind. */
  public int size(Kind kind) {
    return switch (kind) {
      case NONE -> 0;
      case SCALAR -> scalars;
      case VECTOR -> vectors;
      case MATRIX -> matrices;
    };
  }

  /** Lowest address a random instruction may write in the bank: s0 and v0 are never written. */
  public static int firstWritable(Kind kind) {
    return switch (kind) {
      case SCALAR, VECTOR -> 1;
      case MATRIX, NONE -> 0;
    };
  }

  /**
   * The entry (of a vector, or a row or column of a matrix) that a VECTOR/MATRIX_CONST_SET
   * fraction selects among {@code features} entries, by the original's FloatToIndex:
   * {@code (int) (F * fraction)} in float arithmetic; a fraction that rounds to exactly 1.0f
   * (float rounding of a draw just below 1) maps to the last entry. -1 when the fraction is NaN
   * or the index falls outside [0, features). The interpreter and the Python export both use it.
   */
  public static int entryIndex(float fraction, int features) {
    int index = fraction == 1.0f ? features - 1 : (int) ((float) features * fraction);
    return Float.isNaN(fraction) || index < 0 || index >= features ? -1 : index;
  }

  /** True when every argument of {@code op} has at least one valid address in this shape. */
  public boolean supports(Op op) {
    return fits(op.in1(), 0) && fits(op.in2(), 0) && fits(op.out(), firstWritable(op.out()));
  }

  private boolean fits(Kind kind, int first) {
    return kind == Kind.NONE || size(kind) > first;
  }
}
