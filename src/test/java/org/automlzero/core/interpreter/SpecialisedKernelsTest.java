package org.automlzero.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The size-specialised kernels (F = 4 unrolled; F = 8, 16, 32 with constant bounds) and the
 * branch-free selects give the same memory, bit for bit, as the generic kernels, on memory full
 * of special values (NaN, infinities, signed zeros, subnormals) as well as ordinary numbers
 * (NaNs compare equal whatever their payload).
 */
class SpecialisedKernelsTest {
  private static final double[] SPECIAL = {Double.NaN, -Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
      -Double.MAX_VALUE, 1.0, -1.0, 1e-300, -1e300, Double.longBitsToDouble(0x7ff0000000000001L),
      Double.longBitsToDouble(0xfff8000000000123L)};

  @Test
  void scalarSelectsMatchTheirDefinitions() {
    for (double x : SPECIAL) {
      assertThat(Double.doubleToRawLongBits(Kernels.heaviside(x))).as("heaviside(%s)", x)
          .isEqualTo(Double.doubleToRawLongBits(x > 0.0 ? 1.0 : 0.0));
      for (double y : SPECIAL) {
        assertThat(Double.doubleToRawLongBits(Kernels.stdMin(x, y))).as("min(%s, %s)", x, y)
            .isEqualTo(Double.doubleToRawLongBits(y < x ? y : x));
        assertThat(Double.doubleToRawLongBits(Kernels.stdMax(x, y))).as("max(%s, %s)", x, y)
            .isEqualTo(Double.doubleToRawLongBits(x < y ? y : x));
      }
    }
    Rng rng = new Rng(5);
    for (int i = 0; i < 100_000; i++) {
      double x = Double.longBitsToDouble(rng.nextLong());
      double y = rng.nextDouble() < 0.5 ? x : Double.longBitsToDouble(rng.nextLong());
      assertThat(Kernels.heaviside(x)).isEqualTo(x > 0.0 ? 1.0 : 0.0);
      assertThat(Double.doubleToRawLongBits(Kernels.stdMax(x, y)))
          .isEqualTo(Double.doubleToRawLongBits(x < y ? y : x));
      assertThat(Double.doubleToRawLongBits(Kernels.stdMin(x, y)))
          .isEqualTo(Double.doubleToRawLongBits(y < x ? y : x));
    }
  }

  @Test
  void specialisedKernelsMatchTheGenericOnesBitForBit() {
    Rng rng = new Rng(2718);
    for (int features : new int[] {4, 8, 16, 32}) {
      MemoryShape shape = new MemoryShape(4, 4, 3, features);
      List<Op> ops = RandomAlgorithms.supportedOps(shape);
      Interpreter specialised = new Interpreter(shape, 100);
      Interpreter generic = new Interpreter(shape, 100);
      for (int trial = 0; trial < 3000; trial++) {
        Algorithm algorithm = RandomAlgorithms.randomAlgorithm(shape, ops, 1 + rng.nextInt(12), 0, 0, rng);
        double specialProbability = trial % 3 == 0 ? 0.0 : 0.3;
        long memorySeed = rng.nextLong();
        fill(specialised, new Rng(memorySeed), specialProbability);
        fill(generic, new Rng(memorySeed), specialProbability);
        long runSeed = rng.nextLong();
        specialised.runSetupOnCurrentMemory(CompiledAlgorithm.compileWithoutSkipping(algorithm, shape),
            new Rng(runSeed));
        generic.runSetupOnCurrentMemory(CompiledAlgorithm.compileGeneric(algorithm, shape), new Rng(runSeed));
        String what = "F=" + features + " trial " + trial + ": " + algorithm;
        assertThat(Bits.canonical(specialised.scalars())).as(what).isEqualTo(Bits.canonical(generic.scalars()));
        for (int i = 0; i < shape.vectors(); i++) {
          assertThat(Bits.canonical(specialised.vectors()[i])).as(what).isEqualTo(Bits.canonical(generic.vectors()[i]));
        }
        for (int i = 0; i < shape.matrices(); i++) {
          assertThat(Bits.canonical(specialised.matrices()[i])).as(what).isEqualTo(Bits.canonical(generic.matrices()[i]));
        }
      }
    }
  }

  private static void fill(Interpreter interpreter, Rng rng, double specialProbability) {
    fill(interpreter.scalars(), rng, specialProbability);
    for (double[] v : interpreter.vectors()) {
      fill(v, rng, specialProbability);
    }
    for (double[] m : interpreter.matrices()) {
      fill(m, rng, specialProbability);
    }
  }

  private static void fill(double[] x, Rng rng, double specialProbability) {
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble() < specialProbability ? SPECIAL[rng.nextInt(SPECIAL.length)] : rng.gaussian(0, 2);
    }
  }
}
