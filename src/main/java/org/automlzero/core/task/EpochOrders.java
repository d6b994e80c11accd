package org.automlzero.core.task;

import org.automlzero.core.random.Rng;

/** The per-task visiting order of training examples: identity for epoch 0, seeded shuffles after. */
final class EpochOrders {
  private EpochOrders() {}

  static int[][] build(int n, int epochs, long dataSeed) {
    int[][] orders = new int[epochs][];
    for (int e = 0; e < epochs; e++) {
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      if (e > 0) {
        Rng rng = Rng.derive(dataSeed, "epoch-order", e);
        for (int i = n - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
      }
      orders[e] = order;
    }
    return orders;
  }
}
