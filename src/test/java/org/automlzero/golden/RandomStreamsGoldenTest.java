package org.automlzero.golden;

import java.util.Locale;
import org.automlzero.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * Golden values of the random streams every result depends on: derived seeds for the purposes
 * the search uses, raw draws, doubles, bounded integers, Gaussians and skip-ahead. A change here
 * changes every run, so it must be deliberate.
 */
class RandomStreamsGoldenTest {
  @Test
  void randomStreamsMatchTheirGoldenValues() {
    StringBuilder out = new StringBuilder();
    long[] seeds = {0L, 1L, 1000060L, -1L, Long.MIN_VALUE};
    String[] purposes = {"init", "propose", "evaluate", "migrate", "task-data", ""};
    for (long seed : seeds) {
      for (String purpose : purposes) {
        out.append(String.format(Locale.ROOT, "deriveSeed %d %s [] = %d%n", seed, purpose,
            Rng.deriveSeed(seed, purpose)));
        out.append(String.format(Locale.ROOT, "deriveSeed %d %s [0, 3, 7] = %d%n", seed, purpose,
            Rng.deriveSeed(seed, purpose, 0, 3, 7)));
        out.append(String.format(Locale.ROOT, "deriveSeed %d %s [%d] = %d%n", seed, purpose, Long.MAX_VALUE,
            Rng.deriveSeed(seed, purpose, Long.MAX_VALUE)));
      }
    }
    Rng rng = Rng.derive(42, "golden");
    for (int i = 0; i < 8; i++) {
      out.append("nextLong ").append(rng.nextLong()).append('\n');
    }
    for (int i = 0; i < 8; i++) {
      out.append("nextDouble ").append(rng.nextDouble()).append('\n');
    }
    for (int bound : new int[] {1, 2, 3, 10, 1000, Integer.MAX_VALUE}) {
      out.append("nextInt ").append(bound).append(' ').append(rng.nextInt(bound)).append('\n');
    }
    for (int i = 0; i < 8; i++) {
      out.append("uniform(-1,1) ").append(rng.uniform(-1, 1)).append('\n');
    }
    for (int i = 0; i < 8; i++) {
      out.append("gaussian(0,1) ").append(rng.gaussian(0, 1)).append('\n');
    }
    out.append("gaussian(3,0.5) ").append(rng.gaussian(3, 0.5)).append('\n');
    Rng skipped = Rng.derive(42, "golden");
    skipped.skip(1000);
    Rng stepped = Rng.derive(42, "golden");
    for (int i = 0; i < 1000; i++) {
      stepped.nextLong();
    }
    out.append("skip(1000) state ").append(skipped.state()).append(" next ").append(skipped.nextLong())
        .append(" stepped next ").append(stepped.nextLong()).append('\n');
    GoldenFile.check("random-streams.txt", out.toString());
  }
}
