package org.automlzero.dataprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmSizes;
import org.automlzero.core.algorithm.HandCodedAlgorithms;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.ProjectedBinaryExamples;
import org.automlzero.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.automlzero.store.ParquetTaskStore;

/**
 * Real data: prepares the 9 held-out Fashion-MNIST pairs x seeds 0-9 (F = 16, 8000/1000/1000)
 * from Debian's dataset-fashion-mnist, checks them, and scores the hand-coded LINEAR and
 * NEURAL_NET on all 90 tasks (validation accuracy after one epoch, as the search scores them).
 * Skipped when the package is not installed (.ci/run installs it).
 */
class FashionMnistIT {
  static final Path SOURCE = Path.of(System.getProperty("fashion.mnist.dir", "/usr/share/datasets/fashion-mnist"));
  static final int F = 16;

  @TempDir Path dir;

  @Test
  void heldOutPairsPrepareAndNeuralNetBeatsLinear() {
    assumeTrue(Files.isRegularFile(SOURCE.resolve("train-images-idx3-ubyte.gz")),
        "dataset-fashion-mnist is not installed");
    RawImages raw = ImageDataset.FASHION_MNIST.read(SOURCE);
    assertThat(raw.count()).isEqualTo(60000);
    assertThat(raw.classCounts()).containsOnly(6000);

    Path out = dir.resolve("fashion_mnist");
    ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    new PrepareJob(SharedSpark.session(), new PrintStream(logBytes, true, StandardCharsets.UTF_8), 5000)
        .run(raw, new PrepareJob.Request(ImageDataset.FASHION_MNIST, SOURCE.toString(), out.toString(),
            Selection.HELD_OUT, Selection.parseSeeds("0-9"), Recipe.original(), false));
    double prepareSeconds = (System.nanoTime() - t0) / 1e9;
    List<Row> counts = SharedSpark.session().read().parquet(out.toString())
        .groupBy("positive_class", "negative_class", "seed", "split").count().collectAsList();
    assertThat(counts).hasSize(9 * 10 * 3);
    for (Row r : counts) {
      long expected = r.<String>getAs("split").equals("train") ? 8000 : 1000;
      assertThat(r.<Long>getAs("count")).isEqualTo(expected);
    }

    ParquetTaskStore store = ParquetTaskStore.open(out.toString());
    MemoryShape shape = new MemoryShape(5, 9, 2, F);
    AlgorithmSizes keep = new AlgorithmSizes(0, 0, 0);
    CompiledAlgorithm linear = CompiledAlgorithm.compile(
        HandCodedAlgorithms.linear(HandCodedAlgorithms.DEFAULT_LEARNING_RATE, keep), shape);
    CompiledAlgorithm net = CompiledAlgorithm.compile(HandCodedAlgorithms.neuralNet(
        HandCodedAlgorithms.DEFAULT_LEARNING_RATE, HandCodedAlgorithms.DEFAULT_INIT_SCALE, keep), shape);
    Interpreter interpreter = new Interpreter(shape, Interpreter.DEFAULT_MAX_ABS_ERROR);
    double sumLinear = 0;
    double sumNet = 0;
    int tasks = 0;
    int netWins = 0;
    StringBuilder perPair = new StringBuilder();
    for (ClassPair pair : Selection.HELD_OUT) {
      double pairLinear = 0;
      double pairNet = 0;
      for (int seed = 0; seed < 10; seed++) {
        ProjectedBinaryExamples ex = store.load("fashion_mnist", pair, seed, F, 8000, 1000);
        LearningTask task = new LearningTask(tasks, EvalType.ACCURACY, F, ex.trainFeatures(), ex.trainLabels(),
            ex.validFeatures(), ex.validLabels(), 1, seed, seed);
        double a = interpreter.execute(linear, task, task.maxTrainExamples(), Rng.derive(seed, "baseline-eval"));
        double b = interpreter.execute(net, task, task.maxTrainExamples(), Rng.derive(seed, "baseline-eval"));
        pairLinear += a;
        pairNet += b;
        netWins += b > a ? 1 : 0;
        tasks++;
      }
      sumLinear += pairLinear;
      sumNet += pairNet;
      perPair.append(String.format(Locale.ROOT, "  %s linear %.4f  neural_net %.4f%n", pair, pairLinear / 10,
          pairNet / 10));
    }
    double meanLinear = sumLinear / tasks;
    double meanNet = sumNet / tasks;
    System.out.printf(Locale.ROOT, "FashionMnistIT: prepared 90 tasks in %.1f s; over %d tasks (9 held-out pairs x "
        + "10 seeds): LINEAR mean validation accuracy %.4f, NEURAL_NET %.4f (NN better on %d tasks)%n%s",
        prepareSeconds, tasks, meanLinear, meanNet, netWins, perPair);
    assertThat(tasks).isEqualTo(90);
    assertThat(meanLinear).isGreaterThan(0.75);
    assertThat(meanNet).isGreaterThan(meanLinear);
  }
}
