package org.automlzero.core.random;

import java.nio.charset.StandardCharsets;

/**
 * The project's one random-number generator: SplitMix64 (Steele, Lea, Flood 2014). Its whole
 * state is one {@code long}, so a stream can be checkpointed ({@link #state()}) and restored,
 * and skipped ahead in O(1) ({@link #skip(long)}). Every stream is derived from a seed and a
 * purpose with {@link #derive(long, String, long...)}; nothing in the project uses global or
 * time-seeded randomness.
 *
 * <p>This differs from the original AutoML-Zero, which uses {@code std::mt19937}: the same
 * seed gives different (but equally distributed) draws here. Not thread-safe: one stream per
 * thread of work.
 */
public final class Rng {
  private static final long GAMMA = 0x9E3779B97F4A7C15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;

  public Rng(long seed) {
    this.state = seed;
  }

  /** A stream for a purpose (e.g. "mutate", "task-data") and any indices (island, generation, ...). */
  public static Rng derive(long seed, String purpose, long... indices) {
    return new Rng(deriveSeed(seed, purpose, indices));
  }

  /** The seed {@link #derive} would use; stable across JVMs and platforms. */
  public static long deriveSeed(long seed, String purpose, long... indices) {
    long h = mix(seed ^ 0x5851F42D4C957F2DL);
    for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xFF));
    }
    for (long index : indices) {
      h = mix(h + GAMMA ^ index);
    }
    return h;
  }

  /** The full state; {@code new Rng(state())} continues the same stream. */
  public long state() {
    return state;
  }

  public long nextLong() {
    return mix(state += GAMMA);
  }

  /** Skips {@code draws} calls of {@link #nextLong()} (and so of every method that uses one draw). */
  public void skip(long draws) {
    state += draws * GAMMA;
  }

  /** Uniform in [0, 1), one draw. */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** Uniform in [low, high), one draw. */
  public double uniform(double low, double high) {
    return low + (high - low) * nextDouble();
  }

  /** Uniform integer in [0, bound), one draw. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be > 0, but was " + bound);
    }
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Normal with the given mean and standard deviation, exactly two draws (Box-Muller). */
  public double gaussian(double mean, double stdev) {
    double u1 = 1.0 - nextDouble(); // (0, 1]: log stays finite
    double u2 = nextDouble();
    return mean + stdev * Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
