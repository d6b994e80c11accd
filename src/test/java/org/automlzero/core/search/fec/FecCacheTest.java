package org.automlzero.core.search.fec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FecCacheTest {
  @Test
  void missThenHit() {
    FecCache cache = new FecCache(10, 0);
    assertThat(cache.find(42)).isNaN();
    cache.insert(42, 0.75);
    assertThat(cache.find(42)).isEqualTo(0.75);
    assertThat(cache.find(43)).isNaN();
  }

  @Test
  void evictsTheLeastRecentlyUsed() {
    FecCache cache = new FecCache(3, 0);
    cache.insert(1, 0.1);
    cache.insert(2, 0.2);
    cache.insert(3, 0.3);
    cache.find(1); // 1 is now the most recently used; 2 the least
    cache.insert(4, 0.4);
    assertThat(cache.contains(2)).isFalse();
    assertThat(cache.contains(1)).isTrue();
    assertThat(cache.entries()).extracting(FecCache.Entry::hash).containsExactly(3L, 1L, 4L);
  }

  @Test
  void forgetsAfterForgetEveryHits() {
    FecCache cache = new FecCache(10, 3);
    cache.insert(7, 0.5);
    assertThat(cache.find(7)).isEqualTo(0.5);
    assertThat(cache.find(7)).isEqualTo(0.5);
    assertThat(cache.find(7)).isEqualTo(0.5); // the third hit still answers, then the entry is gone
    assertThat(cache.find(7)).isNaN();
  }

  @Test
  void countsHitsWithoutForgettingAndEvictsOnePerInsertBeyondCapacity() {
    FecCache cache = new FecCache(2, 0);
    cache.insert(1, 0.1);
    cache.find(1);
    assertThat(cache.entries()).containsExactly(new FecCache.Entry(1, 0.1, 1));
    // More entries than the capacity (a restore does not trim): each insert evicts one, as before.
    cache.restore(List.of(new FecCache.Entry(1, 0.1, 0), new FecCache.Entry(2, 0.2, 0), new FecCache.Entry(3, 0.3, 0)));
    cache.insert(4, 0.4);
    assertThat(cache.entries()).extracting(FecCache.Entry::hash).containsExactly(2L, 3L, 4L);
  }

  @Test
  void restoresItsContentsExactly() {
    FecCache cache = new FecCache(5, 4);
    cache.insert(1, 0.1);
    cache.insert(2, 0.2);
    cache.find(1);
    FecCache copy = new FecCache(5, 4);
    copy.restore(cache.entries());
    assertThat(copy.entries()).isEqualTo(cache.entries());
    assertThat(copy.entries()).containsExactly(new FecCache.Entry(2, 0.2, 0), new FecCache.Entry(1, 0.1, 1));
  }

  /**
   * The primitive cache against a plain LinkedHashMap model of the same rules, over random
   * finds, inserts, contains and restores on a small key space (many probe collisions,
   * deletions inside probe runs, evictions, forgetting and table growth).
   */
  @Test
  void behavesLikeAnAccessOrderedLinkedHashMap() {
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 40; round++) {
      int capacity = 2 + random.nextInt(round < 20 ? 8 : 300);
      int forgetEvery = random.nextBoolean() ? 0 : 2 + random.nextInt(4);
      int keySpace = 1 + random.nextInt(3 * capacity);
      FecCache cache = new FecCache(capacity, forgetEvery);
      java.util.LinkedHashMap<Long, double[]> model = new java.util.LinkedHashMap<>(16, 0.75f, true);
      for (int op = 0; op < 5000; op++) {
        long k = random.nextInt(keySpace);
        // Keys alike in their low bits, in their high bits, or plain: a weak table hash would pile them up.
        long key = round % 3 == 0 ? k << 48 : round % 3 == 1 ? k * 0x100000000L : k;
        int kind = random.nextInt(10);
        if (kind < 5) {
          double[] v = model.get(key);
          double expected = Double.NaN;
          if (v != null) {
            expected = v[0];
            v[1]++;
            if (forgetEvery != 0 && v[1] >= forgetEvery) {
              model.remove(key);
            }
          }
          assertThat(Double.valueOf(cache.find(key))).isEqualTo(Double.valueOf(expected));
        } else if (kind < 9) {
          double value = random.nextDouble();
          model.remove(key);
          model.put(key, new double[] {value, 0});
          if (model.size() > capacity) {
            model.remove(model.keySet().iterator().next());
          }
          cache.insert(key, value);
        } else if (random.nextInt(20) == 0) {
          FecCache copy = new FecCache(capacity, forgetEvery);
          copy.restore(cache.entries());
          cache = copy;
        } else {
          assertThat(cache.contains(key)).isEqualTo(model.containsKey(key));
        }
        assertThat(cache.size()).isEqualTo(model.size());
      }
      List<FecCache.Entry> expected = new java.util.ArrayList<>();
      model.forEach((k, v) -> expected.add(new FecCache.Entry(k, v[0], (int) v[1])));
      assertThat(cache.entries()).isEqualTo(expected);
    }
  }

  @Test
  void hashDependsOnErrorsTaskAndTrainExamples() {
    double[] train = {0.1, 0.2, 0.3};
    double[] valid = {0.4, 0.5};
    long h = FecCache.hash(train, 3, valid, 2, 0, 100);
    assertThat(FecCache.hash(train.clone(), 3, valid.clone(), 2, 0, 100)).isEqualTo(h);
    assertThat(FecCache.hash(train, 3, valid, 2, 1, 100)).isNotEqualTo(h);
    assertThat(FecCache.hash(train, 3, valid, 2, 0, 0)).isNotEqualTo(h);
    assertThat(FecCache.hash(new double[] {0.1, 0.2, 0.30000000000000004}, 3, valid, 2, 0, 100)).isNotEqualTo(h);
    // Moving an error from the train list to the valid list changes the hash.
    assertThat(FecCache.hash(train, 2, new double[] {0.3, 0.4, 0.5}, 3, 0, 100)).isNotEqualTo(h);
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new FecCache(1, 0)).hasMessage("FEC cache size must be >= 2, but was 1");
    assertThatThrownBy(() -> new FecCache(10, 1)).hasMessage("FEC forget_every must be 0 (never) or >= 2, but was 1");
    assertThat(List.of()).isEmpty();
  }
}
