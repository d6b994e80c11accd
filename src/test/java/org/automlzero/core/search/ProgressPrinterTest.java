package org.automlzero.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact progress line, the verbose island line and the live status. */
class ProgressPrinterTest {
  private static GenerationReport report(long generation, long individuals, double seconds, List<IslandStats> islands) {
    return new GenerationReport(0, generation, individuals, 0, 30, 70, seconds, individuals / seconds, islands);
  }

  private static List<IslandStats> islands(double best0, double best1) {
    return List.of(new IslandStats(0, 500, best0, 0.25, 0.1, 0, 0), new IslandStats(1, 500, best1, 0.5, 0.1, 0, 0));
  }

  @Test
  void oneCompactLinePerIntervalWithBudgetRateBestFecElapsedAndEta() {
    List<String> lines = new ArrayList<>();
    ProgressPrinter p = new ProgressPrinter(10_000, lines::add, 1_000_000, ProgressPrinter.Style.PLAIN);
    p.onGeneration(report(1, 40_000, 4.0, islands(0.5, 0.998731)));
    p.onGeneration(report(2, 41_000, 4.1, List.of())); // between intervals: no line
    assertThat(lines).containsExactly("experiment 1: 40,000/1,000,000 individuals (4%), 10,000/s, best 0.998731, "
        + "FEC hits 30.0%, 0:04 elapsed, ETA 1:36");
  }

  @Test
  void verboseAddsEveryIslandsBestAndMean() {
    List<String> lines = new ArrayList<>();
    ProgressPrinter p = new ProgressPrinter(1, lines::add, 0, new ProgressPrinter.Style(true, null, 0))
        .detail(() -> "Spark overhead 12 ms/stage");
    p.onGeneration(report(3, 3_000, 1.0, islands(0.5, 0.75)));
    assertThat(lines).containsExactly("experiment 1: 3,000 individuals, 3,000/s, best 0.750000, FEC hits 30.0%, "
        + "0:01 elapsed", "  generation 3, Spark overhead 12 ms/stage, islands (best/mean): 0 0.500000/0.250000 | "
        + "1 0.750000/0.500000");
  }

  @Test
  void theCallersSuffixEndsTheCompactLine() {
    List<String> lines = new ArrayList<>();
    ProgressPrinter p = new ProgressPrinter(1, lines::add, 0, ProgressPrinter.Style.PLAIN)
        .suffix(() -> "executors 81% busy, driver 7%");
    p.onGeneration(report(3, 3_000, 1.0, islands(0.5, 0.75)));
    assertThat(lines).containsExactly("experiment 1: 3,000 individuals, 3,000/s, best 0.750000, FEC hits 30.0%, "
        + "0:01 elapsed, executors 81% busy, driver 7%");
  }

  @Test
  void aLiveDisplayGetsTheLineAndTheFractionInsteadOfPlainLines() {
    List<String> lines = new ArrayList<>();
    List<ProgressPrinter.Status> live = new ArrayList<>();
    ProgressPrinter p = new ProgressPrinter(10_000, lines::add, 100_000, new ProgressPrinter.Style(false, live::add, 0));
    p.onGeneration(report(1, 100_000, 10.0, islands(0.5, 0.9)));
    assertThat(lines).isEmpty();
    assertThat(live).singleElement().satisfies(s -> {
      assertThat(s.fraction()).isEqualTo(1.0);
      assertThat(s.line()).startsWith("experiment 1: 100,000/100,000 individuals (100%)").endsWith("ETA 0:00");
    });
  }

  @Test
  void clockReadsMinutesThenHours() {
    assertThat(ProgressPrinter.clock(59.6)).isEqualTo("1:00");
    assertThat(ProgressPrinter.clock(3725)).isEqualTo("1:02:05");
  }
}
