package org.automlzero.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.automlzero.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels (SimdKernels8/16/32, SimdLoops) against the generic scalar kernels, bit for bit
 * (NaN payloads aside, as in {@link SpecialisedKernelsTest}), on random vectors and matrices
 * with NaN, infinities, signed zeros and subnormals, in-place outputs and offsets. The build
 * runs the tests with the module (pom.xml's engine.jvm.flags), so the first test checks that
 * the engine really uses it there.
 */
class SimdKernelsTest {
  private static final double[] SPECIAL = {Double.NaN, -Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
      -Double.MIN_NORMAL / 3, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 1e-300, -1e300,
      Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xfff8000000000123L)};

  @Test
  void theBuildsTestJvmRunsTheVectorApiKernels() {
    assertThat(ModuleLayer.boot().findModule(Simd.MODULE)).as("pom.xml's engine.jvm.flags in the argLine").isPresent();
    boolean limitedJit = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(a -> a.equals("-Xint") || a.matches("-XX:TieredStopAtLevel=[0-3]"));
    boolean off = "false".equals(System.getProperty("automlzero.simd"));
    assertThat(Simd.ENABLED).as(Simd.describe()).isEqualTo(!limitedJit && !off);
  }

  @Test
  void everyKernelMatchesTheGenericOneBitForBit() {
    assumeTrue(ModuleLayer.boot().findModule(Simd.MODULE).isPresent(), "no " + Simd.MODULE + " module");
    Rng rng = new Rng(4242);
    for (int trial = 0; trial < 4000; trial++) {
      double special = trial % 4 == 0 ? 0.0 : trial % 4 == 1 ? 0.05 : 0.4;
      check(8, rng, special);
      check(16, rng, special);
      check(32, rng, special);
    }
  }

  @Test
  void theBatchLoopsMatchTheScalarSelectsForEveryLength() {
    assumeTrue(ModuleLayer.boot().findModule(Simd.MODULE).isPresent(), "no " + Simd.MODULE + " module");
    Rng rng = new Rng(77);
    for (int trial = 0; trial < 3000; trial++) {
      int n = rng.nextInt(70);
      double special = trial % 3 == 0 ? 0.0 : 0.4;
      double[] x = random(n, rng, special);
      double[] y = rng.nextDouble() < 0.1 ? x.clone() : random(n, rng, special);
      double[] expected = new double[n];
      double[] actual = new double[n];
      Kernels.heaviside(x, expected, n);
      SimdLoops.heaviside(x, actual, n);
      assertSame(actual, expected, "heaviside n=" + n);
      SimdLoops.min(x, y, actual, n);
      assertSame(actual, scalar("min", x, y), "min n=" + n);
      SimdLoops.max(x, y, actual, n);
      assertSame(actual, scalar("max", x, y), "max n=" + n);
    }
  }

  @Test
  void theChangeTrackingLoopsMatchTheScalarOnesBitForBit() {
    assumeTrue(ModuleLayer.boot().findModule(Simd.MODULE).isPresent(), "no " + Simd.MODULE + " module");
    Rng rng = new Rng(99);
    int changed = 0;
    for (int trial = 0; trial < 3000; trial++) {
      int n = rng.nextInt(70);
      double special = trial % 3 == 0 ? 0.0 : 0.6;
      double[] x = random(n, rng, special);
      double[] y = random(n, rng, special);
      double[] old = rng.nextDouble() < 0.5 ? random(n, rng, special) : null;
      for (int id : new int[] {OpCodes.MATRIX_SUM, OpCodes.MATRIX_DIFF, OpCodes.MATRIX_PRODUCT}) {
        double[] expected = old == null ? new double[n] : old.clone();
        boolean scalarChanged = Kernels.elementwiseChanged(id, x, y, expected, 0, n);
        double[] actual = old == null ? new double[n] : old.clone();
        boolean simdChanged = SimdLoops.elementwiseChanged(id, x, y, actual, n);
        String at = "op " + id + " n=" + n;
        assertThat(Bits.canonical(actual)).as(at).isEqualTo(Bits.canonical(expected));
        // Each says whether its own output's raw bits changed (NaN payloads may differ between the two).
        long[] before = Bits.raw(old == null ? new double[n] : old);
        assertThat(scalarChanged).as(at + " scalar").isEqualTo(!Arrays.equals(Bits.raw(expected), before));
        assertThat(simdChanged).as(at + " simd").isEqualTo(!Arrays.equals(Bits.raw(actual), before));
        changed += scalarChanged ? 1 : 0;
      }
    }
    assertThat(changed).isBetween(1000, 8999);
  }

  private static void check(int n, Rng rng, double special) {
    int nn = n * n;
    double[] x = random(n, rng, special);
    double[] y = rng.nextDouble() < 0.1 ? x.clone() : random(n, rng, special);
    double[] mx = random(nn, rng, special);
    double[] my = random(nn, rng, special);
    double k = random(1, rng, special)[0];
    String at = "n=" + n;

    double[] expected = new double[n];
    Kernels.heaviside(x, expected, n);
    assertSame(simd(n, "heaviside", x, null, 0), expected, at + " heaviside");
    expected = new double[nn];
    Kernels.heaviside(mx, expected, nn);
    assertSame(simd(n, "matrixHeaviside", mx, null, 0), expected, at + " matrix heaviside");
    expected = new double[n];
    Kernels.scale(k, x, expected, n);
    assertSame(simd(n, "scale", x, null, k), expected, at + " scale");
    expected = new double[nn];
    Kernels.scale(k, mx, expected, nn);
    assertSame(simd(n, "matrixScale", mx, null, k), expected, at + " matrix scale");
    expected = new double[n];
    Kernels.reciprocal(x, expected, n);
    assertSame(simd(n, "reciprocal", x, null, 0), expected, at + " reciprocal");
    for (String op : new String[] {"sum", "diff", "product", "division", "min", "max"}) {
      assertSame(simd(n, op, x, y, 0), scalar(op, x, y), at + " " + op);
    }
    for (String op : new String[] {"matrixSum", "matrixDiff", "matrixProduct"}) {
      assertSame(simd(n, op, mx, my, 0), scalar(op, mx, my), at + " " + op);
    }

    // In place (out = x), as the interpreter runs v1 = v1 + v2.
    double[] inPlace = x.clone();
    sum(n, inPlace, y, inPlace);
    assertSame(inPlace, scalar("sum", x, y), at + " in-place sum");

    // Outer and matrix-vector products at offsets (a task batch's slots).
    int slot = rng.nextInt(3);
    double[] xs = new double[3 * n];
    double[] ys = new double[3 * n];
    System.arraycopy(x, 0, xs, slot * n, n);
    System.arraycopy(y, 0, ys, slot * n, n);
    double[] outer = new double[3 * nn];
    outer(n, xs, slot * n, ys, slot * n, outer, slot * nn);
    double[] expectedOuter = new double[nn];
    Kernels.outer(x, y, expectedOuter, n);
    assertSame(java.util.Arrays.copyOfRange(outer, slot * nn, slot * nn + nn), expectedOuter, at + " outer");

    // The fused outer product and sum, in both operand orders, in place (out = z) and not.
    boolean outerFirst = rng.nextDouble() < 0.5;
    double[] expectedSum = new double[nn];
    for (int e = 0; e < nn; e++) {
      expectedSum[e] = outerFirst ? expectedOuter[e] + mx[e] : mx[e] + expectedOuter[e];
    }
    double[] fused = new double[nn];
    outerSum(n, x, y, mx, fused, outerFirst);
    assertSame(fused, expectedSum, at + " outer sum");
    double[] fusedInPlace = mx.clone();
    outerSum(n, x, y, fusedInPlace, fusedInPlace, outerFirst);
    assertSame(fusedInPlace, expectedSum, at + " outer sum in place");

    double[] ms = new double[3 * nn];
    System.arraycopy(mx, 0, ms, slot * nn, nn);
    double[] product = new double[3 * n];
    matrixVectorProduct(n, ms, slot * nn, xs, slot * n, product, slot * n);
    double[] expectedProduct = new double[n];
    Kernels.matrixVectorProduct(mx, x, expectedProduct, n, new double[n]);
    assertSame(java.util.Arrays.copyOfRange(product, slot * n, slot * n + n), expectedProduct, at + " M x");
  }

  private static double[] scalar(String op, double[] x, double[] y) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = switch (op) {
        case "sum", "matrixSum" -> x[i] + y[i];
        case "diff", "matrixDiff" -> x[i] - y[i];
        case "product", "matrixProduct" -> x[i] * y[i];
        case "division" -> x[i] / y[i];
        case "min" -> Kernels.stdMin(x[i], y[i]);
        case "max" -> Kernels.stdMax(x[i], y[i]);
        default -> throw new IllegalArgumentException(op);
      };
    }
    return out;
  }

  /** Runs the named SIMD kernel of size n into a fresh array. */
  private static double[] simd(int n, String op, double[] x, double[] y, double k) {
    double[] out = new double[x.length];
    switch (n) {
      case 8 -> run8(op, x, y, k, out);
      case 16 -> run16(op, x, y, k, out);
      case 32 -> run32(op, x, y, k, out);
      default -> throw new IllegalArgumentException("n=" + n);
    }
    return out;
  }

  private static void run16(String op, double[] x, double[] y, double k, double[] out) {
    switch (op) {
      case "heaviside" -> SimdKernels16.heaviside(x, out);
      case "matrixHeaviside" -> SimdKernels16.matrixHeaviside(x, out);
      case "scale" -> SimdKernels16.scale(k, x, out);
      case "matrixScale" -> SimdKernels16.matrixScale(k, x, out);
      case "reciprocal" -> SimdKernels16.reciprocal(x, out);
      case "sum" -> SimdKernels16.sum(x, y, out);
      case "diff" -> SimdKernels16.diff(x, y, out);
      case "product" -> SimdKernels16.product(x, y, out);
      case "division" -> SimdKernels16.division(x, y, out);
      case "min" -> SimdKernels16.min(x, y, out);
      case "max" -> SimdKernels16.max(x, y, out);
      case "matrixSum" -> SimdKernels16.matrixSum(x, y, out);
      case "matrixDiff" -> SimdKernels16.matrixDiff(x, y, out);
      case "matrixProduct" -> SimdKernels16.matrixProduct(x, y, out);
      default -> throw new IllegalArgumentException(op);
    }
  }

  private static void run8(String op, double[] x, double[] y, double k, double[] out) {
    switch (op) {
      case "heaviside" -> SimdKernels8.heaviside(x, out);
      case "matrixHeaviside" -> SimdKernels8.matrixHeaviside(x, out);
      case "scale" -> SimdKernels8.scale(k, x, out);
      case "matrixScale" -> SimdKernels8.matrixScale(k, x, out);
      case "reciprocal" -> SimdKernels8.reciprocal(x, out);
      case "sum" -> SimdKernels8.sum(x, y, out);
      case "diff" -> SimdKernels8.diff(x, y, out);
      case "product" -> SimdKernels8.product(x, y, out);
      case "division" -> SimdKernels8.division(x, y, out);
      case "min" -> SimdKernels8.min(x, y, out);
      case "max" -> SimdKernels8.max(x, y, out);
      case "matrixSum" -> SimdKernels8.matrixSum(x, y, out);
      case "matrixDiff" -> SimdKernels8.matrixDiff(x, y, out);
      case "matrixProduct" -> SimdKernels8.matrixProduct(x, y, out);
      default -> throw new IllegalArgumentException(op);
    }
  }

  private static void run32(String op, double[] x, double[] y, double k, double[] out) {
    switch (op) {
      case "heaviside" -> SimdKernels32.heaviside(x, out);
      case "matrixHeaviside" -> SimdKernels32.matrixHeaviside(x, out);
      case "scale" -> SimdKernels32.scale(k, x, out);
      case "matrixScale" -> SimdKernels32.matrixScale(k, x, out);
      case "reciprocal" -> SimdKernels32.reciprocal(x, out);
      case "sum" -> SimdKernels32.sum(x, y, out);
      case "diff" -> SimdKernels32.diff(x, y, out);
      case "product" -> SimdKernels32.product(x, y, out);
      case "division" -> SimdKernels32.division(x, y, out);
      case "min" -> SimdKernels32.min(x, y, out);
      case "max" -> SimdKernels32.max(x, y, out);
      case "matrixSum" -> SimdKernels32.matrixSum(x, y, out);
      case "matrixDiff" -> SimdKernels32.matrixDiff(x, y, out);
      case "matrixProduct" -> SimdKernels32.matrixProduct(x, y, out);
      default -> throw new IllegalArgumentException(op);
    }
  }

  private static void sum(int n, double[] x, double[] y, double[] out) {
    switch (n) {
      case 8 -> SimdKernels8.sum(x, y, out);
      case 16 -> SimdKernels16.sum(x, y, out);
      default -> SimdKernels32.sum(x, y, out);
    }
  }

  private static void outer(int n, double[] x, int xFrom, double[] y, int yFrom, double[] out, int outFrom) {
    switch (n) {
      case 8 -> SimdKernels8.outer(x, xFrom, y, yFrom, out, outFrom);
      case 16 -> SimdKernels16.outer(x, xFrom, y, yFrom, out, outFrom);
      default -> SimdKernels32.outer(x, xFrom, y, yFrom, out, outFrom);
    }
  }

  private static void outerSum(int n, double[] x, double[] y, double[] z, double[] out, boolean outerFirst) {
    switch (n) {
      case 8 -> SimdKernels8.outerSum(x, y, z, out, outerFirst);
      case 16 -> SimdKernels16.outerSum(x, y, z, out, outerFirst);
      default -> SimdKernels32.outerSum(x, y, z, out, outerFirst);
    }
  }

  private static void matrixVectorProduct(int n, double[] m, int mFrom, double[] x, int xFrom, double[] out, int to) {
    switch (n) {
      case 8 -> SimdKernels8.matrixVectorProduct(m, mFrom, x, xFrom, out, to);
      case 16 -> SimdKernels16.matrixVectorProduct(m, mFrom, x, xFrom, out, to);
      default -> SimdKernels32.matrixVectorProduct(m, mFrom, x, xFrom, out, to);
    }
  }

  private static double[] random(int n, Rng rng, double special) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      x[i] = u < special ? SPECIAL[rng.nextInt(SPECIAL.length)]
          : u < special * 1.5 ? Double.longBitsToDouble(rng.nextLong()) : rng.gaussian(0, 2);
    }
    return x;
  }

  private static void assertSame(double[] actual, double[] expected, String what) {
    assertThat(Bits.canonical(actual)).as(what).isEqualTo(Bits.canonical(expected));
  }
}
