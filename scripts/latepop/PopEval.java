package org.automlzero.core.search;

import java.nio.file.*;
import java.util.*;
import org.automlzero.core.algorithm.*;
import org.automlzero.core.config.*;
import org.automlzero.core.search.spec.*;
import org.automlzero.core.task.*;
import org.automlzero.runs.*;

/**
 * Bench harness (scripts/latepop/latepop-ab.sh): the population of a run directory's checkpoint
 * evaluated as the search's in-process evaluator does (one thread, the train budget, the run's
 * search tasks), whole or member by member. Compiled against each build into a directory of
 * its own: it sits in the search package for the package-private pieces it uses.
 */
public final class PopEval {
  final InProcessEvaluator evaluator;
  final TaskList tasks;
  final List<Algorithm> members;
  final List<EvaluationRequest> requests = new ArrayList<>();
  long steps;

  public PopEval(String runDir, String checkpoint, int limit) throws Exception {
    ExperimentConfig c = ConfigLoader.load(Path.of(runDir, "config.conf"), List.of());
    RunSpec run = c.run();
    SearchSpec spec = run.search();
    TaskList t = run.searchTasks();
    if (run.randomizeTaskSeeds()) {
      t = ExperimentRunner.reseed(t, org.automlzero.core.random.Rng.derive(run.seed(), "task-seeds", 0));
    }
    tasks = t;
    TaskGenerator gen = new TaskGenerator(org.automlzero.store.ParquetTaskStore.open(c.dataPath()));
    TaskProvider provider = new CachingTaskProvider(gen::generate);
    evaluator = new InProcessEvaluator(spec.shape(), spec.maxAbsError(), provider, new WorkerPool(1));
    Checkpoint cp = CheckpointCodec.read(Files.readString(Path.of(checkpoint)));
    List<Algorithm> all = cp.state().loop().islands().get(0).members();
    members = all.subList(0, Math.min(limit, all.size()));
    TrainBudget budget = new TrainBudget(HandCodedAlgorithms.neuralNet(0.01, 0.1, new AlgorithmSizes(1, 1, 1)), 2.0);
    int n = tasks.size();
    for (int k = 0; k < members.size(); k++) {
      for (int i = 0; i < n; i++) {
        long g = budget.trainExamples(members.get(k), 8000);
        steps += g;
        requests.add(new EvaluationRequest(k, i, g, org.automlzero.core.random.Rng.deriveSeed(7, "evaluate", 0, k, i)));
      }
    }
    provider.tasks(tasks);
  }

  public double pass() {
    double[] f = evaluator.evaluate(tasks, members, requests);
    double s = 0;
    for (double x : f) s += x;
    return s;
  }

  /** Member k's ten requests alone. */
  public double passMember(int k) {
    List<EvaluationRequest> r = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      EvaluationRequest q = requests.get(k * tasks.size() + i);
      r.add(new EvaluationRequest(0, q.task(), q.numTrainExamples(), q.seed()));
    }
    double[] f = evaluator.evaluate(tasks, List.of(members.get(k)), r);
    double s = 0;
    for (double x : f) s += x;
    return s;
  }

  /** Per-member fitness sums (for equality checks between builds). */
  public double[] fitnesses() {
    return evaluator.evaluate(tasks, members, requests);
  }
}
