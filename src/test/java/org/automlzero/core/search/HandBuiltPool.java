package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link WorkerPool}'s former hand-built engine, kept as the comparison of {@link WorkerPoolBench}:
 * plain helper threads woken per loop through one lock and condition, the caller working beside
 * them.
 */
final class HandBuiltPool implements WorkerPool.Engine {
  private final int threads;
  private final List<Thread> helpers = new ArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workReady = lock.newCondition();
  private final Condition workDone = lock.newCondition();
  private long round;
  private WorkerPool.Body body;
  private int items;
  private int chunk;
  private final AtomicInteger next = new AtomicInteger();
  private int busy;
  private boolean closed;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  HandBuiltPool(int threads) {
    this.threads = threads;
    for (int w = 1; w < threads; w++) {
      int worker = w;
      Thread t = new Thread(() -> helperLoop(worker), "hand-built-worker-" + w);
      t.setDaemon(true);
      helpers.add(t);
      t.start();
    }
  }

  @Override
  public void forEach(int n, WorkerPool.Body task) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("worker pool is closed");
      }
      body = task;
      items = n;
      chunk = WorkerPool.chunk(n, threads);
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
    WorkerPool.rethrow(failure.get());
  }

  private void work(int worker, WorkerPool.Body task, int n) {
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
      WorkerPool.Body task;
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
