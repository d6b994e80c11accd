package org.automlzero.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.search.IslandState;
import org.automlzero.core.search.RunCheckpoints;
import org.automlzero.core.search.RunState;
import org.automlzero.core.search.SearchResult;
import org.automlzero.core.search.spec.SearchSpec;
import org.automlzero.core.task.ClassPair;
import org.automlzero.store.TinyTaskDataSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf/paper-space.conf (the paper's Section 4.2 space) end to end on Spark local[2]: initial
 * populations of random algorithms at the size limits (21 / 21 / 45 instructions), so every one
 * of the 7 / 58 / 58 ops appears, evaluated on projected binary tasks and evolved with insert
 * and remove mutations, which must never pass the limits. On generated data in the real format
 * by default; {@code -Dpaper.data=DIR} runs it on a prepared data set (docs/paper.md: projected
 * Fashion-MNIST, with the output).
 */
class PaperSpaceTest {
  @TempDir
  Path tmp;

  @Test
  void everyOpAndEverySizeLimitRunsOnSpark() {
    String real = System.getProperty("paper.data", "");
    Path data;
    List<String> sets = new ArrayList<>();
    if (real.isEmpty()) {
      data = tmp.resolve("data");
      TinyTaskDataSet.write(data, "fashion_mnist", 16, 60, 20, 10, ClassPair.ALL, 2);
      TinyTaskDataSet.listFiles(data);
      for (String list : List.of("search", "select", "final")) {
        sets.add(list + ".tasks.train_examples=60");
        sets.add(list + ".tasks.valid_examples=20");
      }
    } else {
      data = Path.of(real);
      for (String list : List.of("search", "select", "final")) {
        sets.add(list + ".tasks.train_examples=800"); // the paper's {800 examples, 1 epoch} workers
        sets.add(list + ".tasks.valid_examples=1000");
      }
    }
    assertThat(Files.isDirectory(data)).isTrue();
    sets.addAll(List.of("data.path=" + data, "search.initial_population=RANDOM", "search.setup.init_size=21",
        "search.predict.init_size=21", "search.learn.init_size=45", "islands.count=2", "islands.migrants=50",
        "islands.migration_interval=50", "search.max_individuals=400", "search.tasks.count=2",
        "select.tasks.count=2", "final.tasks.count=2", "run.progress_every=0", "run.seed=7"));
    for (String list : List.of("search", "select", "final")) {
      sets.add(list + ".tasks.dataset=fashion_mnist");
      sets.add(list + ".tasks.max_data_seed=" + (real.isEmpty() ? 2 : 10));
    }
    ExperimentConfig config = ConfigLoader.load(Path.of("conf/paper-space.conf"), sets);
    SearchSpec spec = config.run().search();
    assertThat(spec.shape().scalars()).isEqualTo(8);
    assertThat(spec.shape().vectors()).isEqualTo(14);
    assertThat(spec.shape().matrices()).isEqualTo(3);
    assertThat(spec.setup().ops()).hasSize(7);
    assertThat(spec.predict().ops()).hasSize(58);
    assertThat(spec.learn().ops()).hasSize(58);

    Map<ComponentFunctionType, Set<Op>> seen = new EnumMap<>(ComponentFunctionType.class);
    Map<ComponentFunctionType, Integer> longest = new EnumMap<>(ComponentFunctionType.class);
    for (ComponentFunctionType f : ComponentFunctionType.values()) {
      seen.put(f, EnumSet.noneOf(Op.class));
      longest.put(f, 0);
    }
    long[] members = {0};
    long[] finite = {0};
    double[] best = {0};
    RunCheckpoints every = new RunCheckpoints() {
      @Override
      public boolean due(int experiment, long generation) {
        return true;
      }

      @Override
      public void save(RunState state) {
        if (state.loop() == null) {
          return;
        }
        for (IslandState island : state.loop().islands()) {
          for (int m = 0; m < island.members().size(); m++) {
            Algorithm a = island.members().get(m);
            members[0]++;
            double f = island.fitness()[m];
            finite[0] += Double.isFinite(f) ? 1 : 0;
            best[0] = Math.max(best[0], f);
            for (ComponentFunctionType type : ComponentFunctionType.values()) {
              List<Instruction> is = a.function(type);
              longest.put(type, Math.max(longest.get(type), is.size()));
              for (Instruction i : is) {
                seen.get(type).add(i.op());
              }
            }
          }
        }
      }
    };
    long start = System.nanoTime();
    SearchResult r = SparkSearch.run(config, SharedSpark.session(), SparkSearch.Options.spark(), System.out, every,
        RunState.START);
    double seconds = (System.nanoTime() - start) / 1e9;
    for (ComponentFunctionType f : ComponentFunctionType.values()) {
      seen.get(f).remove(Op.NO_OP);
    }
    assertThat(seen.get(ComponentFunctionType.SETUP)).containsExactlyInAnyOrderElementsOf(spec.setup().ops());
    assertThat(seen.get(ComponentFunctionType.PREDICT)).containsExactlyInAnyOrderElementsOf(spec.predict().ops());
    assertThat(seen.get(ComponentFunctionType.LEARN)).containsExactlyInAnyOrderElementsOf(spec.learn().ops());
    assertThat(longest.get(ComponentFunctionType.SETUP)).isEqualTo(21);
    assertThat(longest.get(ComponentFunctionType.PREDICT)).isEqualTo(21);
    assertThat(longest.get(ComponentFunctionType.LEARN)).isEqualTo(45);
    assertThat(finite[0]).isEqualTo(members[0]);
    assertThat(r.individuals()).isGreaterThanOrEqualTo(400);
    System.out.println(String.format(Locale.ROOT, "paper-space on %s (Spark local[2]): %d individuals, %,d train "
        + "steps, %.1f s; ops seen in Setup/Predict/Learn %d/%d/%d of 7/58/58; longest functions %d/%d/%d of at most "
        + "21/21/45; %d member snapshots, all with finite fitness, best search fitness %.4f; select %.4f, final %.4f",
        real.isEmpty() ? "generated data" : data, r.individuals(), r.trainSteps(), seconds,
        seen.get(ComponentFunctionType.SETUP).size(), seen.get(ComponentFunctionType.PREDICT).size(),
        seen.get(ComponentFunctionType.LEARN).size(), longest.get(ComponentFunctionType.SETUP),
        longest.get(ComponentFunctionType.PREDICT), longest.get(ComponentFunctionType.LEARN), members[0], best[0],
        r.selectFitness(), r.finalFitness()));
  }
}
