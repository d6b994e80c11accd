package org.automlzero.core.interpreter;

import static org.automlzero.core.interpreter.OpCodes.F16_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.F32_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.F4_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.F8_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.SKIP_DRAWS;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Kind;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;

/**
 * An algorithm decoded once, for one memory shape, into primitive arrays the interpreter runs:
 * per instruction an op code and three bank addresses (for VECTOR/MATRIX_CONST_SET the first
 * is the entry's index within the vector or the column-major matrix, see
 * {@link Interpreter#matrices()}), plus two constants.
 * Instructions whose results are never read ({@link Liveness}) are dropped; dead random
 * instructions become a "skip n draws" so the random stream stays the same. Immutable, so one
 * compiled algorithm can be shared by the interpreters of several threads.
 */
public final class CompiledAlgorithm {
  /** Ops with an unrolled F = 4 variant in the interpreter. */
  private static final Set<Op> F4_VARIANTS = EnumSet.of(Op.VECTOR_HEAVYSIDE,
      Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM, Op.VECTOR_DIFF, Op.VECTOR_PRODUCT, Op.VECTOR_INNER_PRODUCT);
  /** Ops with a variant for F = 8, 16 and 32 (constant loop bounds) in the interpreter. */
  private static final Set<Op> FIXED_VARIANTS = EnumSet.of(Op.VECTOR_HEAVYSIDE, Op.MATRIX_HEAVYSIDE,
      Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_RECIPROCAL, Op.VECTOR_NORM, Op.VECTOR_ABS, Op.VECTOR_SUM, Op.VECTOR_DIFF,
      Op.VECTOR_PRODUCT, Op.VECTOR_DIVISION, Op.VECTOR_INNER_PRODUCT, Op.VECTOR_OUTER_PRODUCT,
      Op.SCALAR_MATRIX_PRODUCT, Op.MATRIX_VECTOR_PRODUCT, Op.MATRIX_SUM, Op.MATRIX_DIFF, Op.MATRIX_PRODUCT,
      Op.VECTOR_MIN, Op.VECTOR_MAX, Op.VECTOR_MEAN, Op.VECTOR_ST_DEV);
  private static final Kind[] KINDS = Kind.values();
  private static final ComponentFunctionType[] FUNCTIONS = ComponentFunctionType.values();
  /** Ints per instruction in the code arrays: op, a (in1), b (in2), c (out). */
  static final int STRIDE = 4;

  final MemoryShape shape;
  final int[] setupCode;
  final int[] predictCode;
  final int[] learnCode;
  final double[] setupData;
  final double[] predictData;
  final double[] learnData;
  final int setupLength;
  final int predictLength;
  final int learnLength;
  /** False when no kept Predict instruction writes v0, so Learn can reuse the features as they are. */
  final boolean predictWritesFeatures;
  /**
   * False when no kept Predict or Learn instruction reads v0: then the features need never be
   * copied in (nothing could tell).
   */
  final boolean readsFeatures;
  /**
   * False when the value in s1 after Predict can never be read (Learn overwrites it first or
   * never reads it): then, for ACCURACY tasks, the executor need not store sigmoid(s1).
   */
  final boolean learnReadsPrediction;

  private CompiledAlgorithm(MemoryShape shape, Function setup, Function predict, Function learn,
      boolean learnReadsPrediction) {
    this.shape = shape;
    this.setupCode = setup.code;
    this.predictCode = predict.code;
    this.learnCode = learn.code;
    this.setupData = setup.data;
    this.predictData = predict.data;
    this.learnData = learn.data;
    this.setupLength = setup.length;
    this.predictLength = predict.length;
    this.learnLength = learn.length;
    this.predictWritesFeatures = predict.writesFeatures;
    this.readsFeatures = predict.readsFeatures || learn.readsFeatures;
    this.learnReadsPrediction = learnReadsPrediction;
  }

  /**
   * Decodes (and checks the addresses of) an algorithm for a memory shape, dropping
   * instructions whose results are never read. Throws {@link IllegalArgumentException} naming
   * the function and instruction when an address or index does not fit the shape.
   */
  public static CompiledAlgorithm compile(Algorithm algorithm, MemoryShape shape) {
    return compile(algorithm, shape, true, true);
  }

  /** The same decoding without liveness skipping: the reference path tests compare against. */
  public static CompiledAlgorithm compileWithoutSkipping(Algorithm algorithm, MemoryShape shape) {
    return compile(algorithm, shape, false, true);
  }

  /**
   * Test hook: no liveness skipping and no size-specialised variants (every op runs its generic
   * kernel), the reference the F-specialised kernels are checked against.
   */
  static CompiledAlgorithm compileGeneric(Algorithm algorithm, MemoryShape shape) {
    return compile(algorithm, shape, false, false);
  }

  private static CompiledAlgorithm compile(Algorithm algorithm, MemoryShape shape, boolean skipDead,
      boolean variants) {
    check(algorithm, shape);
    Liveness.Analysis analysis = skipDead ? Liveness.analyze(algorithm, shape) : null;
    Liveness.Masks masks = skipDead ? analysis.masks() : null;
    Function setup = encode(algorithm, ComponentFunctionType.SETUP, shape, masks, variants);
    Function predict = encode(algorithm, ComponentFunctionType.PREDICT, shape, masks, variants);
    Function learn = encode(algorithm, ComponentFunctionType.LEARN, shape, masks, variants);
    if (skipDead && variants) {
      OuterSumFusion.mark(predict.code, ComponentFunctionType.PREDICT, analysis);
      OuterSumFusion.mark(learn.code, ComponentFunctionType.LEARN, analysis);
      KnownMatrices.mark(predict.code, predict.data, learn.code, learn.data);
    }
    return new CompiledAlgorithm(shape, setup, predict, learn, !skipDead || analysis.predictionLiveIntoLearn());
  }

  /** The memory shape this algorithm was compiled for. */
  public MemoryShape shape() {
    return shape;
  }

  /**
   * Op ids of the kept instructions of one function, in order (the F = 4 variants as their op's
   * id; a merged "skip random draws" as {@code Op.values().length}).
   */
  public int[] keptOpIds(ComponentFunctionType type) {
    int[] code = switch (type) {
      case SETUP -> setupCode;
      case PREDICT -> predictCode;
      case LEARN -> learnCode;
    };
    int length = switch (type) {
      case SETUP -> setupLength;
      case PREDICT -> predictLength;
      case LEARN -> learnLength;
    };
    int[] ids = new int[length];
    for (int i = 0; i < length; i++) {
      int op = code[i * STRIDE];
      ids[i] = op == SKIP_DRAWS ? Op.values().length : op >= F4_OFFSET ? op % 100 : op;
    }
    return ids;
  }

  private static final class Function {
    int[] code;
    double[] data;
    int length;
    boolean writesFeatures;
    boolean readsFeatures;
  }

  private static Function encode(Algorithm algorithm, ComponentFunctionType type, MemoryShape shape,
      Liveness.Masks masks, boolean variants) {
    List<Instruction> instructions = algorithm.function(type);
    boolean[] live = masks == null ? null : masks.of(type);
    int n = instructions.size();
    Function f = new Function();
    f.code = new int[n * STRIDE];
    f.data = new double[n * 2];
    int features = shape.features();
    int at = 0;
    for (int i = 0; i < n; i++) {
      Instruction instruction = instructions.get(i);
      Op op = instruction.op();
      if (op == Op.NO_OP) {
        continue;
      }
      if (live != null && !live[i]) {
        if (op.drawsRandom()) {
          long draws = draws(op, features);
          // Consecutive skips merge into one.
          if (at > 0 && f.code[(at - 1) * STRIDE] == SKIP_DRAWS && f.code[(at - 1) * STRIDE + 1] + draws
              <= Integer.MAX_VALUE) {
            f.code[(at - 1) * STRIDE + 1] += (int) draws;
          } else {
            f.code[at * STRIDE] = SKIP_DRAWS;
            f.code[at * STRIDE + 1] = (int) draws;
            at++;
          }
        }
        continue;
      }
      int base = at * STRIDE;
      f.code[base] = variants ? opCode(op, features) : op.id();
      if (op.out() == Kind.VECTOR && instruction.out() == MemoryShape.FEATURES) {
        f.writesFeatures = true;
      }
      if ((op.in1() == Kind.VECTOR && instruction.in1() == MemoryShape.FEATURES)
          || (op.in2() == Kind.VECTOR && instruction.in2() == MemoryShape.FEATURES)) {
        f.readsFeatures = true;
      }
      f.code[base + 1] = op.in1() == Kind.NONE ? 0 : instruction.in1();
      f.code[base + 2] = op.in2() == Kind.NONE ? 0 : instruction.in2();
      f.code[base + 3] = instruction.out();
      switch (op.data()) {
        case NONE -> { }
        case CONSTANT -> f.data[at * 2] = instruction.activation();
        case VECTOR_ENTRY -> {
          int index = entryIndex(instruction.d0(), features, type, i, "index d0");
          f.code[base + 1] = index;
          f.data[at * 2] = instruction.d1();
        }
        case MATRIX_ENTRY -> {
          int row = entryIndex(instruction.d0(), features, type, i, "row d0");
          int column = entryIndex(instruction.d1(), features, type, i, "column d1");
          f.code[base + 1] = column * features + row;
          f.data[at * 2] = instruction.d2();
        }
        case UNIFORM, GAUSSIAN -> {
          f.data[at * 2] = instruction.d0();
          f.data[at * 2 + 1] = instruction.d1();
        }
      }
      at++;
    }
    f.length = at;
    f.code = Arrays.copyOf(f.code, at * STRIDE);
    f.data = Arrays.copyOf(f.data, at * 2);
    return f;
  }

  /**
   * Checks every instruction, live or not (a bad algorithm fails the same way whatever it
   * computes): addresses against the bank sizes, CONST_SET indices against F. The common case
   * is one quick pass; a failure is re-checked by {@link Algorithm#checkAddresses} for its message.
   */
  private static void check(Algorithm algorithm, MemoryShape shape) {
    int features = shape.features();
    int[] sizes = new int[KINDS.length];
    for (Kind kind : KINDS) {
      sizes[kind.ordinal()] = kind == Kind.NONE ? Integer.MAX_VALUE : shape.size(kind);
    }
    for (ComponentFunctionType type : FUNCTIONS) {
      List<Instruction> instructions = algorithm.function(type);
      for (int i = 0; i < instructions.size(); i++) {
        Instruction instruction = instructions.get(i);
        Op op = instruction.op();
        if (instruction.in1() >= sizes[op.in1().ordinal()] || instruction.in2() >= sizes[op.in2().ordinal()]
            || instruction.out() >= sizes[op.out().ordinal()]) {
          algorithm.checkAddresses(shape);
          throw new IllegalStateException("address check disagrees with Algorithm.checkAddresses for " + instruction);
        }
        switch (op.data()) {
          case VECTOR_ENTRY -> entryIndex(instruction.d0(), features, type, i, "index d0");
          case MATRIX_ENTRY -> {
            entryIndex(instruction.d0(), features, type, i, "row d0");
            entryIndex(instruction.d1(), features, type, i, "column d1");
          }
          case NONE, CONSTANT, UNIFORM, GAUSSIAN -> { }
        }
      }
    }
  }

  /** The interpreter's op code for an op at F: a specialised variant's when there is one. */
  static int opCode(Op op, int features) {
    if (features == 4 && F4_VARIANTS.contains(op)) {
      return F4_OFFSET + op.id();
    }
    if (FIXED_VARIANTS.contains(op)) {
      switch (features) {
        case 8 -> {
          return F8_OFFSET + op.id();
        }
        case 16 -> {
          return F16_OFFSET + op.id();
        }
        case 32 -> {
          return F32_OFFSET + op.id();
        }
        default -> { }
      }
    }
    return op.id();
  }

  /** Random draws a *_SET op makes at run time (gaussian = 2 draws per entry, uniform = 1). */
  static long draws(Op op, int features) {
    long entries = switch (op.out()) {
      case SCALAR -> 1;
      case VECTOR -> features;
      case MATRIX -> (long) features * features;
      case NONE -> 0;
    };
    return op.data() == Op.Data.GAUSSIAN ? 2 * entries : entries;
  }

  /** {@link MemoryShape#entryIndex}, failing with a message naming the instruction when no entry fits. */
  static int entryIndex(float fraction, int features, ComponentFunctionType type, int position, String what) {
    int index = MemoryShape.entryIndex(fraction, features);
    if (index < 0) {
      throw new IllegalArgumentException(type.printedName() + " instruction " + position + ": " + what + " = "
          + fraction + " is out of range: it must be a fraction in [0, 1) that selects one of F=" + features
          + " entries");
    }
    return index;
  }
}
