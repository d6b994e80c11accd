package org.automlzero.core.search.fec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.automlzero.core.search.spec.FecSpec;

/**
 * The functional-equivalence cache: fingerprint hash to fitness, least recently used entries
 * evicted beyond {@code capacity}, an entry forgotten once it has been hit {@code forgetEvery}
 * times (0 = never) so that the candidate gets re-evaluated. Not thread-safe: the search loop
 * owns it.
 *
 * <p>It sits on the driver's per-candidate path (one lookup per candidate and task), so it is
 * built from primitive arrays: an open-addressing table (linear probing, backward-shift
 * deletion) from hash to entry slot, and the entries in a doubly linked recency list. Nothing
 * is ever iterated in table order; {@link #entries()} walks the recency list, so the contents
 * are reproducible.
 */
public final class FecCache {
  /** One cache entry as plain data (for checkpoints). */
  public record Entry(long hash, double fitness, int hits) {}

  private static final int NONE = -1;

  private final int capacity;
  private final int forgetEvery;
  // Entries by slot; a free slot's next[] links the free list.
  private long[] keys = new long[0];
  private double[] fitness = new double[0];
  private int[] hits = new int[0];
  private int[] prev = new int[0];
  private int[] next = new int[0];
  private int used; // slots ever handed out
  private int free = NONE;
  private int size;
  private int eldest = NONE; // least recently used
  private int newest = NONE; // most recently used
  // Open addressing: table[i] = slot + 1, 0 = empty; at most half full.
  private int[] table = new int[16];

  public FecCache(int capacity, int forgetEvery) {
    if (capacity < 2) {
      throw new IllegalArgumentException("FEC cache size must be >= 2, but was " + capacity);
    }
    if (forgetEvery < 0 || forgetEvery == 1) {
      throw new IllegalArgumentException("FEC forget_every must be 0 (never) or >= 2, but was " + forgetEvery);
    }
    this.capacity = capacity;
    this.forgetEvery = forgetEvery;
  }

  public FecCache(FecSpec spec) {
    this(spec.cacheSize(), spec.forgetEvery());
  }

  /**
   * Looks a fingerprint up. On a hit the entry becomes the most recently used, its hit count
   * grows, and it is forgotten when the count reaches forgetEvery; returns NaN on a miss.
   */
  public double find(long hash) {
    int at = position(hash);
    int slot = table[at] - 1;
    if (slot < 0) {
      return Double.NaN;
    }
    double value = fitness[slot];
    hits[slot]++;
    if (forgetEvery != 0 && hits[slot] >= forgetEvery) {
      delete(at, slot);
    } else {
      unlink(slot);
      linkNewest(slot);
    }
    return value;
  }

  /** True when the hash is cached (does not count as a use). */
  public boolean contains(long hash) {
    return table[position(hash)] != 0;
  }

  /** Inserts (or replaces) an entry as the most recently used; evicts the least recently used beyond capacity. */
  public void insert(long hash, double value) {
    int at = position(hash);
    if (table[at] != 0) {
      delete(at, table[at] - 1);
    }
    add(hash, value, 0);
    if (size > capacity) {
      delete(position(keys[eldest]), eldest);
    }
  }

  public int size() {
    return size;
  }

  /** The contents, least recently used first. */
  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>(size);
    for (int slot = eldest; slot != NONE; slot = next[slot]) {
      out.add(new Entry(keys[slot], fitness[slot], hits[slot]));
    }
    return out;
  }

  /** Restores contents saved by {@link #entries()} (least recently used first). */
  public void restore(List<Entry> entries) {
    keys = new long[0];
    fitness = new double[0];
    hits = new int[0];
    prev = new int[0];
    next = new int[0];
    used = 0;
    free = NONE;
    size = 0;
    eldest = NONE;
    newest = NONE;
    table = new int[16];
    for (Entry e : entries) {
      int at = position(e.hash());
      if (table[at] != 0) {
        delete(at, table[at] - 1);
      }
      add(e.hash(), e.fitness(), e.hits());
    }
  }

  /** Adds a hash known to be absent as the most recently used entry. */
  private void add(long hash, double value, int hitCount) {
    if (2 * (size + 1) > table.length) {
      rehash(table.length * 2);
    }
    int slot;
    if (free != NONE) {
      slot = free;
      free = next[slot];
    } else {
      if (used == keys.length) {
        int grown = Math.max(16, keys.length * 2);
        keys = Arrays.copyOf(keys, grown);
        fitness = Arrays.copyOf(fitness, grown);
        hits = Arrays.copyOf(hits, grown);
        prev = Arrays.copyOf(prev, grown);
        next = Arrays.copyOf(next, grown);
      }
      slot = used++;
    }
    keys[slot] = hash;
    fitness[slot] = value;
    hits[slot] = hitCount;
    table[position(hash)] = slot + 1;
    linkNewest(slot);
    size++;
  }

  /** Removes the entry in {@code slot}, found at table index {@code at}. */
  private void delete(int at, int slot) {
    unlink(slot);
    next[slot] = free;
    free = slot;
    size--;
    int mask = table.length - 1;
    // Backward-shift deletion: pull later members of the probe run into the hole.
    int hole = at;
    for (int i = (at + 1) & mask; table[i] != 0; i = (i + 1) & mask) {
      int home = home(keys[table[i] - 1], mask);
      if (((i - home) & mask) >= ((i - hole) & mask)) {
        table[hole] = table[i];
        hole = i;
      }
    }
    table[hole] = 0;
  }

  /** The table index holding {@code hash}, or the empty index where it would go. */
  private int position(long hash) {
    int mask = table.length - 1;
    int i = home(hash, mask);
    while (table[i] != 0 && keys[table[i] - 1] != hash) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Fibonacci hashing: the top bits of the product, which depend on every bit of the hash. */
  private static int home(long hash, int mask) {
    return (int) ((hash * 0x9E3779B97F4A7C15L) >>> (64 - Integer.bitCount(mask)));
  }

  private void rehash(int length) {
    table = new int[length];
    int mask = length - 1;
    for (int slot = eldest; slot != NONE; slot = next[slot]) {
      int i = home(keys[slot], mask);
      while (table[i] != 0) {
        i = (i + 1) & mask;
      }
      table[i] = slot + 1;
    }
  }

  private void unlink(int slot) {
    if (prev[slot] == NONE) {
      eldest = next[slot];
    } else {
      next[prev[slot]] = next[slot];
    }
    if (next[slot] == NONE) {
      newest = prev[slot];
    } else {
      prev[next[slot]] = prev[slot];
    }
  }

  private void linkNewest(int slot) {
    prev[slot] = newest;
    next[slot] = NONE;
    if (newest == NONE) {
      eldest = slot;
    } else {
      next[newest] = slot;
    }
    newest = slot;
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
