package org.automlzero.core.interpreter;

/**
 * The interpreter's op codes, named: each op's code is its id in {@link
 * org.automlzero.core.algorithm.Op} (OpCodesTest ties every constant to the table, so a `case`
 * label reads as the op it runs). Codes above the ids are the interpreter's own: the merged
 * "skip random draws" and the F-specialised variants (offset plus the op's code).
 */
final class OpCodes {
  private OpCodes() {}

  static final int NO_OP = 0;
  static final int SCALAR_SUM = 1;
  static final int SCALAR_DIFF = 2;
  static final int SCALAR_PRODUCT = 3;
  static final int SCALAR_DIVISION = 4;
  static final int SCALAR_ABS = 5;
  static final int SCALAR_RECIPROCAL = 6;
  static final int SCALAR_SIN = 7;
  static final int SCALAR_COS = 8;
  static final int SCALAR_TAN = 9;
  static final int SCALAR_ARCSIN = 10;
  static final int SCALAR_ARCCOS = 11;
  static final int SCALAR_ARCTAN = 12;
  static final int SCALAR_EXP = 13;
  static final int SCALAR_LOG = 14;
  static final int SCALAR_HEAVYSIDE = 15;
  static final int VECTOR_HEAVYSIDE = 16;
  static final int MATRIX_HEAVYSIDE = 17;
  static final int SCALAR_VECTOR_PRODUCT = 18;
  static final int SCALAR_BROADCAST = 19;
  static final int VECTOR_RECIPROCAL = 20;
  static final int VECTOR_NORM = 21;
  static final int VECTOR_ABS = 22;
  static final int VECTOR_SUM = 23;
  static final int VECTOR_DIFF = 24;
  static final int VECTOR_PRODUCT = 25;
  static final int VECTOR_DIVISION = 26;
  static final int VECTOR_INNER_PRODUCT = 27;
  static final int VECTOR_OUTER_PRODUCT = 28;
  static final int SCALAR_MATRIX_PRODUCT = 29;
  static final int MATRIX_RECIPROCAL = 30;
  static final int MATRIX_VECTOR_PRODUCT = 31;
  static final int VECTOR_COLUMN_BROADCAST = 32;
  static final int VECTOR_ROW_BROADCAST = 33;
  static final int MATRIX_NORM = 34;
  static final int MATRIX_COLUMN_NORM = 35;
  static final int MATRIX_ROW_NORM = 36;
  static final int MATRIX_TRANSPOSE = 37;
  static final int MATRIX_ABS = 38;
  static final int MATRIX_SUM = 39;
  static final int MATRIX_DIFF = 40;
  static final int MATRIX_PRODUCT = 41;
  static final int MATRIX_DIVISION = 42;
  static final int MATRIX_MATRIX_PRODUCT = 43;
  static final int SCALAR_MIN = 44;
  static final int VECTOR_MIN = 45;
  static final int MATRIX_MIN = 46;
  static final int SCALAR_MAX = 47;
  static final int VECTOR_MAX = 48;
  static final int MATRIX_MAX = 49;
  static final int VECTOR_MEAN = 50;
  static final int MATRIX_MEAN = 51;
  static final int MATRIX_ROW_MEAN = 52;
  static final int MATRIX_ROW_ST_DEV = 53;
  static final int VECTOR_ST_DEV = 54;
  static final int MATRIX_ST_DEV = 55;
  static final int SCALAR_CONST_SET = 56;
  static final int VECTOR_CONST_SET = 57;
  static final int MATRIX_CONST_SET = 58;
  static final int SCALAR_UNIFORM_SET = 59;
  static final int VECTOR_UNIFORM_SET = 60;
  static final int MATRIX_UNIFORM_SET = 61;
  static final int SCALAR_GAUSSIAN_SET = 62;
  static final int VECTOR_GAUSSIAN_SET = 63;
  static final int MATRIX_GAUSSIAN_SET = 64;

  /** The synthetic "skip {@code a} random draws" instruction (one past the last op). */
  static final int SKIP_DRAWS = 65;
  /** The unrolled F = 4 variants: this plus the op's code. */
  static final int F4_OFFSET = 100;
  /** The F = 8, 16 and 32 variants (Kernels8, Kernels16, Kernels32): these plus the op's code. */
  static final int F8_OFFSET = 200;
  static final int F16_OFFSET = 300;
  static final int F32_OFFSET = 400;
  /**
   * A fused pair ({@link OuterSumFusion}): this plus VECTOR_OUTER_PRODUCT adds the outer product
   * straight into the next instruction's sum; this plus MATRIX_SUM (that sum) then does nothing.
   */
  static final int FUSED_OFFSET = 500;
  /**
   * The uniform-matrix checks ({@link KnownMatrices}): this plus the interpreter's code (an F
   * variant's included) of MATRIX_SUM, MATRIX_DIFF, MATRIX_PRODUCT, VECTOR_OUTER_PRODUCT or
   * MATRIX_VECTOR_PRODUCT, in algorithms whose every matrix write in Predict and Learn is one of
   * these.
   */
  static final int KNOWN_OFFSET = 1000;
}
