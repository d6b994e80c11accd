package org.automlzero.dataprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.automlzero.core.task.ClassPair;
import org.junit.jupiter.api.Test;

class TaskMakerTest {
  private static final byte[] LABELS = RawFixtures.labels(600);
  private static final RawImages RAW = new RawImages("mnist", 784, RawFixtures.pixels(LABELS, 784, 9), LABELS,
      List.of());
  private static final Recipe RECIPE = new Recipe(6, 60, 20, 10);

  @Test
  void splitsAreStratifiedDisjointAndLabelledByClass() {
    ClassPair pair = new ClassPair(3, 7);
    PreparedTask task = TaskMaker.make(RAW, pair, 5, RECIPE);
    Set<Integer> seen = new HashSet<>();
    for (Split split : Split.values()) {
      int n = RECIPE.count(split);
      assertThat(task.size(split)).isEqualTo(n);
      assertThat(task.features(split)).hasSize(n * 6);
      int positives = 0;
      for (int i = 0; i < n; i++) {
        int source = task.sources(split)[i];
        assertThat(seen.add(source)).as("image %d used twice", source).isTrue();
        int cls = RAW.label(source);
        assertThat(cls).isIn(3, 7);
        assertThat(task.labels(split)[i]).isEqualTo(cls == 3 ? 1.0f : 0.0f);
        positives += cls == 3 ? 1 : 0;
      }
      assertThat(positives).as("positives in %s", split).isEqualTo(n / 2);
    }
    // Classes are interleaved, not blocked: the first half of train is not all one class.
    float[] train = task.labels(Split.TRAIN);
    float firstHalf = 0;
    for (int i = 0; i < 30; i++) {
      firstHalf += train[i];
    }
    assertThat(firstHalf).isBetween(5f, 25f);
  }

  @Test
  void trainFeaturesAreStandardised() {
    PreparedTask task = TaskMaker.make(RAW, new ClassPair(0, 9), 11, RECIPE);
    float[] x = task.features(Split.TRAIN);
    for (int j = 0; j < 6; j++) {
      double sum = 0;
      double sq = 0;
      for (int i = 0; i < 60; i++) {
        sum += x[i * 6 + j];
        sq += (double) x[i * 6 + j] * x[i * 6 + j];
      }
      double mean = sum / 60;
      assertThat(mean).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-5));
      assertThat(sq / 60 - mean * mean).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
    // Validation uses the train statistics, so it is only roughly standardised, and not identical.
    assertThat(task.features(Split.VALID)).isNotEqualTo(task.features(Split.TRAIN));
  }

  @Test
  void sameSeedSameTaskOtherSeedOtherTask() {
    ClassPair pair = new ClassPair(1, 2);
    PreparedTask a = TaskMaker.make(RAW, pair, 4, RECIPE);
    PreparedTask b = TaskMaker.make(RAW, pair, 4, RECIPE);
    PreparedTask c = TaskMaker.make(RAW, pair, 5, RECIPE);
    for (Split s : Split.values()) {
      assertThat(b.features(s)).isEqualTo(a.features(s));
      assertThat(b.sources(s)).isEqualTo(a.sources(s));
    }
    assertThat(c.sources(Split.TRAIN)).isNotEqualTo(a.sources(Split.TRAIN));
    // The projection depends on the seed only: the same matrix for every pair.
    assertThat(TaskMaker.projection(4, 784, 6)).isEqualTo(TaskMaker.projection(4, 784, 6))
        .isNotEqualTo(TaskMaker.projection(5, 784, 6));
  }

  @Test
  void projectionIsStandardGaussian() {
    double[] m = TaskMaker.projection(0, 3072, 16);
    double sum = 0;
    double sq = 0;
    for (double v : m) {
      sum += v;
      sq += v * v;
    }
    assertThat(sum / m.length).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.02));
    assertThat(sq / m.length).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.03));
  }

  @Test
  void tooFewImagesAndOddSizesAreUserErrors() {
    assertThatThrownBy(() -> TaskMaker.make(RAW, new ClassPair(0, 1), 0, new Recipe(4, 102, 10, 10)))
        .isInstanceOf(DataPrepException.class)
        .hasMessage("mnist has only 60 training images of class 0, but --train + --valid + --test = 122 needs 61 per "
            + "class");
    assertThatThrownBy(() -> new Recipe(16, 8000, 999, 1000))
        .hasMessage("--valid 999 is invalid: each split must have an even size so that it holds equally many "
            + "examples of both classes");
    assertThatThrownBy(() -> new Recipe(0, 8000, 1000, 1000)).hasMessage("--features 0 is invalid: F must be in 1..4096");
  }
}
