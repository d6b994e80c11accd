package org.automlzero.core.algorithm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.automlzero.core.random.Rng;

/**
 * The original's hand-coded algorithms: NO_OP, RANDOM, LINEAR and NEURAL_NET. LINEAR and
 * NEURAL_NET are written in the readable format in {@code src/main/resources/algorithms/} with
 * the default learning rate 0.01 (and init scale 0.1); the methods here substitute other values
 * and pad each component function with NO_OPs to the requested sizes, as the original does
 * (a function longer than its size is kept whole).
 */
public final class HandCodedAlgorithms {
  /** The original's default learning rate for LINEAR and NEURAL_NET. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  /** The original's scale (standard deviation) of the NEURAL_NET's Gaussian weight init. */
  public static final double DEFAULT_INIT_SCALE = 0.1;

  private static final Algorithm LINEAR = load("linear.txt");
  private static final Algorithm NEURAL_NET = load("neural_net.txt");

  private HandCodedAlgorithms() {}

  /** All NO_OPs of the given sizes. */
  public static Algorithm noOp(int setupSize, int predictSize, int learnSize) {
    return Algorithm.noOp(setupSize, predictSize, learnSize);
  }

  /** All NO_OPs of the given sizes. */
  public static Algorithm noOp(AlgorithmSizes sizes) {
    return Algorithm.noOp(sizes.setup(), sizes.predict(), sizes.learn());
  }

  /**
   * Random instructions of the given sizes: per function (Setup, Predict, Learn, in order) and
   * per position, an op uniform among the function's allowed ops, then
   * {@link Instruction#random}. A function of size 0 may have no allowed ops.
   */
  public static Algorithm random(AlgorithmSizes sizes, Map<ComponentFunctionType, List<Op>> allowedOps,
      MemoryShape shape, Rng rng) {
    List<List<Instruction>> functions = new ArrayList<>();
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      List<Op> ops = allowedOps.getOrDefault(type, List.of());
      try {
        functions.add(randomFunction(sizes.of(type), ops, shape, rng));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(type.printedName() + ": " + e.getMessage(), e);
      }
    }
    return new Algorithm(functions.get(0), functions.get(1), functions.get(2));
  }

  /** {@code size} random instructions, each op uniform among {@code allowedOps}. */
  public static List<Instruction> randomFunction(int size, List<Op> allowedOps, MemoryShape shape, Rng rng) {
    if (size > 0 && allowedOps.isEmpty()) {
      throw new IllegalArgumentException("size is " + size + " but no ops are allowed: a component function with "
          + "instructions needs at least one allowed op");
    }
    for (Op op : allowedOps) {
      if (!shape.supports(op)) {
        throw new IllegalArgumentException("allowed op " + op + " needs a " + missingBank(op, shape)
            + " address, but the memory " + shape + " has none it could use");
      }
    }
    List<Instruction> instructions = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Op op = allowedOps.get(rng.nextInt(allowedOps.size()));
      instructions.add(Instruction.random(op, shape, rng));
    }
    return instructions;
  }

  /** LINEAR with the given learning rate, padded with NO_OPs to the sizes (needs memory 4/3/0). */
  public static Algorithm linear(double learningRate, AlgorithmSizes padding) {
    requireFinite("learning rate", learningRate);
    return pad(substitute(LINEAR, learningRate, Double.NaN), padding);
  }

  /**
   * NEURAL_NET with the given learning rate and Gaussian init scale of both weight layers,
   * padded with NO_OPs to the sizes (needs memory 5/9/2).
   */
  public static Algorithm neuralNet(double learningRate, double initScale, AlgorithmSizes padding) {
    requireFinite("learning rate", learningRate);
    requireFinite("init scale", initScale);
    if (initScale < 0) {
      throw new IllegalArgumentException("init scale must be >= 0 (a standard deviation), but was " + initScale);
    }
    return pad(substitute(NEURAL_NET, learningRate, initScale), padding);
  }

  /**
   * The init algorithm of a search, checked against the memory: NO_OP and RANDOM of the sizes,
   * LINEAR and NEURAL_NET with the default learning rate and init scale, padded to the sizes.
   * {@code allowedOps} and {@code rng} are used only by RANDOM.
   */
  public static Algorithm create(InitAlgorithm kind, AlgorithmSizes sizes,
      Map<ComponentFunctionType, List<Op>> allowedOps, MemoryShape shape, Rng rng) {
    Algorithm algorithm = switch (kind) {
      case NO_OP -> noOp(sizes);
      case RANDOM -> random(sizes, allowedOps, shape, rng);
      case LINEAR -> linear(DEFAULT_LEARNING_RATE, sizes);
      case NEURAL_NET -> neuralNet(DEFAULT_LEARNING_RATE, DEFAULT_INIT_SCALE, sizes);
    };
    checkFits(kind.name(), algorithm, shape);
    return algorithm;
  }

  /**
   * Fails with a message naming the algorithm and the addresses it needs when the memory is too
   * small for it (call it before running a hand-coded algorithm on a configured memory), e.g.
   * "init algorithm NEURAL_NET needs at least 5 scalar, 9 vector and 2 matrix
   * addresses, but the memory has 4 scalar, 3 vector and 1 matrix addresses".
   */
  public static void checkFits(String name, Algorithm algorithm, MemoryShape shape) {
    int[] needed = neededAddresses(algorithm);
    if (needed[0] > shape.scalars() || needed[1] > shape.vectors() || needed[2] > shape.matrices()) {
      throw new IllegalArgumentException("init algorithm " + name + " needs at least " + needed[0] + " scalar, "
          + needed[1] + " vector and " + needed[2] + " matrix addresses, but the memory has " + shape.scalars()
          + " scalar, " + shape.vectors() + " vector and " + shape.matrices() + " matrix addresses");
    }
  }

  /** The smallest scalar, vector and matrix bank sizes whose addresses hold every instruction's arguments. */
  public static int[] neededAddresses(Algorithm algorithm) {
    int[] needed = new int[3];
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      for (Instruction in : algorithm.function(type)) {
        need(needed, in.op().in1(), in.in1());
        need(needed, in.op().in2(), in.in2());
        need(needed, in.op().out(), in.out());
      }
    }
    return needed;
  }

  private static void need(int[] needed, Kind kind, int address) {
    switch (kind) {
      case NONE -> { }
      case SCALAR -> needed[0] = Math.max(needed[0], address + 1);
      case VECTOR -> needed[1] = Math.max(needed[1], address + 1);
      case MATRIX -> needed[2] = Math.max(needed[2], address + 1);
    }
  }

  /** Replaces the learning-rate constant and (when not NaN) the Gaussian init scale in Setup. */
  private static Algorithm substitute(Algorithm algorithm, double learningRate, double initScale) {
    List<Instruction> setup = new ArrayList<>();
    for (Instruction in : algorithm.setup()) {
      Instruction replaced = switch (in.op().data()) {
        case CONSTANT -> Instruction.constant(in.out(), learningRate);
        case GAUSSIAN -> Double.isNaN(initScale) ? in
            : Instruction.withData(in.op(), in.out(), in.d0(), (float) initScale, 0f);
        case NONE, VECTOR_ENTRY, MATRIX_ENTRY, UNIFORM -> in;
      };
      setup.add(replaced);
    }
    return algorithm.with(ComponentFunctionType.SETUP, setup);
  }

  private static Algorithm pad(Algorithm algorithm, AlgorithmSizes sizes) {
    Algorithm padded = algorithm;
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      List<Instruction> function = algorithm.function(type);
      int missing = sizes.of(type) - function.size();
      if (missing > 0) {
        List<Instruction> longer = new ArrayList<>(function);
        longer.addAll(Collections.nCopies(missing, Instruction.NO_OP));
        padded = padded.with(type, longer);
      }
    }
    return padded;
  }

  private static void requireFinite(String what, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number, but was " + value);
    }
  }

  private static String missingBank(Op op, MemoryShape shape) {
    return op.usesMatrices() && shape.matrices() == 0 ? "matrix" : "writable " + op.out().name().toLowerCase(
        java.util.Locale.ROOT);
  }

  /** Parses a resource in the readable format; a broken resource is a build error, so it fails loudly. */
  private static Algorithm load(String name) {
    String path = "/algorithms/" + name;
    try (InputStream in = HandCodedAlgorithms.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is missing from the classpath");
      }
      return AlgorithmParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + path, e);
    } catch (AlgorithmFormatException e) {
      throw new IllegalStateException("resource " + path + " is malformed: " + e.getMessage(), e);
    }
  }
}
