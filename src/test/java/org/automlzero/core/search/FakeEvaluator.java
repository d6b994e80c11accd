package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.task.TaskList;

/**
 * A deterministic stand-in evaluator: fitness grows with the share of SCALAR_DIFF instructions,
 * plus a tiny term from the request's seed and task so that seeds matter. Records its calls.
 */
final class FakeEvaluator implements BatchEvaluator {
  final List<String> descriptions = new ArrayList<>();
  long requests;

  @Override
  public boolean showsDescriptions() {
    return true; // the tests read them
  }

  @Override
  public double[] evaluate(TaskList tasks, List<Algorithm> candidates, List<EvaluationRequest> reqs) {
    return evaluate(tasks, candidates, reqs, "");
  }

  @Override
  public double[] evaluate(TaskList tasks, List<Algorithm> candidates, List<EvaluationRequest> reqs,
      String description) {
    descriptions.add(description);
    requests += reqs.size();
    double[] out = new double[reqs.size()];
    for (int i = 0; i < out.length; i++) {
      EvaluationRequest r = reqs.get(i);
      out[i] = 0.9 * share(candidates.get(r.candidate())) + 0.05 * r.task() / tasks.size()
          + 1e-6 * ((r.seed() >>> 40) % 1000);
    }
    return out;
  }

  static double share(Algorithm a) {
    int n = 0;
    for (Instruction in : a.learn()) {
      n += in.op() == Op.SCALAR_DIFF ? 1 : 0;
    }
    return a.learn().isEmpty() ? 0.0 : (double) n / a.learn().size();
  }
}
