package org.automlzero.core.search;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Prints a progress line every {@code every} individuals: individuals, elapsed seconds,
 * individuals/s, population mean, standard deviation and best fitness (over all islands), and
 * the FEC hit rate so far in the experiment.
 */
public final class ProgressPrinter implements GenerationListener {
  /** Formats one progress line from a report and the experiment's FEC hit rate so far. */
  @FunctionalInterface
  public interface LineFormat {
    String line(GenerationReport report, double fecHitRate);
  }

  private final long every;
  private final Consumer<String> out;
  private final LineFormat format;
  private long nextAt;
  private int experiment = -1;
  private long hits;
  private long lookups;
  private long lastIndividuals;

  public ProgressPrinter(long every, Consumer<String> out) {
    this(every, out, ProgressPrinter::line);
  }

  /** A printer with its own line format (the Spark job adds its overhead and per-island figures). */
  public ProgressPrinter(long every, Consumer<String> out, LineFormat format) {
    this.every = every;
    this.out = out;
    this.format = format;
  }

  @Override
  public boolean wantsIslandStats(long individuals) {
    if (individuals < lastIndividuals) {
      nextAt = 0; // a new experiment restarted the count: its first report gets a line
    }
    return every > 0 && individuals >= nextAt;
  }

  @Override
  public void onGeneration(GenerationReport r) {
    lastIndividuals = r.individuals();
    if (r.experiment() != experiment) {
      experiment = r.experiment();
      nextAt = 0;
      hits = 0;
      lookups = 0;
    }
    hits += r.fecHits();
    lookups += r.fecHits() + r.fecMisses();
    if (every <= 0 || r.individuals() < nextAt || r.islands().isEmpty()) {
      return;
    }
    nextAt = (r.individuals() / every + 1) * every;
    out.accept(format.line(r, lookups == 0 ? 0.0 : (double) hits / lookups));
  }

  /** The progress line of a report. */
  public static String line(GenerationReport r, double hitRate) {
    List<IslandStats> islands = r.islands();
    double mean = 0.0;
    double squares = 0.0;
    for (IslandStats s : islands) {
      mean += s.meanFitness();
      squares += s.stdevFitness() * s.stdevFitness() + s.meanFitness() * s.meanFitness();
    }
    mean /= islands.size();
    double stdev = Math.sqrt(Math.max(0.0, squares / islands.size() - mean * mean));
    return String.format(Locale.ROOT,
        "experiment=%d, indivs=%d, elapsed_secs=%.0f, indivs/s=%.0f, mean=%.6f, stdev=%.6f, best fit=%.6f, "
            + "fec hit rate=%.3f",
        r.experiment() + 1, r.individuals(), r.elapsedSeconds(), r.individualsPerSecond(), mean, stdev,
        r.bestFitness(), hitRate);
  }
}
