package org.automlzero.core.simplify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Kind;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;

/**
 * Propagates what is known about every address at every instruction and rewrites what it proves:
 * an instruction that writes the value its output already holds is dropped, a scalar that is
 * always the same number becomes a constant, and a copy ({@code x + 0}, {@code 1 * x}, ...) is
 * forwarded to the later reads of its output within the function. Every rewrite is exact in IEEE
 * double arithmetic; the rules are in docs/simplifier.md.
 *
 * <p>What is known: memory is zero before Setup, which runs once in straight line; Predict and
 * Learn repeat (Setup, then Predict and Learn alternating during training, Predict alone during
 * validation), so their entry states are a fixed point over those transitions. Before Predict s0
 * is 0 and v0 holds features; before Learn s0 holds the label, v0 features and s1 the prediction
 * (replaced by its sigmoid on classification tasks). Features and labels are treated as unknown.
 */
final class ConstantFolding {
  private ConstantFolding() {}

  /** What is known about one address: every entry equal to {@code c}, every entry finite, or nothing. */
  record Value(int kind, double c) {
    static final int CONST = 0;
    static final int FINITE = 1;
    static final int TOP = 2;
    static final Value ZERO = new Value(CONST, 0.0);
    static final Value FINITE_VALUE = new Value(FINITE, 0.0);
    static final Value UNKNOWN = new Value(TOP, 0.0);

    boolean isConst() {
      return kind == CONST;
    }

    boolean isConst(double value) {
      return kind == CONST && Double.doubleToRawLongBits(c) == Double.doubleToRawLongBits(value);
    }

    boolean isFinite() {
      return kind == FINITE || (kind == CONST && Double.isFinite(c));
    }

    Value join(Value o) {
      if (kind == CONST && o.kind == CONST && Double.doubleToRawLongBits(c) == Double.doubleToRawLongBits(o.c)) {
        return this;
      }
      return isFinite() && o.isFinite() ? FINITE_VALUE : UNKNOWN;
    }

    boolean sameAs(Value o) {
      return kind == o.kind && Double.doubleToRawLongBits(c) == Double.doubleToRawLongBits(o.c);
    }
  }

  /** The abstract memory: one value per address of each bank. */
  static final class State {
    final Value[] s;
    final Value[] v;
    final Value[] m;

    State(int scalars, int vectors, int matrices) {
      s = filled(scalars);
      v = filled(vectors);
      m = filled(matrices);
    }

    private State(State o) {
      s = o.s.clone();
      v = o.v.clone();
      m = o.m.clone();
    }

    private static Value[] filled(int n) {
      Value[] a = new Value[n];
      Arrays.fill(a, Value.ZERO);
      return a;
    }

    State copy() {
      return new State(this);
    }

    Value get(Kind kind, int address) {
      return bank(kind)[address];
    }

    void set(Kind kind, int address, Value value) {
      bank(kind)[address] = value;
    }

    private Value[] bank(Kind kind) {
      return switch (kind) {
        case SCALAR -> s;
        case VECTOR -> v;
        case MATRIX -> m;
        case NONE -> throw new IllegalArgumentException("no bank for NONE");
      };
    }

    State join(State o) {
      State j = copy();
      for (int i = 0; i < s.length; i++) {
        j.s[i] = s[i].join(o.s[i]);
      }
      for (int i = 0; i < v.length; i++) {
        j.v[i] = v[i].join(o.v[i]);
      }
      for (int i = 0; i < m.length; i++) {
        j.m[i] = m[i].join(o.m[i]);
      }
      return j;
    }

    boolean sameAs(State o) {
      return same(s, o.s) && same(v, o.v) && same(m, o.m);
    }

    private static boolean same(Value[] a, Value[] b) {
      for (int i = 0; i < a.length; i++) {
        if (!a[i].sameAs(b[i])) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * True when the algorithm has an op whose result depends on the sign of a zero (division and
   * reciprocal: 1/+0 = +inf, 1/-0 = -inf). Without one, +0 and -0 can change only the sign of zero
   * results, never a magnitude, a NaN or an error, so the fitness cannot see the difference.
   */
  static boolean zeroSignMatters(Algorithm algorithm) {
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      for (Instruction in : algorithm.function(type)) {
        switch (in.op()) {
          case SCALAR_DIVISION, SCALAR_RECIPROCAL, VECTOR_DIVISION, VECTOR_RECIPROCAL, MATRIX_DIVISION,
              MATRIX_RECIPROCAL -> {
            return true;
          }
          case NO_OP, SCALAR_SUM, SCALAR_DIFF, SCALAR_PRODUCT, SCALAR_ABS, SCALAR_SIN, SCALAR_COS, SCALAR_TAN,
              SCALAR_ARCSIN, SCALAR_ARCCOS, SCALAR_ARCTAN, SCALAR_EXP, SCALAR_LOG, SCALAR_HEAVYSIDE,
              VECTOR_HEAVYSIDE, MATRIX_HEAVYSIDE, SCALAR_VECTOR_PRODUCT, SCALAR_BROADCAST, VECTOR_NORM,
              VECTOR_ABS, VECTOR_SUM, VECTOR_DIFF, VECTOR_PRODUCT, VECTOR_INNER_PRODUCT,
              VECTOR_OUTER_PRODUCT, SCALAR_MATRIX_PRODUCT, MATRIX_VECTOR_PRODUCT, VECTOR_COLUMN_BROADCAST,
              VECTOR_ROW_BROADCAST, MATRIX_NORM, MATRIX_COLUMN_NORM, MATRIX_ROW_NORM, MATRIX_TRANSPOSE,
              MATRIX_ABS, MATRIX_SUM, MATRIX_DIFF, MATRIX_PRODUCT, MATRIX_MATRIX_PRODUCT, SCALAR_MIN,
              VECTOR_MIN, MATRIX_MIN, SCALAR_MAX, VECTOR_MAX, MATRIX_MAX, VECTOR_MEAN, MATRIX_MEAN,
              MATRIX_ROW_MEAN, MATRIX_ROW_ST_DEV, VECTOR_ST_DEV, MATRIX_ST_DEV, SCALAR_CONST_SET,
              VECTOR_CONST_SET, MATRIX_CONST_SET, SCALAR_UNIFORM_SET, VECTOR_UNIFORM_SET,
              MATRIX_UNIFORM_SET, SCALAR_GAUSSIAN_SET, VECTOR_GAUSSIAN_SET, MATRIX_GAUSSIAN_SET -> { }
        }
      }
    }
    return false;
  }

  /** The algorithm with every proven rewrite applied (dead code is left for the liveness pass). */
  static Algorithm fold(Algorithm algorithm) {
    boolean zeroSign = zeroSignMatters(algorithm);
    int[] sizes = sizes(algorithm);
    Folder folder = new Folder(zeroSign);
    State setupEntry = new State(sizes[0], sizes[1], sizes[2]);
    State setupExit = folder.run(algorithm.setup(), setupEntry, null);
    State predictEntry = predictEntry(setupExit);
    for (int round = 0; ; round++) {
      State predictExit = folder.run(algorithm.predict(), predictEntry, null);
      State learnExit = folder.run(algorithm.learn(), learnEntry(predictExit), null);
      State next = predictEntry(predictEntry.join(predictExit).join(learnExit));
      if (next.sameAs(predictEntry)) {
        break;
      }
      if (round > 10 * (sizes[0] + sizes[1] + sizes[2]) + 10) {
        throw new IllegalStateException("constant propagation did not converge");
      }
      predictEntry = next;
    }
    List<Instruction> setup = new ArrayList<>();
    folder.run(algorithm.setup(), setupEntry, setup);
    List<Instruction> predict = new ArrayList<>();
    State predictExit = folder.run(algorithm.predict(), predictEntry, predict);
    List<Instruction> learn = new ArrayList<>();
    folder.run(algorithm.learn(), learnEntry(predictExit), learn);
    return new Algorithm(setup, predict, learn);
  }

  private static State predictEntry(State before) {
    State st = before.copy();
    st.s[MemoryShape.LABEL] = Value.ZERO;
    st.v[MemoryShape.FEATURES] = Value.UNKNOWN;
    return st;
  }

  private static State learnEntry(State predictExit) {
    State st = predictExit.copy();
    st.s[MemoryShape.LABEL] = Value.UNKNOWN;
    st.s[MemoryShape.PREDICTION] = Value.UNKNOWN;
    st.v[MemoryShape.FEATURES] = Value.UNKNOWN;
    return st;
  }

  /** Bank sizes that hold every address the algorithm uses (at least s0, s1 and v0). */
  static int[] sizes(Algorithm algorithm) {
    int[] size = {2, 1, 0};
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      for (Instruction in : algorithm.function(type)) {
        grow(size, in.op().in1(), in.in1());
        grow(size, in.op().in2(), in.in2());
        grow(size, in.op().out(), in.out());
      }
    }
    return size;
  }

  private static void grow(int[] size, Kind kind, int address) {
    int bank = bank(kind);
    if (bank >= 0) {
      size[bank] = Math.max(size[bank], address + 1);
    }
  }

  static int bank(Kind kind) {
    return switch (kind) {
      case SCALAR -> 0;
      case VECTOR -> 1;
      case MATRIX -> 2;
      case NONE -> -1;
    };
  }

  /** Runs one component function over abstract values and, when asked, writes its rewrite. */
  private static final class Folder {
    private final boolean zeroSign;

    Folder(boolean zeroSign) {
      this.zeroSign = zeroSign;
    }

    State run(List<Instruction> function, State entry, List<Instruction> rewritten) {
      State st = entry.copy();
      // Active copies: (bank, address) -> the address it equals, valid until either is written.
      Map<Long, Integer> copies = new HashMap<>();
      for (Instruction original : function) {
        Instruction in = rewritten == null ? original : forward(original, copies);
        Op op = in.op();
        if (op.out() == Kind.NONE) {
          continue; // NO_OP
        }
        Value result = eval(in, st);
        Value current = st.get(op.out(), in.out());
        Integer copyOf = copySource(in, st);
        if (rewritten != null) {
          invalidate(copies, op.out(), in.out());
          if (op.drawsRandom()) {
            rewritten.add(in);
          } else if (result.isConst() && current.isConst(result.c())) {
            // Writes the value the address already holds: nothing to do.
          } else if (copyOf != null && copyOf == in.out()) {
            // x = x: nothing to do.
          } else if (op.out() == Kind.SCALAR && result.isConst() && Double.isFinite(result.c())) {
            rewritten.add(op == Op.SCALAR_CONST_SET ? in : Instruction.constant(in.out(), result.c()));
          } else {
            rewritten.add(in);
            if (copyOf != null) {
              copies.put(key(op.out(), in.out()), copyOf);
            }
          }
        }
        st.set(op.out(), in.out(), result);
      }
      return st;
    }

    /** The instruction with its inputs replaced by the addresses they are copies of. */
    private static Instruction forward(Instruction in, Map<Long, Integer> copies) {
      Op op = in.op();
      int in1 = op.in1() == Kind.NONE ? in.in1() : copies.getOrDefault(key(op.in1(), in.in1()), in.in1());
      int in2 = op.in2() == Kind.NONE ? in.in2() : copies.getOrDefault(key(op.in2(), in.in2()), in.in2());
      if (in1 == in.in1() && in2 == in.in2()) {
        return in;
      }
      return new Instruction(op, in1, in2, in.out(), in.activation(), in.d0(), in.d1(), in.d2());
    }

    private static void invalidate(Map<Long, Integer> copies, Kind kind, int address) {
      copies.remove(key(kind, address));
      copies.entrySet().removeIf(e -> bankOf(e.getKey()) == bank(kind) && e.getValue() == address);
    }

    private static long key(Kind kind, int address) {
      return ((long) bank(kind) << 32) | address;
    }

    private static int bankOf(long key) {
      return (int) (key >>> 32);
    }

    /**
     * The address this instruction copies unchanged into its output, or null: x - 0, x * 1,
     * 1 * x, x / 1, min(x, x), max(x, x) always; x + 0 only when the sign of zero cannot matter
     * (-0 + 0 is +0).
     */
    private Integer copySource(Instruction in, State st) {
      Op op = in.op();
      Value a = op.in1() == Kind.NONE ? null : st.get(op.in1(), in.in1());
      Value b = op.in2() == Kind.NONE ? null : st.get(op.in2(), in.in2());
      return switch (op) {
        case SCALAR_SUM, VECTOR_SUM, MATRIX_SUM -> zeroSign ? null
            : b.isConst() && b.c() == 0.0 ? Integer.valueOf(in.in1())
            : a.isConst() && a.c() == 0.0 ? Integer.valueOf(in.in2()) : null;
        case SCALAR_DIFF, VECTOR_DIFF, MATRIX_DIFF -> b.isConst(0.0) ? Integer.valueOf(in.in1()) : null;
        case SCALAR_PRODUCT, VECTOR_PRODUCT, MATRIX_PRODUCT -> b.isConst(1.0) ? Integer.valueOf(in.in1())
            : a.isConst(1.0) ? Integer.valueOf(in.in2()) : null;
        case SCALAR_VECTOR_PRODUCT, SCALAR_MATRIX_PRODUCT -> a.isConst(1.0) ? Integer.valueOf(in.in2()) : null;
        case SCALAR_DIVISION, VECTOR_DIVISION, MATRIX_DIVISION -> b.isConst(1.0) ? Integer.valueOf(in.in1()) : null;
        case SCALAR_MIN, VECTOR_MIN, MATRIX_MIN, SCALAR_MAX, VECTOR_MAX, MATRIX_MAX ->
            in.in1() == in.in2() ? Integer.valueOf(in.in1()) : null;
        case NO_OP, SCALAR_ABS, SCALAR_RECIPROCAL, SCALAR_SIN, SCALAR_COS, SCALAR_TAN, SCALAR_ARCSIN,
            SCALAR_ARCCOS, SCALAR_ARCTAN, SCALAR_EXP, SCALAR_LOG, SCALAR_HEAVYSIDE, VECTOR_HEAVYSIDE,
            MATRIX_HEAVYSIDE, SCALAR_BROADCAST, VECTOR_RECIPROCAL, VECTOR_NORM, VECTOR_ABS,
            VECTOR_INNER_PRODUCT, VECTOR_OUTER_PRODUCT, MATRIX_RECIPROCAL, MATRIX_VECTOR_PRODUCT,
            VECTOR_COLUMN_BROADCAST, VECTOR_ROW_BROADCAST, MATRIX_NORM, MATRIX_COLUMN_NORM,
            MATRIX_ROW_NORM, MATRIX_TRANSPOSE, MATRIX_ABS, MATRIX_MATRIX_PRODUCT, VECTOR_MEAN,
            MATRIX_MEAN, MATRIX_ROW_MEAN, MATRIX_ROW_ST_DEV, VECTOR_ST_DEV, MATRIX_ST_DEV,
            SCALAR_CONST_SET, VECTOR_CONST_SET, MATRIX_CONST_SET, SCALAR_UNIFORM_SET, VECTOR_UNIFORM_SET,
            MATRIX_UNIFORM_SET, SCALAR_GAUSSIAN_SET, VECTOR_GAUSSIAN_SET, MATRIX_GAUSSIAN_SET -> null;
      };
    }

    /** What the instruction writes, from what is known about its inputs. */
    Value eval(Instruction in, State st) {
      Op op = in.op();
      Value a = op.in1() == Kind.NONE ? null : st.get(op.in1(), in.in1());
      Value b = op.in2() == Kind.NONE ? null : st.get(op.in2(), in.in2());
      boolean sameInputs = op.in1() == op.in2() && in.in1() == in.in2();
      return switch (op) {
        case SCALAR_SUM, VECTOR_SUM, MATRIX_SUM -> both(a, b) ? constant(a.c() + b.c()) : Value.UNKNOWN;
        case SCALAR_DIFF, VECTOR_DIFF, MATRIX_DIFF -> both(a, b) ? constant(a.c() - b.c())
            // x - x is +0 for every finite x (and NaN otherwise).
            : sameInputs && a.isFinite() ? Value.ZERO : Value.UNKNOWN;
        case SCALAR_PRODUCT, VECTOR_PRODUCT, MATRIX_PRODUCT, SCALAR_VECTOR_PRODUCT, SCALAR_MATRIX_PRODUCT,
            VECTOR_OUTER_PRODUCT -> product(a, b);
        case SCALAR_DIVISION, VECTOR_DIVISION, MATRIX_DIVISION -> both(a, b) ? constant(a.c() / b.c())
            : Value.UNKNOWN;
        case SCALAR_ABS, VECTOR_ABS, MATRIX_ABS -> a.isConst() ? constant(Math.abs(a.c()))
            : a.isFinite() ? Value.FINITE_VALUE : Value.UNKNOWN;
        case SCALAR_RECIPROCAL, VECTOR_RECIPROCAL, MATRIX_RECIPROCAL -> a.isConst() ? constant(1.0 / a.c())
            : Value.UNKNOWN;
        case SCALAR_HEAVYSIDE -> a.isConst() ? constant(a.c() >= 0.0 ? 1.0 : 0.0) : Value.FINITE_VALUE;
        case VECTOR_HEAVYSIDE, MATRIX_HEAVYSIDE -> a.isConst() ? constant(a.c() > 0.0 ? 1.0 : 0.0)
            : Value.FINITE_VALUE;
        case SCALAR_MIN, VECTOR_MIN, MATRIX_MIN -> both(a, b) ? constant(b.c() < a.c() ? b.c() : a.c())
            : sameInputs ? a : a.isFinite() && b.isFinite() ? Value.FINITE_VALUE : Value.UNKNOWN;
        case SCALAR_MAX, VECTOR_MAX, MATRIX_MAX -> both(a, b) ? constant(a.c() < b.c() ? b.c() : a.c())
            : sameInputs ? a : a.isFinite() && b.isFinite() ? Value.FINITE_VALUE : Value.UNKNOWN;
        case SCALAR_BROADCAST, VECTOR_COLUMN_BROADCAST, VECTOR_ROW_BROADCAST, MATRIX_TRANSPOSE -> a;
        // Sums of products: known only when every product is a zero of known sign.
        case VECTOR_INNER_PRODUCT, MATRIX_VECTOR_PRODUCT, MATRIX_MATRIX_PRODUCT -> zeroProducts(a, b)
            ? Value.ZERO : Value.UNKNOWN;
        case VECTOR_NORM, MATRIX_NORM, MATRIX_COLUMN_NORM, MATRIX_ROW_NORM -> a.isConst() && a.c() == 0.0
            ? Value.ZERO : Value.UNKNOWN;
        case SCALAR_CONST_SET -> constant(in.activation());
        case VECTOR_CONST_SET, MATRIX_CONST_SET -> {
          Value current = st.get(op.out(), in.out());
          float value = op == Op.VECTOR_CONST_SET ? in.d1() : in.d2();
          // Writing the value every entry already has changes nothing; otherwise entries differ.
          yield current.isConst() && constant(value).sameAs(current) ? current
              : current.isFinite() && Float.isFinite(value) ? Value.FINITE_VALUE : Value.UNKNOWN;
        }
        case NO_OP, SCALAR_SIN, SCALAR_COS, SCALAR_TAN, SCALAR_ARCSIN, SCALAR_ARCCOS, SCALAR_ARCTAN, SCALAR_EXP,
            SCALAR_LOG, VECTOR_MEAN, MATRIX_MEAN, MATRIX_ROW_MEAN, MATRIX_ROW_ST_DEV, VECTOR_ST_DEV, MATRIX_ST_DEV,
            SCALAR_UNIFORM_SET, VECTOR_UNIFORM_SET, MATRIX_UNIFORM_SET, SCALAR_GAUSSIAN_SET, VECTOR_GAUSSIAN_SET,
            MATRIX_GAUSSIAN_SET -> Value.UNKNOWN;
      };
    }

    private Value product(Value a, Value b) {
      if (both(a, b)) {
        return constant(a.c() * b.c());
      }
      // x * 0 is a zero for finite x, of x's sign: exact only when the sign cannot matter.
      if (!zeroSign && ((a.isConst(0.0) && b.isFinite()) || (b.isConst(0.0) && a.isFinite()))) {
        return Value.ZERO;
      }
      // |c| <= 1 cannot make a finite value infinite.
      if ((a.isConst() && Math.abs(a.c()) <= 1.0 && b.isFinite())
          || (b.isConst() && Math.abs(b.c()) <= 1.0 && a.isFinite())) {
        return Value.FINITE_VALUE;
      }
      return Value.UNKNOWN;
    }

    /** Every product x_i * y_j is +0 (or a zero whose sign cannot matter), so any sum of them is +0. */
    private boolean zeroProducts(Value a, Value b) {
      if (a.isConst(0.0) && b.isConst(0.0)) {
        return true; // +0 * +0 = +0, and sums of +0 are +0
      }
      return !zeroSign && ((a.isConst(0.0) && b.isFinite()) || (b.isConst(0.0) && a.isFinite()));
    }

    private static boolean both(Value a, Value b) {
      return a.isConst() && b.isConst();
    }

    /** A known value; -0 is written as +0 when the sign of zero cannot matter. */
    private Value constant(double c) {
      return new Value(Value.CONST, !zeroSign && c == 0.0 ? 0.0 : c);
    }
  }
}
