package org.automlzero.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;

/** The bits of computed values, for tests that compare two paths entry for entry, and that comparison. */
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

  /**
   * The per-example errors of one task's fingerprint pass (every train and validation example),
   * run by {@code a} on {@code compiled} and by {@code b} on {@code reference} with the same seed,
   * are equal in the given bits.
   */
  static void assertSameErrors(Interpreter a, CompiledAlgorithm compiled, Interpreter b, CompiledAlgorithm reference,
      LearningTask task, long seed, Function<double[], long[]> bits, String what) {
    double[] trainA = new double[task.numTrain()];
    double[] validA = new double[task.numValid()];
    double[] trainB = new double[task.numTrain()];
    double[] validB = new double[task.numValid()];
    int recordedA = a.fingerprint(compiled, task, task.numTrain(), task.numValid(), new Rng(seed), trainA, validA);
    int recordedB = b.fingerprint(reference, task, task.numTrain(), task.numValid(), new Rng(seed), trainB, validB);
    assertThat(recordedA).as(what).isEqualTo(recordedB);
    assertThat(bits.apply(trainA)).as("%s train errors", what).isEqualTo(bits.apply(trainB));
    assertThat(bits.apply(validA)).as("%s valid errors", what).isEqualTo(bits.apply(validB));
  }
}
