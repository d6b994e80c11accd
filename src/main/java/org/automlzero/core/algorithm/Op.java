package org.automlzero.core.algorithm;

import static org.automlzero.core.algorithm.Kind.MATRIX;
import static org.automlzero.core.algorithm.Kind.NONE;
import static org.automlzero.core.algorithm.Kind.SCALAR;
import static org.automlzero.core.algorithm.Kind.VECTOR;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The 65 instructions of AutoML-Zero: the one table of what is known about each op. A row holds
 * the op's id (the interpreter's named code, see OpCodes), its argument and output kinds, its
 * instruction data, the cost constant the train budget uses, its spelling in the readable
 * format (which {@link AlgorithmPrinter} writes and {@link AlgorithmParser} reads back) and its
 * Python/NumPy form (which the exporter writes). What each computes is in docs/semantics.md and
 * its kernel in the interpreter.
 *
 * <p>Spellings are templates: {@code {out}}, {@code {a}} and {@code {b}} stand for the output
 * and the two input addresses, {@code {d0}}, {@code {d1}}, {@code {d2}} for the instruction's
 * float data and {@code {activation}} for its double constant. The readable template is the
 * whole line; the Python one is the right-hand side of the assignment (empty for NO_OP).
 */
public enum Op {
  NO_OP(0, NONE, NONE, NONE, Data.NONE, 3013921.0,
      "NoOp()", ""),
  SCALAR_SUM(1, SCALAR, SCALAR, SCALAR, Data.NONE, 4703759.0,
      "{out} = {a} + {b}", "{a} + {b}"),
  SCALAR_DIFF(2, SCALAR, SCALAR, SCALAR, Data.NONE, 5102027.0,
      "{out} = {a} - {b}", "{a} - {b}"),
  SCALAR_PRODUCT(3, SCALAR, SCALAR, SCALAR, Data.NONE, 4418347.0,
      "{out} = {a} * {b}", "{a} * {b}"),
  SCALAR_DIVISION(4, SCALAR, SCALAR, SCALAR, Data.NONE, 3963916.0,
      "{out} = {a} / {b}", "{a} / {b}"),
  SCALAR_ABS(5, SCALAR, NONE, SCALAR, Data.NONE, 3684352.0,
      "{out} = abs({a})", "np.abs({a})"),
  SCALAR_RECIPROCAL(6, SCALAR, NONE, SCALAR, Data.NONE, 4212086.0,
      "{out} = 1 / {a}", "1.0 / {a}"),
  SCALAR_SIN(7, SCALAR, NONE, SCALAR, Data.NONE, 7538523.0,
      "{out} = sin({a})", "np.sin({a})"),
  SCALAR_COS(8, SCALAR, NONE, SCALAR, Data.NONE, 7452807.0,
      "{out} = cos({a})", "np.cos({a})"),
  SCALAR_TAN(9, SCALAR, NONE, SCALAR, Data.NONE, 7583203.0,
      "{out} = tan({a})", "np.tan({a})"),
  SCALAR_ARCSIN(10, SCALAR, NONE, SCALAR, Data.NONE, 9145616.0,
      "{out} = arcsin({a})", "np.arcsin({a})"),
  SCALAR_ARCCOS(11, SCALAR, NONE, SCALAR, Data.NONE, 7673039.0,
      "{out} = arccos({a})", "np.arccos({a})"),
  SCALAR_ARCTAN(12, SCALAR, NONE, SCALAR, Data.NONE, 9273978.0,
      "{out} = arctan({a})", "np.arctan({a})"),
  SCALAR_EXP(13, SCALAR, NONE, SCALAR, Data.NONE, 11755929.0,
      "{out} = exp({a})", "np.exp({a})"),
  SCALAR_LOG(14, SCALAR, NONE, SCALAR, Data.NONE, 11627725.0,
      "{out} = log({a})", "np.log({a})"),
  SCALAR_HEAVYSIDE(15, SCALAR, NONE, SCALAR, Data.NONE, 4057075.0,
      "{out} = heaviside({a}, 1.0)", "1.0 if {a} >= 0.0 else 0.0"),
  VECTOR_HEAVYSIDE(16, VECTOR, NONE, VECTOR, Data.NONE, 3965743.0,
      "{out} = heaviside({a}, 1.0)", "np.where({a} > 0.0, 1.0, 0.0)"),
  MATRIX_HEAVYSIDE(17, MATRIX, NONE, MATRIX, Data.NONE, 6728311.0,
      "{out} = heaviside({a}, 1.0)", "np.where({a} > 0.0, 1.0, 0.0)"),
  SCALAR_VECTOR_PRODUCT(18, SCALAR, VECTOR, VECTOR, Data.NONE, 3705015.0,
      "{out} = {a} * {b}", "{b} * {a}"),
  SCALAR_BROADCAST(19, SCALAR, NONE, VECTOR, Data.NONE, 4165814.0,
      "{out} = bcast({a})", "{a}"),
  VECTOR_RECIPROCAL(20, VECTOR, NONE, VECTOR, Data.NONE, 6311851.0,
      "{out} = 1 / {a}", "1.0 / {a}"),
  VECTOR_NORM(21, VECTOR, NONE, SCALAR, Data.NONE, 4810562.0,
      "{out} = norm({a})", "np.sqrt(_dot({a}, {a}))"),
  VECTOR_ABS(22, VECTOR, NONE, VECTOR, Data.NONE, 3713533.0,
      "{out} = abs({a})", "np.abs({a})"),
  VECTOR_SUM(23, VECTOR, VECTOR, VECTOR, Data.NONE, 4701519.0,
      "{out} = {a} + {b}", "{a} + {b}"),
  VECTOR_DIFF(24, VECTOR, VECTOR, VECTOR, Data.NONE, 4165747.0,
      "{out} = {a} - {b}", "{a} - {b}"),
  VECTOR_PRODUCT(25, VECTOR, VECTOR, VECTOR, Data.NONE, 4504555.0,
      "{out} = {a} * {b}", "{a} * {b}"),
  VECTOR_DIVISION(26, VECTOR, VECTOR, VECTOR, Data.NONE, 4556237.0,
      "{out} = {a} / {b}", "{a} / {b}"),
  VECTOR_INNER_PRODUCT(27, VECTOR, VECTOR, SCALAR, Data.NONE, 4294617.0,
      "{out} = dot({a}, {b})", "_dot({a}, {b})"),
  VECTOR_OUTER_PRODUCT(28, VECTOR, VECTOR, MATRIX, Data.NONE, 9833707.0,
      "{out} = outer({a}, {b})", "np.outer({a}, {b})"),
  SCALAR_MATRIX_PRODUCT(29, SCALAR, MATRIX, MATRIX, Data.NONE, 5986302.0,
      "{out} = {a} * {b}", "{b} * {a}"),
  MATRIX_RECIPROCAL(30, MATRIX, NONE, MATRIX, Data.NONE, 24336141.0,
      "{out} = 1 / {a}", "1.0 / {a}"),
  MATRIX_VECTOR_PRODUCT(31, MATRIX, VECTOR, VECTOR, Data.NONE, 9310002.0,
      "{out} = dot({a}, {b})", "_matvec({a}, {b})"),
  VECTOR_COLUMN_BROADCAST(32, VECTOR, NONE, MATRIX, Data.NONE, 10993088.0,
      "{out} = bcast({a}, axis=0)", "{a}[:, np.newaxis]"),
  VECTOR_ROW_BROADCAST(33, VECTOR, NONE, MATRIX, Data.NONE, 11087322.0,
      "{out} = bcast({a}, axis=1)", "{a}[np.newaxis, :]"),
  MATRIX_NORM(34, MATRIX, NONE, SCALAR, Data.NONE, 6422746.0,
      "{out} = norm({a})", "np.sqrt(_dot({a}.ravel(), {a}.ravel()))"),
  MATRIX_COLUMN_NORM(35, MATRIX, NONE, VECTOR, Data.NONE, 6682187.0,
      "{out} = norm({a}, axis=0)", "_column_norms({a})"),
  MATRIX_ROW_NORM(36, MATRIX, NONE, VECTOR, Data.NONE, 13351123.0,
      "{out} = norm({a}, axis=1)", "_row_norms({a})"),
  MATRIX_TRANSPOSE(37, MATRIX, NONE, MATRIX, Data.NONE, 9394756.0,
      "{out} = transpose({a})", "{a}.T.copy()"),
  MATRIX_ABS(38, MATRIX, NONE, MATRIX, Data.NONE, 4630926.0,
      "{out} = abs({a})", "np.abs({a})"),
  MATRIX_SUM(39, MATRIX, MATRIX, MATRIX, Data.NONE, 5579381.0,
      "{out} = {a} + {b}", "{a} + {b}"),
  MATRIX_DIFF(40, MATRIX, MATRIX, MATRIX, Data.NONE, 5429452.0,
      "{out} = {a} - {b}", "{a} - {b}"),
  MATRIX_PRODUCT(41, MATRIX, MATRIX, MATRIX, Data.NONE, 5475227.0,
      "{out} = {a} * {b}", "{a} * {b}"),
  MATRIX_DIVISION(42, MATRIX, MATRIX, MATRIX, Data.NONE, 18234378.0,
      "{out} = {a} / {b}", "{a} / {b}"),
  MATRIX_MATRIX_PRODUCT(43, MATRIX, MATRIX, MATRIX, Data.NONE, 14516296.0,
      "{out} = matmul({a}, {b})", "_matmul({a}, {b})"),
  // Scalar and vector min/max follow C++ std::min/std::max (NaN handling depends on the argument
  // order), the matrix ones a < b ? a : b, exactly as the interpreter does; so does their Python.
  SCALAR_MIN(44, SCALAR, SCALAR, SCALAR, Data.NONE, 3677265.0,
      "{out} = minimum({a}, {b})", "{b} if {b} < {a} else {a}"),
  VECTOR_MIN(45, VECTOR, VECTOR, VECTOR, Data.NONE, 3989956.0,
      "{out} = minimum({a}, {b})", "np.where({b} < {a}, {b}, {a})"),
  MATRIX_MIN(46, MATRIX, MATRIX, MATRIX, Data.NONE, 5457728.0,
      "{out} = minimum({a}, {b})", "np.where({a} < {b}, {a}, {b})"),
  SCALAR_MAX(47, SCALAR, SCALAR, SCALAR, Data.NONE, 4573695.0,
      "{out} = maximum({a}, {b})", "{b} if {a} < {b} else {a}"),
  VECTOR_MAX(48, VECTOR, VECTOR, VECTOR, Data.NONE, 3974229.0,
      "{out} = maximum({a}, {b})", "np.where({a} < {b}, {b}, {a})"),
  MATRIX_MAX(49, MATRIX, MATRIX, MATRIX, Data.NONE, 5840952.0,
      "{out} = maximum({a}, {b})", "np.where({a} > {b}, {a}, {b})"),
  VECTOR_MEAN(50, VECTOR, NONE, SCALAR, Data.NONE, 4280443.0,
      "{out} = mean({a})", "_sum({a}) / F"),
  MATRIX_MEAN(51, MATRIX, NONE, SCALAR, Data.NONE, 4595196.0,
      "{out} = mean({a})", "_sum({a}.ravel()) / (F * F)"),
  MATRIX_ROW_MEAN(52, MATRIX, NONE, VECTOR, Data.NONE, 9763956.0,
      "{out} = mean({a}, axis=1)", "np.array([_sum(row) / F for row in {a}])"),
  MATRIX_ROW_ST_DEV(53, MATRIX, NONE, VECTOR, Data.NONE, 16766477.0,
      "{out} = std({a}, axis=1)", "np.array([_std(row) for row in {a}])"),
  VECTOR_ST_DEV(54, VECTOR, NONE, SCALAR, Data.NONE, 5585730.0,
      "{out} = std({a})", "_std({a})"),
  MATRIX_ST_DEV(55, MATRIX, NONE, SCALAR, Data.NONE, 10640216.0,
      "{out} = std({a})", "_std({a}.ravel())"),
  SCALAR_CONST_SET(56, NONE, NONE, SCALAR, Data.CONSTANT, 3691108.0,
      "{out} = {activation}", "{activation}"),
  VECTOR_CONST_SET(57, NONE, NONE, VECTOR, Data.VECTOR_ENTRY, 3991421.0,
      "{out}[{d0}] = {d1}", "{d1}"),
  MATRIX_CONST_SET(58, NONE, NONE, MATRIX, Data.MATRIX_ENTRY, 3693035.0,
      "{out}[{d0}, {d1}] = {d2}", "{d2}"),
  SCALAR_UNIFORM_SET(59, NONE, NONE, SCALAR, Data.UNIFORM, 26610704.0,
      "{out} = uniform({d0}, {d1})", "rng.uniform({d0}, {d1})"),
  VECTOR_UNIFORM_SET(60, NONE, NONE, VECTOR, Data.UNIFORM, 57817372.0,
      "{out} = uniform({d0}, {d1}, n_features)", "rng.uniforms({d0}, {d1}, F)"),
  MATRIX_UNIFORM_SET(61, NONE, NONE, MATRIX, Data.UNIFORM, 208339446.0,
      "{out} = uniform({d0}, {d1}, (n_features, n_features))", "rng.uniforms({d0}, {d1}, F * F).reshape(F, F)"),
  SCALAR_GAUSSIAN_SET(62, NONE, NONE, SCALAR, Data.GAUSSIAN, 20775635.0,
      "{out} = gaussian({d0}, {d1})", "rng.gaussian({d0}, {d1})"),
  VECTOR_GAUSSIAN_SET(63, NONE, NONE, VECTOR, Data.GAUSSIAN, 77483018.0,
      "{out} = gaussian({d0}, {d1}, n_features)", "rng.gaussians({d0}, {d1}, F)"),
  MATRIX_GAUSSIAN_SET(64, NONE, NONE, MATRIX, Data.GAUSSIAN, 277690384.0,
      "{out} = gaussian({d0}, {d1}, (n_features, n_features))", "rng.gaussians({d0}, {d1}, F * F).reshape(F, F)");

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

  /** The placeholders of the spelling templates, in the order {@link #fill} takes their values. */
  public static final List<String> PLACEHOLDERS = List.of("{out}", "{a}", "{b}", "{d0}", "{d1}", "{d2}",
      "{activation}");

  private static final Op[] BY_ID = values();
  private static final Map<String, Op> BY_NAME =
      Arrays.stream(BY_ID).collect(Collectors.toMap(Enum::name, Function.identity()));

  private final int id;
  private final Kind in1;
  private final Kind in2;
  private final Kind out;
  private final Data data;
  private final double cost;
  private final String readable;
  private final String python;

  Op(int id, Kind in1, Kind in2, Kind out, Data data, double cost, String readable, String python) {
    this.id = id;
    this.in1 = in1;
    this.in2 = in2;
    this.out = out;
    this.data = data;
    this.cost = cost;
    this.readable = readable;
    this.python = python;
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

  /** The op's line in the readable format, as a template (e.g. {@code {out} = dot({a}, {b})}). */
  public String readable() {
    return readable;
  }

  /** The right-hand side of the op's Python/NumPy statement, as a template; empty for NO_OP. */
  public String python() {
    return python;
  }

  /**
   * The readable template's right-hand side with the inputs replaced by the letters of their
   * kinds, e.g. {@code dot(m, v)} for MATRIX_VECTOR_PRODUCT: what the parser recognises an op
   * by. Null for the lines that are not {@code {out} = ...} (NO_OP and the entry sets).
   */
  public String signature() {
    if (!readable.startsWith("{out} = ")) {
      return null;
    }
    return fill(readable.substring("{out} = ".length()), "", letter(in1), letter(in2), "{d0}", "{d1}", "{d2}",
        "{activation}");
  }

  /** {@code s}, {@code v}, {@code m}: the letter addresses of a kind start with ("" for NONE). */
  public static String letter(Kind kind) {
    return switch (kind) {
      case NONE -> "";
      case SCALAR -> "s";
      case VECTOR -> "v";
      case MATRIX -> "m";
    };
  }

  /**
   * Fills a spelling template: {@code values} are those of {@link #PLACEHOLDERS}, in that order.
   */
  public static String fill(String template, String... values) {
    StringBuilder text = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int placeholder = c == '{' ? placeholderAt(template, i) : -1;
      if (placeholder < 0) {
        text.append(c);
        i++;
      } else {
        text.append(values[placeholder]);
        i += PLACEHOLDERS.get(placeholder).length();
      }
    }
    return text.toString();
  }

  private static int placeholderAt(String template, int at) {
    for (int k = 0; k < PLACEHOLDERS.size(); k++) {
      if (template.startsWith(PLACEHOLDERS.get(k), at)) {
        return k;
      }
    }
    return -1;
  }

  /** The op whose {@link #signature} this is; null if none. */
  public static Op bySignature(String signature) {
    return BY_SIGNATURE.get(signature);
  }

  /**
   * The function names of the readable format ({@code abs}, {@code dot}, ...), sorted: every name
   * that a readable template calls, NoOp apart.
   */
  public static SortedSet<String> functionNames() {
    return FUNCTION_NAMES;
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

  private static final Map<String, Op> BY_SIGNATURE = new HashMap<>();
  private static final SortedSet<String> FUNCTION_NAMES;

  static {
    SortedSet<String> names = new TreeSet<>();
    Matcher call = Pattern.compile("([A-Za-z_]+)\\(").matcher("");
    for (Op op : BY_ID) {
      String signature = op.signature();
      if (signature != null && BY_SIGNATURE.put(signature, op) != null) {
        throw new IllegalStateException("two ops are spelled " + signature + " in the op table");
      }
      call.reset(op.readable);
      while (call.find()) {
        if (!call.group(1).equals("NoOp")) {
          names.add(call.group(1));
        }
      }
    }
    FUNCTION_NAMES = Collections.unmodifiableSortedSet(names);
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
