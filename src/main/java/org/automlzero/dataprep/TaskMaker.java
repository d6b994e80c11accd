package org.automlzero.dataprep;

import org.automlzero.core.random.Rng;
import org.automlzero.core.task.ClassPair;

/**
 * The recipe for one (pair, data seed) task, as the original's generate_datasets.py with the
 * project's random streams: N/2 images of each class drawn without replacement (stream
 * "dataprep-examples", seed, class), split stratified (each split takes half its examples from
 * each class), examples of a split interleaved in a seeded order ("dataprep-order", seed, pair,
 * split); the flattened raw pixels (0..255, unscaled) projected by a pixels x F matrix of N(0,1)
 * entries ("dataprep-projection", seed: the same matrix for every pair of a seed); each feature
 * standardised with the mean and population variance of the train split. Arithmetic is in
 * double in a fixed order, so the output depends only on the inputs, never on the thread or
 * partition that computes it.
 */
public final class TaskMaker {
  private TaskMaker() {}

  /** The projection matrix of a seed, pixels x F row-major. */
  public static double[] projection(int seed, int pixels, int features) {
    Rng rng = Rng.derive(seed, "dataprep-projection");
    double[] matrix = new double[pixels * features];
    for (int i = 0; i < matrix.length; i++) {
      matrix[i] = rng.gaussian(0.0, 1.0);
    }
    return matrix;
  }

  /** Checks that every class of the pair has the N/2 images the recipe needs. */
  public static void checkEnoughImages(RawImages raw, ClassPair pair, Recipe recipe) {
    int[] counts = raw.classCounts();
    for (int c : new int[] {pair.positive(), pair.negative()}) {
      if (counts[c] < recipe.perClass()) {
        throw new DataPrepException(raw.dataset() + " has only " + counts[c] + " training images of class " + c
            + ", but --train + --valid + --test = " + 2 * recipe.perClass() + " needs " + recipe.perClass()
            + " per class");
      }
    }
  }

  public static PreparedTask make(RawImages raw, ClassPair pair, int seed, Recipe recipe) {
    return make(raw, pair, seed, recipe, projection(seed, raw.pixelsPerImage(), recipe.features()));
  }

  /** Makes one task with a precomputed {@link #projection} of the seed. */
  public static PreparedTask make(RawImages raw, ClassPair pair, int seed, Recipe recipe, double[] projection) {
    checkEnoughImages(raw, pair, recipe);
    int f = recipe.features();
    int[] positives = draw(raw, pair.positive(), seed, recipe.perClass());
    int[] negatives = draw(raw, pair.negative(), seed, recipe.perClass());

    // Stratified split: each class's draw is cut into test, valid, train halves in that order.
    int[][] sources = new int[3][];
    float[][] labels = new float[3][];
    int cut = 0;
    for (Split split : new Split[] {Split.TEST, Split.VALID, Split.TRAIN}) {
      int half = recipe.count(split) / 2;
      int n = 2 * half;
      int[] src = new int[n];
      float[] lab = new float[n];
      for (int i = 0; i < half; i++) {
        src[i] = positives[cut + i];
        lab[i] = 1.0f;
        src[half + i] = negatives[cut + i];
        lab[half + i] = 0.0f;
      }
      cut += half;
      // Interleave the classes: training order is the stored order (epoch 0).
      Rng rng = Rng.derive(seed, "dataprep-order", pair.positive(), pair.negative(), split.ordinal());
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = src[i];
        src[i] = src[j];
        src[j] = t;
        float l = lab[i];
        lab[i] = lab[j];
        lab[j] = l;
      }
      sources[split.ordinal()] = src;
      labels[split.ordinal()] = lab;
    }

    double[][] projected = new double[3][];
    for (Split split : Split.values()) {
      projected[split.ordinal()] = project(raw, sources[split.ordinal()], projection, f);
    }

    // Standardise with the train split's mean and population variance (as sklearn's StandardScaler).
    double[] train = projected[Split.TRAIN.ordinal()];
    int nTrain = recipe.train();
    double[] mean = new double[f];
    double[] scale = new double[f];
    for (int i = 0; i < nTrain; i++) {
      for (int j = 0; j < f; j++) {
        mean[j] += train[i * f + j];
      }
    }
    for (int j = 0; j < f; j++) {
      mean[j] /= nTrain;
    }
    for (int i = 0; i < nTrain; i++) {
      for (int j = 0; j < f; j++) {
        double d = train[i * f + j] - mean[j];
        scale[j] += d * d;
      }
    }
    for (int j = 0; j < f; j++) {
      double sd = Math.sqrt(scale[j] / nTrain);
      scale[j] = sd > 0 ? sd : 1.0; // a constant feature stays centred, as sklearn does
    }
    float[][] features = new float[3][];
    for (Split split : Split.values()) {
      double[] x = projected[split.ordinal()];
      float[] out = new float[x.length];
      for (int k = 0; k < x.length; k++) {
        int j = k % f;
        out[k] = (float) ((x[k] - mean[j]) / scale[j]);
      }
      features[split.ordinal()] = out;
    }
    return new PreparedTask(pair, seed, f, features, labels, sources);
  }

  /** N/2 images of one class, drawn without replacement by a partial Fisher-Yates shuffle. */
  private static int[] draw(RawImages raw, int label, int seed, int k) {
    int[] pool = raw.indicesOf(label);
    Rng rng = Rng.derive(seed, "dataprep-examples", label);
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(pool.length - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    int[] out = new int[k];
    System.arraycopy(pool, 0, out, 0, k);
    return out;
  }

  private static double[] project(RawImages raw, int[] sources, double[] projection, int f) {
    int pixels = raw.pixelsPerImage();
    byte[] bytes = raw.pixelBytes();
    double[] out = new double[sources.length * f];
    double[] acc = new double[f];
    for (int e = 0; e < sources.length; e++) {
      java.util.Arrays.fill(acc, 0.0);
      int base = sources[e] * pixels;
      for (int p = 0; p < pixels; p++) {
        int v = bytes[base + p] & 0xFF;
        if (v == 0) {
          continue; // adds exactly 0.0: skipping keeps the sum bit-identical
        }
        int row = p * f;
        for (int j = 0; j < f; j++) {
          acc[j] += v * projection[row + j];
        }
      }
      System.arraycopy(acc, 0, out, e * f, f);
    }
    return out;
  }
}
