package org.automlzero.core.algorithm;

import org.automlzero.core.random.Rng;

/**
 * One immutable instruction: an op, its input and output addresses, and its data (one double
 * {@code activation} and three floats {@code d0..d2}, as in the original). Unused fields are 0.
 * Children share unchanged instructions with their parent, since instructions never change.
 */
public record Instruction(Op op, int in1, int in2, int out, double activation, float d0, float d1, float d2) {

  public static final Instruction NO_OP = new Instruction(Op.NO_OP, 0, 0, 0, 0.0, 0f, 0f, 0f);

  public Instruction {
    if (op == null) {
      throw new IllegalArgumentException("op must not be null");
    }
    if (in1 < 0 || in2 < 0 || out < 0) {
      throw new IllegalArgumentException(
          "addresses must be >= 0, but were in1=" + in1 + " in2=" + in2 + " out=" + out + " for " + op);
    }
  }

  // Written out because the search hashes and compares algorithms on the driver's
  // per-candidate path (FEC fingerprint memo); same meaning as the record's own methods.
  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Instruction i && op == i.op && in1 == i.in1 && in2 == i.in2 && out == i.out
        && Double.doubleToLongBits(activation) == Double.doubleToLongBits(i.activation)
        && Float.floatToIntBits(d0) == Float.floatToIntBits(i.d0)
        && Float.floatToIntBits(d1) == Float.floatToIntBits(i.d1)
        && Float.floatToIntBits(d2) == Float.floatToIntBits(i.d2));
  }

  @Override
  public int hashCode() {
    int h = op.ordinal();
    h = 31 * h + in1;
    h = 31 * h + in2;
    h = 31 * h + out;
    h = 31 * h + Double.hashCode(activation);
    h = 31 * h + Float.floatToIntBits(d0);
    h = 31 * h + Float.floatToIntBits(d1);
    return 31 * h + Float.floatToIntBits(d2);
  }

  /** An instruction with addresses only (no data). */
  public static Instruction of(Op op, int in1, int in2, int out) {
    return new Instruction(op, in1, in2, out, 0.0, 0f, 0f, 0f);
  }

  /** A SCALAR_CONST_SET instruction. */
  public static Instruction constant(int out, double value) {
    return new Instruction(Op.SCALAR_CONST_SET, 0, 0, out, value, 0f, 0f, 0f);
  }

  /** An instruction with data (for the *_SET ops). */
  public static Instruction withData(Op op, int out, float d0, float d1, float d2) {
    return new Instruction(op, 0, 0, out, 0.0, d0, d1, d2);
  }

  /**
   * A random instruction of the given op: inputs uniform over their whole bank, outputs from
   * [1, S) for scalars, [1, V) for vectors, [0, M) for matrices; data from the op's init rule.
   */
  public static Instruction random(Op op, MemoryShape shape, Rng rng) {
    if (!shape.supports(op)) {
      throw new IllegalArgumentException("op " + op + " needs an address the memory shape " + shape + " lacks");
    }
    int in1 = randomInput(op.in1(), shape, rng);
    int in2 = randomInput(op.in2(), shape, rng);
    int out = randomOutput(op.out(), shape, rng);
    return switch (op.data()) {
      case NONE -> new Instruction(op, in1, in2, out, 0.0, 0f, 0f, 0f);
      case CONSTANT -> new Instruction(op, 0, 0, out, rng.uniform(-1.0, 1.0), 0f, 0f, 0f);
      case VECTOR_ENTRY -> withData(op, out, (float) rng.uniform(0.0, 1.0), (float) rng.uniform(-1.0, 1.0), 0f);
      case MATRIX_ENTRY -> withData(op, out, (float) rng.uniform(0.0, 1.0), (float) rng.uniform(0.0, 1.0),
          (float) rng.uniform(-1.0, 1.0));
      case UNIFORM -> {
        float a = (float) rng.uniform(-1.0, 1.0);
        float b = (float) rng.uniform(-1.0, 1.0);
        yield withData(op, out, Math.min(a, b), Math.max(a, b), 0f);
      }
      case GAUSSIAN -> withData(op, out, (float) rng.uniform(-1.0, 1.0), (float) rng.uniform(0.0, 1.0), 0f);
    };
  }

  /** A new random input address for a bank of the given kind (0 when the kind is NONE). */
  public static int randomInput(Kind kind, MemoryShape shape, Rng rng) {
    return kind == Kind.NONE ? 0 : rng.nextInt(shape.size(kind));
  }

  /** A new random output address for a bank of the given kind (0 when the kind is NONE). */
  public static int randomOutput(Kind kind, MemoryShape shape, Rng rng) {
    if (kind == Kind.NONE) {
      return 0;
    }
    int first = MemoryShape.firstWritable(kind);
    return first + rng.nextInt(shape.size(kind) - first);
  }

  /**
   * Checks every address against the shape; a broken address is an error that names the
   * instruction, never a wrong result.
   */
  public void checkAddresses(MemoryShape shape) {
    check("in1", op.in1(), in1, shape);
    check("in2", op.in2(), in2, shape);
    check("out", op.out(), out, shape);
  }

  private void check(String role, Kind kind, int address, MemoryShape shape) {
    if (kind != Kind.NONE && address >= shape.size(kind)) {
      throw new IllegalArgumentException(role + " address " + address + " of " + op + " is out of range: the "
          + kind.name().toLowerCase(java.util.Locale.ROOT) + " bank has " + shape.size(kind) + " addresses");
    }
  }
}
