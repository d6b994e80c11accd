package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A fixed set of threads that run "for i in [0, n)" loops: the calling thread and
 * {@code threads - 1} helpers of a fixed {@link ExecutorService}. Items are handed out in chunks
 * through one counter, so which thread runs which item varies, but results written to
 * item-indexed slots do not: callers keep per-worker state (e.g. one interpreter per worker)
 * indexed by the worker number passed to the body. The caller works too because most loops are
 * small (the demo's steady state runs one child, two work units, per loop): one hand-off per loop,
 * not one per worker. A hand-built pool of plain threads was not clearly faster (docs/benchmarks.md).
 */
public final class WorkerPool implements AutoCloseable {
  /** The loop body: {@code worker} in [0, threads), {@code item} in [0, n). */
  @FunctionalInterface
  public interface Body {
    void run(int worker, int item);
  }

  /**
   * How a parallel loop is run on the workers. A seam for the benchmark that measures other pools
   * against this one (docs/benchmarks.md); the public constructor uses {@link OnExecutor}.
   */
  interface Engine extends AutoCloseable {
    /** Runs {@code body} for every item of [0, n) (n >= 2) on the workers; rethrows the first failure. */
    void forEach(int n, Body body);

    @Override
    void close();
  }

  private final int threads;
  private final Engine engine;

  /** {@code threads} workers in all (the caller included); 0 means all available processors. */
  public WorkerPool(int threads) {
    this(threads, OnExecutor::new);
  }

  /** {@code threads} workers (0 = all processors) run by the engine {@code engines} makes for that count. */
  WorkerPool(int threads, IntFunction<Engine> engines) {
    this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    this.engine = engines.apply(this.threads);
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs {@code body} for every item in [0, n) and returns when all are done; rethrows the
   * first failure. Small loops ({@code n < minParallel}) run on the calling thread alone.
   */
  public void forEach(int n, int minParallel, Body task) {
    if (n <= 0) {
      return;
    }
    if (threads == 1 || n < Math.max(2, minParallel)) {
      for (int i = 0; i < n; i++) {
        task.run(0, i);
      }
      return;
    }
    engine.forEach(n, task);
  }

  /** Items per hand-out: about eight per worker, so uneven items still even out. */
  static int chunk(int n, int threads) {
    return Math.max(1, n / (threads * 8));
  }

  /** Rethrows a body's failure on the calling thread (unchecked as it came, else wrapped). */
  static void rethrow(Throwable t) {
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  @Override
  public void close() {
    engine.close();
  }

  /**
   * A fixed ExecutorService of {@code threads - 1} helpers, each loop one task per helper (worker
   * 1, 2, ...), the caller working beside them as worker 0; all take chunks from one counter.
   * Each loop waits for all its tasks, so no two running bodies ever share a worker number.
   */
  private static final class OnExecutor implements Engine {
    private final int threads;
    private final ExecutorService helpers;
    private volatile boolean closed;

    OnExecutor(int threads) {
      this.threads = threads;
      AtomicInteger made = new AtomicInteger();
      this.helpers = Executors.newFixedThreadPool(Math.max(1, threads - 1), r -> {
        Thread t = new Thread(r, "automlzero-worker-" + made.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }

    @Override
    public void forEach(int n, Body task) {
      if (closed) {
        throw new IllegalStateException("worker pool is closed");
      }
      int size = chunk(n, threads);
      AtomicInteger next = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Future<?>> running = new ArrayList<>(threads - 1);
      for (int w = 1; w < threads; w++) {
        int worker = w;
        running.add(helpers.submit(() -> work(worker, task, n, size, next, failure)));
      }
      work(0, task, n, size, next, failure);
      boolean interrupted = false;
      for (Future<?> f : running) {
        while (true) {
          try {
            f.get();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause());
            break;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      rethrow(failure.get());
    }

    private static void work(int worker, Body task, int n, int size, AtomicInteger next,
        AtomicReference<Throwable> failure) {
      while (failure.get() == null) {
        int start = next.getAndAdd(size);
        if (start >= n) {
          return;
        }
        int end = Math.min(n, start + size);
        try {
          for (int i = start; i < end; i++) {
            task.run(worker, i);
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
          return;
        }
      }
    }

    @Override
    public void close() {
      closed = true;
      helpers.shutdown();
      try {
        helpers.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
