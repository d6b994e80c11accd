package org.automlzero.core.search;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Progress of a search, one compact line every {@code every} individuals:
 *
 * <pre>experiment 1: 40,000/1,000,000 individuals (4%), 12,345/s, best 0.998731, FEC hits 41.2%, 0:03 elapsed, ETA 1:18</pre>
 *
 * <p>The budget is search.max_individuals per experiment, and run.max_seconds when set (the ETA
 * is the sooner of the two; a run may end earlier, at run.sufficient_fitness). The best is the
 * best search fitness seen so far in the experiment. With {@link Style#verbose} a second line
 * gives every island's best and mean (the same figures as the run directory's stats Parquet). With
 * {@link Style#live} the line is also handed to a live status display (a terminal's progress bar)
 * after every generation, at most a few times a second. Only display: nothing here affects the
 * search.
 */
public final class ProgressPrinter implements GenerationListener {
  /**
   * How progress is shown: {@code verbose} adds per-island lines; {@code live}, when not null,
   * receives the current line (as {@link Status}) after generations, for a live display;
   * {@code maxSeconds} is the run's wall-clock budget (0 = none), for the ETA.
   */
  public record Style(boolean verbose, Consumer<Status> live, double maxSeconds) {
    public static final Style PLAIN = new Style(false, null, 0);

    public Style withMaxSeconds(double seconds) {
      return new Style(verbose, live, seconds);
    }
  }

  /** The live display's view: the compact line and the fraction of the budget done (0..1, or -1 when unknown). */
  public record Status(String line, double fraction) {}

  private static final long LIVE_EVERY_NANOS = 200_000_000L;

  private final long every;
  private final Consumer<String> out;
  private final long maxIndividuals;
  private final Style style;
  private Supplier<String> detail = () -> "";
  private Supplier<String> suffix = () -> "";
  private long nextAt;
  private int experiment = -1;
  private long hits;
  private long lookups;
  private long lastIndividuals;
  private double best = Double.NEGATIVE_INFINITY;
  private long lastLiveNanos;
  private double runSecondsBefore;
  private final long startNanos = System.nanoTime();

  /** Plain lines without a budget (tests and tools). */
  public ProgressPrinter(long every, Consumer<String> out) {
    this(every, out, 0, Style.PLAIN);
  }

  /**
   * @param maxIndividuals the experiment's individual budget (search.max_individuals), 0 = unknown
   */
  public ProgressPrinter(long every, Consumer<String> out, long maxIndividuals, Style style) {
    this.every = every;
    this.out = out;
    this.maxIndividuals = maxIndividuals;
    this.style = style == null ? Style.PLAIN : style;
  }

  /** Extra text for the verbose line (the Spark job's per-generation overhead). */
  public ProgressPrinter detail(Supplier<String> text) {
    this.detail = text;
    return this;
  }

  /** Extra text at the end of the compact line (on Spark: how busy the executors and the driver were). */
  public ProgressPrinter suffix(Supplier<String> text) {
    this.suffix = text;
    return this;
  }

  /** Wall-clock seconds the run spent before this process (a resumed run), for the run.max_seconds ETA. */
  public ProgressPrinter secondsBefore(double seconds) {
    this.runSecondsBefore = seconds;
    return this;
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
      best = Double.NEGATIVE_INFINITY;
    }
    hits += r.fecHits();
    lookups += r.fecHits() + r.fecMisses();
    if (!r.islands().isEmpty()) {
      best = Math.max(best, r.bestFitness());
    }
    double hitRate = lookups == 0 ? 0.0 : (double) hits / lookups;
    if (style.live() != null) {
      long now = System.nanoTime();
      if (now - lastLiveNanos >= LIVE_EVERY_NANOS || (maxIndividuals > 0 && r.individuals() >= maxIndividuals)) {
        lastLiveNanos = now;
        style.live().accept(new Status(line(r, hitRate), fraction(r)));
      }
    }
    if (every <= 0 || r.individuals() < nextAt || r.islands().isEmpty()) {
      return;
    }
    nextAt = (r.individuals() / every + 1) * every;
    if (style.live() == null) {
      out.accept(line(r, hitRate));
    }
    if (style.verbose()) {
      out.accept(islandLine(r, detail.get()));
    }
  }

  /** The share of the budget done: individuals, or wall clock when run.max_seconds is nearer. */
  private double fraction(GenerationReport r) {
    double f = maxIndividuals > 0 ? Math.min(1.0, (double) r.individuals() / maxIndividuals) : -1;
    if (style.maxSeconds() > 0) {
      double t = Math.min(1.0, runSeconds() / style.maxSeconds());
      f = Math.max(f, t);
    }
    return f;
  }

  /** The compact progress line of a report. */
  String line(GenerationReport r, double hitRate) {
    StringBuilder sb = new StringBuilder(64);
    sb.append(String.format(Locale.ROOT, "experiment %d: %,d", r.experiment() + 1, r.individuals()));
    if (maxIndividuals > 0) {
      sb.append(String.format(Locale.ROOT, "/%,d individuals (%d%%)", maxIndividuals,
          Math.min(100, r.individuals() * 100 / maxIndividuals)));
    } else {
      sb.append(" individuals");
    }
    sb.append(String.format(Locale.ROOT, ", %,.0f/s", r.individualsPerSecond()));
    if (best != Double.NEGATIVE_INFINITY) {
      sb.append(String.format(Locale.ROOT, ", best %.6f", best));
    }
    sb.append(String.format(Locale.ROOT, ", FEC hits %.1f%%, %s elapsed", 100 * hitRate, clock(r.elapsedSeconds())));
    double eta = eta(r);
    if (eta >= 0) {
      sb.append(", ETA ").append(clock(eta));
    }
    String more = suffix.get();
    if (!more.isEmpty()) {
      sb.append(", ").append(more);
    }
    return sb.toString();
  }

  /** Seconds until the budget ends (the sooner of max_individuals and run.max_seconds), or -1 if unknown. */
  private double eta(GenerationReport r) {
    double eta = -1;
    if (maxIndividuals > 0 && r.individualsPerSecond() > 0) {
      eta = Math.max(0, maxIndividuals - r.individuals()) / r.individualsPerSecond();
    }
    if (style.maxSeconds() > 0) {
      double left = Math.max(0, style.maxSeconds() - runSeconds());
      eta = eta < 0 ? left : Math.min(eta, left);
    }
    return eta;
  }

  /** The run's wall-clock seconds so far (all experiments, earlier processes of a resumed run included). */
  private double runSeconds() {
    return runSecondsBefore + (System.nanoTime() - startNanos) / 1e9;
  }

  /** The verbose line: every island's best and mean, and the caller's detail. */
  static String islandLine(GenerationReport r, String detail) {
    List<IslandStats> islands = r.islands();
    StringBuilder sb = new StringBuilder("  generation ").append(r.generation());
    if (!detail.isEmpty()) {
      sb.append(", ").append(detail);
    }
    sb.append(", islands (best/mean):");
    for (IslandStats s : islands) {
      sb.append(String.format(Locale.ROOT, " %d %.6f/%.6f", s.island(), s.bestFitness(), s.meanFitness()));
      if (s.island() != islands.get(islands.size() - 1).island()) {
        sb.append(" |");
      }
    }
    return sb.toString();
  }

  /** m:ss, or h:mm:ss from an hour on. */
  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
