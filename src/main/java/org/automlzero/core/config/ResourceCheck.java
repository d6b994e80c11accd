package org.automlzero.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.io.InputException;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskList;

/**
 * Checks before a run starts that the config fits this JVM: no array the run allocates may
 * exceed Java's array limit, and the driver's working set (one interpreter memory per thread,
 * plus every task of the search, select and final lists held in memory) must fit the heap.
 * A refusal is one line naming the keys that make it big.
 */
public final class ResourceCheck {
  /** Java arrays hold at most about 2^31 - 8 elements. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;
  /** The share of the heap the estimate may use: the rest is for populations, caches and Spark. */
  static final double HEAP_SHARE = 0.8;

  private ResourceCheck() {}

  /** Refuses the config (an {@link InputException}) when it cannot fit this JVM's heap. */
  public static void check(ExperimentConfig config) {
    check(config, Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors());
  }

  static void check(ExperimentConfig config, long heapBytes, int cores) {
    MemoryShape shape = config.run().search().shape();
    long f = shape.features();
    long ff = f * f;
    array(ff, "one matrix of F x F = " + f + " x " + f, "search.tasks.features");
    array(shape.vectors(), "memory.vectors = " + shape.vectors(), "memory.vectors");
    array(shape.matrices(), "memory.matrices = " + shape.matrices(), "memory.matrices");
    // One interpreter: scalars, vectors of F, matrices of F x F, plus one scratch vector and matrix.
    double perThread = 8.0 * (shape.scalars() + (shape.vectors() + 1.0) * f + (shape.matrices() + 1.0) * ff);
    int threads = config.threads() > 0 ? config.threads() : cores;
    double tasks = 0;
    List<String> taskKeys = new ArrayList<>();
    for (TaskList list : List.of(config.run().searchTasks(), config.run().selectTasks(), config.run().finalTasks())) {
      for (LearningTaskSpec s : list.specs()) {
        String p = list.name() + ".tasks.";
        array((long) s.numTrain() * s.features(), p + "train_examples x F = " + s.numTrain() + " x " + s.features(),
            p + "train_examples");
        array((long) s.numValid() * s.features(), p + "valid_examples x F = " + s.numValid() + " x " + s.features(),
            p + "valid_examples");
        // Features and labels of the train and valid examples, as doubles.
        double bytes = 8.0 * s.numTasks() * ((double) s.numTrain() + s.numValid()) * (s.features() + 1.0);
        tasks += bytes;
        if (bytes > 0.05 * heapBytes) {
          taskKeys.add(p + "count = " + s.numTasks() + ", " + p + "train_examples = " + s.numTrain() + ", "
              + p + "valid_examples = " + s.numValid());
        }
      }
    }
    double need = perThread * threads + tasks;
    if (need > HEAP_SHARE * heapBytes) {
      List<String> keys = new ArrayList<>();
      if (perThread * threads > 0.05 * heapBytes) {
        keys.add("memory.scalars = " + shape.scalars() + ", memory.vectors = " + shape.vectors()
            + ", memory.matrices = " + shape.matrices() + ", F = " + f + " (" + gib(perThread) + " per thread), "
            + "run.threads = " + threads);
      }
      keys.addAll(taskKeys);
      throw new InputException(String.format(Locale.ROOT, "the config needs about %s of memory but the JVM heap is "
          + "%s: %s; shrink those or give the driver more memory (--driver-memory)", gib(need), gib(heapBytes),
          String.join("; ", keys)));
    }
  }

  private static void array(long elements, String what, String key) {
    if (elements > MAX_ARRAY) {
      throw new InputException(String.format(Locale.ROOT, "%s: %s makes an array of %,d elements, but Java arrays "
          + "hold at most %,d; lower %s", key, what, elements, MAX_ARRAY, key));
    }
  }

  private static String gib(double bytes) {
    return bytes >= 1 << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (1 << 30))
        : String.format(Locale.ROOT, "%.0f MiB", bytes / (1 << 20));
  }
}
