package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.search.fec.FecCache;
import org.automlzero.core.search.fec.Fingerprinter;
import org.automlzero.core.search.spec.FecSpec;

/**
 * The screen step of a generation: functional equivalence checking (FEC, the paper's Section
 * 4.1). Every (candidate, task) gets a fingerprint; before evaluation, {@link #lookup} resolves
 * cache hits and marks repeats within the batch; after evaluation, {@link #record} enters the
 * misses into the cache and gives repeats their first's result. Both run in (candidate, task)
 * order, so the batch behaves as if processed one by one. With FEC off every request is a miss.
 */
final class FecScreen {
  /** States of one (candidate, task) in a batch. */
  static final byte NEEDED = 1;
  static final byte MISS = 2;
  static final byte CACHE_HIT = 3;
  static final byte BATCH_HIT = 4;
  static final byte DONE = -1;

  private final Fingerprinter fingerprinter;
  private final FecCache cache;

  /** @param fingerprinter null when FEC is off */
  FecScreen(Fingerprinter fingerprinter, FecSpec spec) {
    this.fingerprinter = fingerprinter;
    this.cache = new FecCache(spec);
  }

  boolean enabled() {
    return fingerprinter != null;
  }

  List<FecCache.Entry> entries() {
    return cache.entries();
  }

  void restore(List<FecCache.Entry> entries) {
    cache.restore(entries);
  }

  /** Fingerprints of every (candidate, task), with the train steps their runs took. */
  record Fingerprints(long[] hashes, long trainSteps) {}

  /**
   * Fingerprints of every (candidate, task). A fingerprint is a pure function of the algorithm
   * (the granted examples derive from it too), so algorithms seen recently (exact copies of
   * their parent, mutations that redrew the same value) reuse theirs: this saves work and
   * changes nothing, not even the train-step count.
   */
  Fingerprints fingerprints(SearchTasks ts, List<Algorithm> candidates, long[] granted) {
    int c = candidates.size();
    long steps = 0;
    long[] hashes = new long[c * ts.size];
    List<Algorithm> fresh = new ArrayList<>();
    List<Integer> freshIndex = new ArrayList<>();
    for (int k = 0; k < c; k++) {
      long[] known = ts.memo.get(candidates.get(k));
      if (known != null) {
        System.arraycopy(known, 0, hashes, k * ts.size, ts.size);
        steps += known[ts.size];
      } else {
        fresh.add(candidates.get(k));
        freshIndex.add(k);
      }
    }
    if (!fresh.isEmpty()) {
      long[] freshGranted = new long[fresh.size() * ts.size];
      for (int f = 0; f < fresh.size(); f++) {
        System.arraycopy(granted, freshIndex.get(f) * ts.size, freshGranted, f * ts.size, ts.size);
      }
      Fingerprinter.Result fp = fingerprinter.fingerprint(fresh, ts.learning(), freshGranted);
      for (int f = 0; f < fresh.size(); f++) {
        long[] entry = new long[ts.size + 1];
        System.arraycopy(fp.hashes(), f * ts.size, entry, 0, ts.size);
        entry[ts.size] = fp.candidateSteps()[f];
        System.arraycopy(entry, 0, hashes, freshIndex.get(f) * ts.size, ts.size);
        steps += entry[ts.size];
        ts.memo.put(fresh.get(f), entry);
      }
    }
    return new Fingerprints(hashes, steps);
  }

  /**
   * Before evaluation, in (candidate, task) order: every NEEDED request becomes a CACHE_HIT (its
   * fitness filled in), a BATCH_HIT (a repeat of an earlier MISS of the batch, noted in
   * {@code firstOf}) or a MISS; hits and misses are counted by island.
   *
   * @param hashes the batch's fingerprints, null when FEC is off
   */
  void lookup(SearchTasks ts, int candidates, int[] islandOf, long[] hashes, byte[] state, double[] perTask,
      int[] firstOf, long[] hits, long[] misses) {
    HashMap<Long, Integer> pending = new HashMap<>(); // lookups only: its order never matters
    for (int k = 0; k < candidates; k++) {
      for (int t = 0; t < ts.size; t++) {
        int idx = k * ts.size + t;
        if (state[idx] != NEEDED) {
          continue;
        }
        if (hashes == null) {
          state[idx] = MISS;
          continue;
        }
        long h = hashes[idx];
        double f = cache.find(h);
        if (!Double.isNaN(f)) {
          perTask[idx] = f;
          state[idx] = CACHE_HIT;
          hits[islandOf[k]]++;
          continue;
        }
        // One candidate's tasks never share a fingerprint (the task index is hashed): no map needed.
        Integer first = candidates == 1 ? null : pending.get(h);
        if (first != null) {
          state[idx] = BATCH_HIT;
          firstOf[idx] = first;
          hits[islandOf[k]]++;
        } else {
          state[idx] = MISS;
          if (candidates > 1) {
            pending.put(h, idx);
          }
          misses[islandOf[k]]++;
        }
      }
    }
  }

  /**
   * After evaluation, in order: misses enter the cache, repeats take their first's result (and
   * count a use of its entry); every request of this pass becomes DONE.
   */
  void record(SearchTasks ts, int candidates, long[] hashes, byte[] state, double[] perTask, int[] firstOf) {
    for (int k = 0; k < candidates; k++) {
      for (int t = 0; t < ts.size; t++) {
        int idx = k * ts.size + t;
        if (hashes != null && state[idx] == MISS) {
          cache.insert(hashes[idx], perTask[idx]);
        } else if (state[idx] == BATCH_HIT) {
          perTask[idx] = perTask[firstOf[idx]];
          cache.find(hashes[idx]);
        }
        if (state[idx] != 0) {
          state[idx] = DONE;
        }
      }
    }
  }
}
