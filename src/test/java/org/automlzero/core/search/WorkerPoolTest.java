package org.automlzero.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
  @Test
  void runsEveryItemExactlyOnceRepeatedly() {
    try (WorkerPool pool = new WorkerPool(3)) {
      for (int round = 0; round < 200; round++) {
        int n = 1 + round % 37;
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        pool.forEach(n, 2, (worker, item) -> {
          assertThat(worker).isBetween(0, 2);
          seen.incrementAndGet(item);
        });
        for (int i = 0; i < n; i++) {
          assertThat(seen.get(i)).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void rethrowsTheFirstFailure() {
    try (WorkerPool pool = new WorkerPool(2)) {
      assertThatThrownBy(() -> pool.forEach(100, 2, (worker, item) -> {
        if (item == 57) {
          throw new IllegalStateException("item 57 failed");
        }
      })).isInstanceOf(IllegalStateException.class).hasMessage("item 57 failed");
      // The pool still works afterwards.
      AtomicIntegerArray seen = new AtomicIntegerArray(10);
      pool.forEach(10, 2, (worker, item) -> seen.incrementAndGet(item));
      assertThat(seen.get(9)).isEqualTo(1);
    }
  }

  @Test
  void noTwoRunningBodiesShareAWorkerNumber() {
    // Callers keep per-worker state (one interpreter per worker) indexed by the worker number.
    try (WorkerPool pool = new WorkerPool(3)) {
      AtomicIntegerArray inUse = new AtomicIntegerArray(3);
      for (int round = 0; round < 100; round++) {
        pool.forEach(64, 2, (worker, item) -> {
          assertThat(inUse.incrementAndGet(worker)).isEqualTo(1);
          Thread.onSpinWait();
          inUse.decrementAndGet(worker);
        });
      }
    }
  }

  @Test
  void aClosedPoolRefusesParallelLoops() {
    WorkerPool pool = new WorkerPool(2);
    pool.close();
    assertThatThrownBy(() -> pool.forEach(10, 2, (worker, item) -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessage("worker pool is closed");
  }
}
