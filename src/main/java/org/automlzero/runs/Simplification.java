package org.automlzero.runs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import org.automlzero.core.algorithm.Algorithm;

/**
 * The dead-code-free form of an algorithm, when the core's simplifier
 * ({@code org.automlzero.core.simplify.Simplifier}) is on the class path; empty otherwise, and
 * callers then show the raw form only.
 */
public final class Simplification {
  private static final Method SIMPLIFY = find();

  private Simplification() {}

  public static Optional<Algorithm> simplify(Algorithm algorithm) {
    if (SIMPLIFY == null) {
      return Optional.empty();
    }
    try {
      return Optional.of((Algorithm) SIMPLIFY.invoke(null, algorithm));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  private static Method find() {
    try {
      return Class.forName("org.automlzero.core.simplify.Simplifier").getMethod("simplify", Algorithm.class);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
