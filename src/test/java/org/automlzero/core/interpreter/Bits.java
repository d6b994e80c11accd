package org.automlzero.core.interpreter;

/** The bits of computed values, for tests that compare two paths entry for entry. */
final class Bits {
  private Bits() {}

  /**
   * Bits with every NaN as the canonical one: which NaN payload comes out is the JIT's choice
   * (Java does not specify it, and the generic kernels differ between interpreted, compiled and
   * vectorised code too), and nothing downstream can tell NaNs apart.
   */
  static long[] canonical(double[] x) {
    long[] out = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Double.doubleToLongBits(x[i]);
    }
    return out;
  }

  /** Raw bits, NaN payloads included: for paths that must give the very same bits. */
  static long[] raw(double[] x) {
    long[] out = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Double.doubleToRawLongBits(x[i]);
    }
    return out;
  }
}
