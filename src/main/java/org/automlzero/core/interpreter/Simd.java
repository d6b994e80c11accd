package org.automlzero.core.interpreter;

import java.lang.management.ManagementFactory;

/**
 * Whether the F = 8/16/32 kernels run on the Vector API ({@code jdk.incubator.vector}, JDK 17's
 * incubator module). It is used only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (every launch path of the project passes it) and
 * C2 compiles it (under the interpreter or C1 alone, the Vector API's Java fallback is far
 * slower than scalar code). Otherwise the kernels run their scalar loops. Both give the same
 * results bit for bit: the SIMD kernels ({@link SimdKernels16}) do the same operations in the
 * same order per entry, with lanes only across independent entries or matrix rows.
 * {@code -Dautomlzero.simd=false} turns it off.
 */
public final class Simd {
  private Simd() {}

  /** The module name the launch paths add. */
  static final String MODULE = "jdk.incubator.vector";

  /** True when the specialised kernels use the Vector API (read once, so the JIT folds every test of it). */
  static final boolean ENABLED = detect();

  private static boolean detect() {
    if (!Boolean.parseBoolean(System.getProperty("automlzero.simd", "true"))) {
      return false;
    }
    if (ModuleLayer.boot().findModule(MODULE).isEmpty() || !c2Compiles()) {
      return false;
    }
    try {
      return SimdKernels16.usable() && SimdKernels8.usable();
    } catch (LinkageError e) {
      return false;
    }
  }

  /** False for -Xint and for a JIT stopped below C2 (-XX:TieredStopAtLevel=1..3). */
  private static boolean c2Compiles() {
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.equals("-Xint") || arg.matches("-XX:TieredStopAtLevel=[0-3]")) {
        return false;
      }
    }
    return true;
  }

  /** One line for the bench output and logs: which kernels run. */
  public static String describe() {
    return ENABLED ? "Vector API kernels (" + SimdKernels16.species() + ")"
        : "scalar kernels (start the JVM with --add-modules " + MODULE + " for the Vector API)";
  }
}
