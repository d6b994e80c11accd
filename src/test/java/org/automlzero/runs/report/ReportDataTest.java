package org.automlzero.runs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.automlzero.runs.report.ReportData.Experiment;
import org.automlzero.runs.report.ReportData.FinalResult;
import org.automlzero.runs.report.ReportData.GenerationRow;
import org.junit.jupiter.api.Test;

class ReportDataTest {

  private static GenerationRow row(long generation, int island) {
    return new GenerationRow(generation, island, 100, 1.5, 0.8, 0.6, 0.1, 3, 7, 120);
  }

  private static ReportData report(String name, List<GenerationRow> rows, List<Experiment> experiments) {
    return new ReportData(name, "", 1, Instant.EPOCH, rows, experiments, Optional.empty(), List.of());
  }

  @Test
  void rejectsBlankRunName() {
    assertThatThrownBy(() -> report(" ", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Run name must not be blank, but was ' '");
  }

  @Test
  void rejectsDuplicateGenerationRows() {
    assertThatThrownBy(() -> report("run", List.of(row(3, 1), row(3, 0), row(3, 1)), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Generation rows must be unique per (generation, island), but generation 3 island 1 appears twice");
  }

  @Test
  void rejectsDuplicateExperiments() {
    Experiment e = new Experiment(2, 0.5, 0.4, 10);
    assertThatThrownBy(() -> report("run", List.of(), List.of(e, e)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Experiment numbers must be unique, but 2 appears twice");
  }

  @Test
  void rejectsBadRowValues() {
    assertThatThrownBy(() -> new GenerationRow(4, 0, -1, 1, 0.5, 0.5, 0, 0, 0, 0))
        .hasMessage("Report individuals must be >= 0, but was -1 (generation 4 island 0)");
    assertThatThrownBy(() -> new GenerationRow(4, 1, 1, 1, Double.NaN, 0.5, 0, 0, 0, 0))
        .hasMessage("Report best fitness must be a finite number, but was NaN (generation 4 island 1)");
    assertThatThrownBy(() -> new GenerationRow(4, 1, 1, 1, 0.5, 0.5, -0.1, 0, 0, 0))
        .hasMessage("Report stdev fitness must be finite and >= 0, but was -0.1 (generation 4 island 1)");
    assertThatThrownBy(() -> new GenerationRow(4, 1, 1, 1, 0.5, 0.5, 0, 0, 0, Double.POSITIVE_INFINITY))
        .hasMessage("Report individuals per second must be finite and >= 0, but was Infinity (generation 4 island 1)");
    assertThatThrownBy(() -> new Experiment(-1, 0.5, 0.5, 1))
        .hasMessage("Report experiment number must be >= 0, but was -1 (experiment -1)");
    assertThatThrownBy(() -> new FinalResult(0.5, 0.5, Double.NaN, Optional.empty(), Optional.empty()))
        .hasMessage("Report final fitness must be a finite number, but was NaN (the final result)");
  }

  @Test
  void fecHitRateIsEmptyWithoutCandidates() {
    assertThat(row(0, 0).fecHitRate()).contains(0.3);
    assertThat(new GenerationRow(0, 0, 0, 0, 0, 0, 0, 0, 0, 0).fecHitRate()).isEmpty();
  }

  @Test
  void listsAreCopied() {
    List<GenerationRow> rows = new java.util.ArrayList<>(List.of(row(0, 0)));
    ReportData data = report("run", rows, List.of());
    rows.add(row(1, 0));
    assertThat(data.generations()).hasSize(1);
  }
}
