package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of plain Java threads that run "for i in [0, n)" loops; the calling thread works
 * too. Items are handed out through one counter, so which thread runs which item varies, but
 * results written to item-indexed slots do not: callers keep per-worker state (e.g. one
 * interpreter per worker) indexed by the worker number passed to the body.
 */
public final class WorkerPool implements AutoCloseable {
  /** The loop body: {@code worker} in [0, threads), {@code item} in [0, n). */
  @FunctionalInterface
  public interface Body {
    void run(int worker, int item);
  }

  private final int threads;
  private final List<Thread> helpers = new ArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workReady = lock.newCondition();
  private final Condition workDone = lock.newCondition();
  private long round;
  private Body body;
  private int items;
  private int chunk;
  private final AtomicInteger next = new AtomicInteger();
  private int busy;
  private boolean closed;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /** {@code threads} workers in all (the caller included); 0 means all available processors. */
  public WorkerPool(int threads) {
    this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    for (int w = 1; w < this.threads; w++) {
      int worker = w;
      Thread t = new Thread(() -> helperLoop(worker), "automlzero-worker-" + w);
      t.setDaemon(true);
      helpers.add(t);
      t.start();
    }
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
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("worker pool is closed");
      }
      body = task;
      items = n;
      chunk = Math.max(1, n / (threads * 8));
      next.set(0);
      failure.set(null);
      busy = helpers.size();
      round++;
      workReady.signalAll();
    } finally {
      lock.unlock();
    }
    work(0, task, n);
    lock.lock();
    try {
      while (busy > 0) {
        workDone.awaitUninterruptibly();
      }
      body = null;
    } finally {
      lock.unlock();
    }
    Throwable t = failure.get();
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

  private void work(int worker, Body task, int n) {
    int size = chunk;
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

  private void helperLoop(int worker) {
    long seen = 0;
    while (true) {
      Body task;
      int n;
      lock.lock();
      try {
        while (!closed && round == seen) {
          workReady.awaitUninterruptibly();
        }
        if (closed) {
          return;
        }
        seen = round;
        task = body;
        n = items;
      } finally {
        lock.unlock();
      }
      work(worker, task, n);
      lock.lock();
      try {
        busy--;
        if (busy == 0) {
          workDone.signalAll();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      workReady.signalAll();
    } finally {
      lock.unlock();
    }
    for (Thread t : helpers) {
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
