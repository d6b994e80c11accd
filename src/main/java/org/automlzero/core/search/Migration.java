package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.spec.MigrationTopology;
import org.automlzero.core.search.stage.PackedIsland;

/**
 * Which members migrate where at a migration boundary ({@link MigrationTopology}), as a list of
 * moves in the order they are received. Every move is read from the islands as they were before
 * the exchange; each target then receives its migrants in list order, each replacing its oldest
 * member. Both island modes use this one plan: the candidate-batch mode on {@link Island}s, the
 * island-stage mode on {@link PackedIsland}s.
 */
final class Migration {
  private Migration() {}

  /** Member {@code slot} of island {@code from} goes to island {@code to}. */
  record Move(int from, int slot, int to) {}

  /**
   * @param sizes the islands' population sizes
   * @param bestSlots island index to its {@code migrants} best slots (the ring topology only)
   * @param rng the boundary's stream {@code derive(seed, "migrate", experiment, generation)} (random topology only)
   */
  static List<Move> plan(MigrationTopology topology, int migrants, int[] sizes, IntFunction<int[]> bestSlots,
      Rng rng) {
    int n = sizes.length;
    List<Move> moves = new ArrayList<>(n * migrants);
    switch (topology) {
      case RING -> {
        for (int i = 0; i < n; i++) {
          for (int slot : bestSlots.apply(i)) {
            moves.add(new Move(i, slot, (i + 1) % n));
          }
        }
      }
      case RANDOM -> {
        // A uniform draw over all members of all islands, with replacement.
        long[] starts = new long[n + 1];
        for (int i = 0; i < n; i++) {
          starts[i + 1] = starts[i] + sizes[i];
        }
        int total = Math.toIntExact(starts[n]);
        for (int i = 0; i < n; i++) {
          for (int m = 0; m < migrants; m++) {
            int pick = rng.nextInt(total);
            int found = Arrays.binarySearch(starts, pick);
            int from = found >= 0 ? found : -found - 2; // the last island starting at or before the pick
            moves.add(new Move(from, (int) (pick - starts[from]), i));
          }
        }
      }
    }
    return moves;
  }
}
