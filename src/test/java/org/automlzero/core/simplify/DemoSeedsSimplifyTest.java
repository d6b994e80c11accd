package org.automlzero.core.simplify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmParser;
import org.automlzero.core.algorithm.AlgorithmPrinter;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.interpreter.CompiledAlgorithm;
import org.automlzero.core.interpreter.Interpreter;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The algorithms the demo found (src/test/resources/simplifier, as printed raw by the runs that
 * docs/simplifier.md lists) simplify to a short program with the same final fitness.
 */
class DemoSeedsSimplifyTest {
  private static final Path BASE = Path.of(System.getProperty("project.basedir", "."));

  @ParameterizedTest
  @ValueSource(strings = {"current-seed1", "current-seed2", "current-seed3", "current-seed4", "current-seed5",
      "stage-seed1", "stage-seed2", "stage-seed3", "stage-seed4", "stage-seed5",
      "search-local-seed1", "search-local-seed2", "search-local-seed3", "search-local-seed4",
      "search-local-seed5", "demo-seed1", "demo-seed2", "demo-seed3", "demo-seed4", "demo-seed5"})
  void simplifiesWithTheSameFinalFitness(String name) throws IOException {
    Path file = BASE.resolve("src/test/resources/simplifier/" + name + ".txt");
    ExperimentConfig config = ConfigLoader.load(BASE.resolve("conf/demo.conf"), List.of());
    MemoryShape shape = config.run().search().shape();
    Algorithm raw = AlgorithmParser.parse(Files.readString(file), shape);
    Algorithm simplified = Simplifier.simplify(raw);
    double before = finalFitness(raw, config, Long.MAX_VALUE);
    double after = finalFitness(simplified, config, Long.MAX_VALUE);
    // The demo's final fitness saturates at 1; after only 3 training steps it does not, and the
    // two must still agree bit for bit.
    double early = finalFitness(raw, config, 3);
    assertThat(early).isLessThan(0.99);
    assertThat(Double.doubleToRawLongBits(finalFitness(simplified, config, 3)))
        .isEqualTo(Double.doubleToRawLongBits(early));
    System.out.printf(Locale.ROOT, "%s: %d -> %d instructions (liveness only: %d), final fitness %.17g -> %.17g, after 3 steps %.17g%n%s%n",
        name, raw.size(), simplified.size(), Simplifier.removeDead(raw).size(), before, after, early,
        AlgorithmPrinter.print(simplified));
    assertThat(after).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-9));
    // Every rule is exact, so in fact the bits agree.
    assertThat(Double.doubleToRawLongBits(after)).isEqualTo(Double.doubleToRawLongBits(before));
    assertThat(simplified.size()).isLessThanOrEqualTo(Simplifier.removeDead(raw).size());
  }

  /**
   * With the verified pass (VerifiedPass) the current demo's five algorithms are at most 9
   * instructions, within 1e-9 of the raw final fitness. The final fitness saturates at 1, so the
   * test also prints the fitness after 3 training steps, which the pass may change
   * (docs/simplifier.md shows both).
   */
  @ParameterizedTest
  @ValueSource(strings = {"current-seed1", "current-seed2", "current-seed3", "current-seed4", "current-seed5"})
  void theVerifiedPassShortensTheCurrentDemoToAtMostNine(String name) throws IOException {
    ExperimentConfig config = ConfigLoader.load(BASE.resolve("conf/demo.conf"), List.of());
    Algorithm raw = AlgorithmParser.parse(Files.readString(BASE.resolve("src/test/resources/simplifier/" + name
        + ".txt")), config.run().search().shape());
    Algorithm exact = Simplifier.simplify(raw);
    VerifiedPass.Result r = VerifiedPass.apply(exact, a -> finalFitness(a, config, Long.MAX_VALUE), 1 + 3 * exact.size());
    System.out.printf(Locale.ROOT, "%s: %d -> %d (exact) -> %d (verified), %s; after 3 steps %.17g -> %.17g%n%s%n",
        name, raw.size(), exact.size(), r.algorithm().size(), r.summary(), finalFitness(raw, config, 3),
        finalFitness(r.algorithm(), config, 3), AlgorithmPrinter.print(r.algorithm()));
    assertThat(r.fitnessBefore()).isEqualTo(finalFitness(raw, config, Long.MAX_VALUE));
    assertThat(Math.abs(r.fitnessAfter() - r.fitnessBefore())).isLessThanOrEqualTo(VerifiedPass.TOLERANCE);
    assertThat(r.algorithm().size()).isLessThanOrEqualTo(9);
    assertThat(r.capped()).isFalse();
  }

  /** The mean fitness on the demo's 100 final tasks, each instruction run (no liveness skipping). */
  static double finalFitness(Algorithm algorithm, ExperimentConfig config, long trainSteps) {
    MemoryShape shape = config.run().search().shape();
    Interpreter interpreter = new Interpreter(shape, config.run().search().maxAbsError());
    CompiledAlgorithm compiled = CompiledAlgorithm.compileWithoutSkipping(algorithm, shape);
    List<LearningTask> tasks = new TaskGenerator().generate(config.run().finalTasks());
    double sum = 0;
    for (LearningTask task : tasks) {
      sum += interpreter.execute(compiled, task, Math.min(trainSteps, task.maxTrainExamples()), Rng.derive(1, "final", 0, task.index()));
    }
    return sum / tasks.size();
  }
}
