package org.automlzero.core.algorithm;

import static org.automlzero.core.algorithm.Kind.MATRIX;
import static org.automlzero.core.algorithm.Kind.NONE;
import static org.automlzero.core.algorithm.Kind.SCALAR;
import static org.automlzero.core.algorithm.Kind.VECTOR;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 65 instructions of AutoML-Zero, with their ids, argument kinds, instruction data and the
 * cost constants the train budget uses. What each computes is in docs/semantics.md and the interpreter.
 */
public enum Op {
  NO_OP(0, NONE, NONE, NONE, Data.NONE, 3013921.0),
  SCALAR_SUM(1, SCALAR, SCALAR, SCALAR, Data.NONE, 4703759.0),
  SCALAR_DIFF(2, SCALAR, SCALAR, SCALAR, Data.NONE, 5102027.0),
  SCALAR_PRODUCT(3, SCALAR, SCALAR, SCALAR, Data.NONE, 4418347.0),
  SCALAR_DIVISION(4, SCALAR, SCALAR, SCALAR, Data.NONE, 3963916.0),
  SCALAR_ABS(5, SCALAR, NONE, SCALAR, Data.NONE, 3684352.0),
  SCALAR_RECIPROCAL(6, SCALAR, NONE, SCALAR, Data.NONE, 4212086.0),
  SCALAR_SIN(7, SCALAR, NONE, SCALAR, Data.NONE, 7538523.0),
  SCALAR_COS(8, SCALAR, NONE, SCALAR, Data.NONE, 7452807.0),
  SCALAR_TAN(9, SCALAR, NONE, SCALAR, Data.NONE, 7583203.0),
  SCALAR_ARCSIN(10, SCALAR, NONE, SCALAR, Data.NONE, 9145616.0),
  SCALAR_ARCCOS(11, SCALAR, NONE, SCALAR, Data.NONE, 7673039.0),
  SCALAR_ARCTAN(12, SCALAR, NONE, SCALAR, Data.NONE, 9273978.0),
  SCALAR_EXP(13, SCALAR, NONE, SCALAR, Data.NONE, 11755929.0),
  SCALAR_LOG(14, SCALAR, NONE, SCALAR, Data.NONE, 11627725.0),
  SCALAR_HEAVYSIDE(15, SCALAR, NONE, SCALAR, Data.NONE, 4057075.0),
  VECTOR_HEAVYSIDE(16, VECTOR, NONE, VECTOR, Data.NONE, 3965743.0),
  MATRIX_HEAVYSIDE(17, MATRIX, NONE, MATRIX, Data.NONE, 6728311.0),
  SCALAR_VECTOR_PRODUCT(18, SCALAR, VECTOR, VECTOR, Data.NONE, 3705015.0),
  SCALAR_BROADCAST(19, SCALAR, NONE, VECTOR, Data.NONE, 4165814.0),
  VECTOR_RECIPROCAL(20, VECTOR, NONE, VECTOR, Data.NONE, 6311851.0),
  VECTOR_NORM(21, VECTOR, NONE, SCALAR, Data.NONE, 4810562.0),
  VECTOR_ABS(22, VECTOR, NONE, VECTOR, Data.NONE, 3713533.0),
  VECTOR_SUM(23, VECTOR, VECTOR, VECTOR, Data.NONE, 4701519.0),
  VECTOR_DIFF(24, VECTOR, VECTOR, VECTOR, Data.NONE, 4165747.0),
  VECTOR_PRODUCT(25, VECTOR, VECTOR, VECTOR, Data.NONE, 4504555.0),
  VECTOR_DIVISION(26, VECTOR, VECTOR, VECTOR, Data.NONE, 4556237.0),
  VECTOR_INNER_PRODUCT(27, VECTOR, VECTOR, SCALAR, Data.NONE, 4294617.0),
  VECTOR_OUTER_PRODUCT(28, VECTOR, VECTOR, MATRIX, Data.NONE, 9833707.0),
  SCALAR_MATRIX_PRODUCT(29, SCALAR, MATRIX, MATRIX, Data.NONE, 5986302.0),
  MATRIX_RECIPROCAL(30, MATRIX, NONE, MATRIX, Data.NONE, 24336141.0),
  MATRIX_VECTOR_PRODUCT(31, MATRIX, VECTOR, VECTOR, Data.NONE, 9310002.0),
  VECTOR_COLUMN_BROADCAST(32, VECTOR, NONE, MATRIX, Data.NONE, 10993088.0),
  VECTOR_ROW_BROADCAST(33, VECTOR, NONE, MATRIX, Data.NONE, 11087322.0),
  MATRIX_NORM(34, MATRIX, NONE, SCALAR, Data.NONE, 6422746.0),
  MATRIX_COLUMN_NORM(35, MATRIX, NONE, VECTOR, Data.NONE, 6682187.0),
  MATRIX_ROW_NORM(36, MATRIX, NONE, VECTOR, Data.NONE, 13351123.0),
  MATRIX_TRANSPOSE(37, MATRIX, NONE, MATRIX, Data.NONE, 9394756.0),
  MATRIX_ABS(38, MATRIX, NONE, MATRIX, Data.NONE, 4630926.0),
  MATRIX_SUM(39, MATRIX, MATRIX, MATRIX, Data.NONE, 5579381.0),
  MATRIX_DIFF(40, MATRIX, MATRIX, MATRIX, Data.NONE, 5429452.0),
  MATRIX_PRODUCT(41, MATRIX, MATRIX, MATRIX, Data.NONE, 5475227.0),
  MATRIX_DIVISION(42, MATRIX, MATRIX, MATRIX, Data.NONE, 18234378.0),
  MATRIX_MATRIX_PRODUCT(43, MATRIX, MATRIX, MATRIX, Data.NONE, 14516296.0),
  SCALAR_MIN(44, SCALAR, SCALAR, SCALAR, Data.NONE, 3677265.0),
  VECTOR_MIN(45, VECTOR, VECTOR, VECTOR, Data.NONE, 3989956.0),
  MATRIX_MIN(46, MATRIX, MATRIX, MATRIX, Data.NONE, 5457728.0),
  SCALAR_MAX(47, SCALAR, SCALAR, SCALAR, Data.NONE, 4573695.0),
  VECTOR_MAX(48, VECTOR, VECTOR, VECTOR, Data.NONE, 3974229.0),
  MATRIX_MAX(49, MATRIX, MATRIX, MATRIX, Data.NONE, 5840952.0),
  VECTOR_MEAN(50, VECTOR, NONE, SCALAR, Data.NONE, 4280443.0),
  MATRIX_MEAN(51, MATRIX, NONE, SCALAR, Data.NONE, 4595196.0),
  MATRIX_ROW_MEAN(52, MATRIX, NONE, VECTOR, Data.NONE, 9763956.0),
  MATRIX_ROW_ST_DEV(53, MATRIX, NONE, VECTOR, Data.NONE, 16766477.0),
  VECTOR_ST_DEV(54, VECTOR, NONE, SCALAR, Data.NONE, 5585730.0),
  MATRIX_ST_DEV(55, MATRIX, NONE, SCALAR, Data.NONE, 10640216.0),
  SCALAR_CONST_SET(56, NONE, NONE, SCALAR, Data.CONSTANT, 3691108.0),
  VECTOR_CONST_SET(57, NONE, NONE, VECTOR, Data.VECTOR_ENTRY, 3991421.0),
  MATRIX_CONST_SET(58, NONE, NONE, MATRIX, Data.MATRIX_ENTRY, 3693035.0),
  SCALAR_UNIFORM_SET(59, NONE, NONE, SCALAR, Data.UNIFORM, 26610704.0),
  VECTOR_UNIFORM_SET(60, NONE, NONE, VECTOR, Data.UNIFORM, 57817372.0),
  MATRIX_UNIFORM_SET(61, NONE, NONE, MATRIX, Data.UNIFORM, 208339446.0),
  SCALAR_GAUSSIAN_SET(62, NONE, NONE, SCALAR, Data.GAUSSIAN, 20775635.0),
  VECTOR_GAUSSIAN_SET(63, NONE, NONE, VECTOR, Data.GAUSSIAN, 77483018.0),
  MATRIX_GAUSSIAN_SET(64, NONE, NONE, MATRIX, Data.GAUSSIAN, 277690384.0);

  /** What the instruction data of an op means. */
  public enum Data {
    /** No data. */
    NONE,
    /** {@code activation} is the constant. */
    CONSTANT,
    /** {@code d0} is the index fraction in [0,1), {@code d1} the value. */
    VECTOR_ENTRY,
    /** {@code d0}, {@code d1} are the row and column fractions, {@code d2} the value. */
    MATRIX_ENTRY,
    /** {@code d0} is the low and {@code d1} the high bound of a uniform draw. */
    UNIFORM,
    /** {@code d0} is the mean and {@code d1} the standard deviation of a Gaussian draw. */
    GAUSSIAN
  }

  private static final Op[] BY_ID = values();
  private static final Map<String, Op> BY_NAME =
      Arrays.stream(BY_ID).collect(Collectors.toMap(Enum::name, Function.identity()));

  private final int id;
  private final Kind in1;
  private final Kind in2;
  private final Kind out;
  private final Data data;
  private final double cost;

  Op(int id, Kind in1, Kind in2, Kind out, Data data, double cost) {
    this.id = id;
    this.in1 = in1;
    this.in2 = in2;
    this.out = out;
    this.data = data;
    this.cost = cost;
  }

  /** The op's id in the original (0..64). */
  public int id() {
    return id;
  }

  public Kind in1() {
    return in1;
  }

  public Kind in2() {
    return in2;
  }

  public Kind out() {
    return out;
  }

  public Data data() {
    return data;
  }

  /** The original's relative cost constant, used only by the train budget. */
  public double cost() {
    return cost;
  }

  /** Number of memory inputs (0, 1 or 2). */
  public int arity() {
    return (in1 == NONE ? 0 : 1) + (in2 == NONE ? 0 : 1);
  }

  /** True for the *_UNIFORM_SET and *_GAUSSIAN_SET ops, which draw random numbers at run time. */
  public boolean drawsRandom() {
    return data == Data.UNIFORM || data == Data.GAUSSIAN;
  }

  /** True when this op needs at least one matrix address. */
  public boolean usesMatrices() {
    return in1 == MATRIX || in2 == MATRIX || out == MATRIX;
  }

  public static Op byId(int id) {
    if (id < 0 || id >= BY_ID.length) {
      throw new IllegalArgumentException("op id must be in [0, " + BY_ID.length + "), but was " + id);
    }
    return BY_ID[id];
  }

  /**
   * Looks an op up by name, accepting the original's spelling with the {@code _OP} suffix
   * ({@code SCALAR_SUM_OP}) as well as {@code SCALAR_SUM}, in any case.
   */
  public static Op byName(String name) {
    String key = name.trim().toUpperCase(Locale.ROOT);
    Op op = BY_NAME.get(key);
    if (op == null && key.endsWith("_OP")) {
      // Checked after the exact name, since NO_OP itself ends in _OP.
      op = BY_NAME.get(key.substring(0, key.length() - 3));
    }
    if (op == null) {
      throw new IllegalArgumentException(
          "unknown op '" + name + "': expected one of the 65 op names, e.g. SCALAR_SUM or VECTOR_INNER_PRODUCT_OP");
    }
    return op;
  }
}
