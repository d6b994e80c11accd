package org.automlzero.runs.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.automlzero.core.random.Rng;
import org.automlzero.runs.report.ReportData.Experiment;
import org.automlzero.runs.report.ReportData.FinalResult;
import org.automlzero.runs.report.ReportData.GenerationRow;

/** Synthetic but realistic report data for tests: fitness rising over generations on each island. */
final class SampleReport {

  static final String ALGORITHM_RAW = """
      def Setup():
        s3 = -0.5
        v1 = gaussian(0.0, 0.1)
      def Predict():
        s1 = dot(v0, v1)
        s4 = s1 < s3
      def Learn():
        s4 = s0 - s1
        s2 = s4 * s3
        v2 = s2 * v0
        v1 = v1 + v2
      """;

  static final String ALGORITHM_SIMPLIFIED = """
      def Setup():
        s3 = -0.5
      def Predict():
        s1 = dot(v0, v1)
      def Learn():
        s4 = s0 - s1
        s2 = s4 * s3
        v2 = s2 * v0
        v1 = v1 + v2
      """;

  static final String CONFIG = """
      # demo: linear regression from scratch
      search_tasks = synthetic_linear(dim=4, count=10)
      population_size = 100
      tournament_size = 10
      islands = 2
      note = "a < b && c > d"
      """;

  private SampleReport() {}

  /** A finished run of {@code generations} generations on {@code islands} islands. */
  static ReportData create(int islands, int generations) {
    Rng rng = Rng.derive(42, "sample-report");
    int batch = 50;
    List<GenerationRow> rows = new ArrayList<>();
    double[] best = new double[islands];
    for (int g = 0; g < generations; g++) {
      double elapsed = 2.0 + 0.35 * (g + 1);
      for (int i = 0; i < islands; i++) {
        double progress = 1 - Math.exp(-(g + 1) / (generations / (3.0 + i)));
        best[i] = Math.max(best[i], 0.2 + 0.7 * progress + rng.uniform(0, 0.03));
        double mean = best[i] - 0.15 - rng.uniform(0, 0.05);
        long hits = Math.round(batch * (0.05 + 0.4 * progress) * rng.uniform(0.8, 1.2));
        rows.add(new GenerationRow(g, i, (long) batch * (g + 1), elapsed, best[i], mean,
            0.08 + rng.uniform(0, 0.02), hits, batch - hits, rng.uniform(130, 150)));
      }
    }
    List<Experiment> experiments = List.of(
        new Experiment(0, 0.874, 0.861, 25_000), new Experiment(1, 0.902, 0.893, 25_000));
    FinalResult result = new FinalResult(0.902, 0.893, 0.889,
        Optional.of(ALGORITHM_RAW), Optional.of(ALGORITHM_SIMPLIFIED));
    return new ReportData("demo-2026-11-27", CONFIG, 42, Instant.parse("2026-11-27T22:15:00Z"),
        rows, experiments, Optional.of(result), List.of("Synthetic sample data for tests."));
  }
}
