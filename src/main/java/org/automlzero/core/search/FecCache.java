package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functional-equivalence cache: fingerprint hash to fitness, least recently used entries
 * evicted beyond {@code capacity}, an entry forgotten once it has been hit {@code forgetEvery}
 * times (0 = never) so that the candidate gets re-evaluated. Iteration order is access order
 * (a LinkedHashMap), never hash order, so the contents are reproducible. Not thread-safe: the
 * search loop owns it.
 */
public final class FecCache {
  /** One cache entry as plain data (for checkpoints). */
  public record Entry(long hash, double fitness, int hits) {}

  private static final class Value {
    final double fitness;
    int hits;

    Value(double fitness, int hits) {
      this.fitness = fitness;
      this.hits = hits;
    }
  }

  private final int capacity;
  private final int forgetEvery;
  private final LinkedHashMap<Long, Value> map;

  public FecCache(int capacity, int forgetEvery) {
    if (capacity < 2) {
      throw new IllegalArgumentException("FEC cache size must be >= 2, but was " + capacity);
    }
    if (forgetEvery < 0 || forgetEvery == 1) {
      throw new IllegalArgumentException("FEC forget_every must be 0 (never) or >= 2, but was " + forgetEvery);
    }
    this.capacity = capacity;
    this.forgetEvery = forgetEvery;
    this.map = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true);
  }

  public FecCache(FecSpec spec) {
    this(spec.cacheSize(), spec.forgetEvery());
  }

  /**
   * Looks a fingerprint up. On a hit the entry becomes the most recently used, its hit count
   * grows, and it is forgotten when the count reaches forgetEvery; returns NaN on a miss.
   */
  public double find(long hash) {
    Value v = map.get(hash);
    if (v == null) {
      return Double.NaN;
    }
    v.hits++;
    if (forgetEvery != 0 && v.hits >= forgetEvery) {
      map.remove(hash);
    }
    return v.fitness;
  }

  /** True when the hash is cached (does not count as a use). */
  public boolean contains(long hash) {
    return map.containsKey(hash);
  }

  /** Inserts (or replaces) an entry as the most recently used; evicts the least recently used beyond capacity. */
  public void insert(long hash, double fitness) {
    map.remove(hash);
    map.put(hash, new Value(fitness, 0));
    if (map.size() > capacity) {
      Iterator<Long> it = map.keySet().iterator();
      it.next();
      it.remove();
    }
  }

  public int size() {
    return map.size();
  }

  /** The contents, least recently used first. */
  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>(map.size());
    for (Map.Entry<Long, Value> e : map.entrySet()) {
      out.add(new Entry(e.getKey(), e.getValue().fitness, e.getValue().hits));
    }
    return out;
  }

  /** Restores contents saved by {@link #entries()} (least recently used first). */
  public void restore(List<Entry> entries) {
    map.clear();
    for (Entry e : entries) {
      map.put(e.hash(), new Value(e.fitness(), e.hits()));
    }
  }

  /**
   * The fingerprint hash of one (candidate, task): the exact bits of the train and validation
   * errors of the fingerprint run, the task index and the number of training examples granted.
   */
  public static long hash(double[] trainErrors, int trainCount, double[] validErrors, int validCount, int taskIndex,
      long numTrainExamples) {
    long h = 42L;
    for (int i = 0; i < trainCount; i++) {
      h = combine(h, Double.doubleToLongBits(trainErrors[i]));
    }
    h = combine(h, 0x7A5C0FFEEL + trainCount); // separates the two error lists
    for (int i = 0; i < validCount; i++) {
      h = combine(h, Double.doubleToLongBits(validErrors[i]));
    }
    h = combine(h, taskIndex);
    return combine(h, numTrainExamples);
  }

  private static long combine(long h, long value) {
    long z = h * 0x9E3779B97F4A7C15L + value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
