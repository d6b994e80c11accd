package org.automlzero.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.automlzero.runs.report.HtmlReport;
import org.automlzero.runs.report.ReportData;

/**
 * Maps a run directory onto {@link ReportData} and renders report.html. Generations are
 * numbered across experiments (experiment 2's generation 0 follows experiment 1's last) and each
 * island's individuals are counted over the whole run, so the charts show one continuous run.
 * Works on an unfinished run too (no result yet).
 */
public final class RunReport {
  private RunReport() {}

  /** Writes {@code report.html} into the run directory and returns its path. */
  public static Path write(RunDirectory dir) {
    try {
      HtmlReport.write(data(dir), dir.report());
    } catch (IOException e) {
      throw new RunDirectoryException("cannot write " + dir.report() + ": " + e.getMessage(), e);
    }
    return dir.report();
  }

  public static ReportData data(RunDirectory dir) {
    JsonNode info = dir.runInfo();
    Instant started;
    try {
      started = Instant.parse(info.path("started").asText());
    } catch (DateTimeParseException e) {
      throw new RunDirectoryException(dir.runJson() + ": field 'started' must be an ISO-8601 instant, but was "
          + info.get("started"));
    }
    String name = info.path("name").asText(dir.root().getFileName().toString());
    List<ReportData.GenerationRow> rows = new ArrayList<>();
    long generationOffset = 0;
    long lastGeneration = -1;
    int currentExperiment = -1;
    Map<Integer, Long> islandOffset = new HashMap<>();
    Map<Integer, Long> islandLast = new HashMap<>();
    for (StatsRow r : StatsParquet.readAll(dir.root())) {
      if (r.experiment() != currentExperiment) {
        if (currentExperiment >= 0) {
          generationOffset += lastGeneration + 1;
          for (Map.Entry<Integer, Long> e : islandLast.entrySet()) {
            islandOffset.merge(e.getKey(), e.getValue(), Long::sum);
          }
          islandLast.clear();
        }
        currentExperiment = r.experiment();
      }
      lastGeneration = r.generation();
      islandLast.put(r.island(), r.individuals());
      rows.add(new ReportData.GenerationRow(generationOffset + r.generation(), r.island(),
          islandOffset.getOrDefault(r.island(), 0L) + r.individuals(), r.elapsedSeconds(), finite(r.bestFitness()),
          finite(r.meanFitness()), finite(r.stdevFitness()), r.fecHits(), r.fecMisses(),
          Double.isFinite(r.individualsPerSecond()) ? r.individualsPerSecond() : 0.0));
    }
    List<ReportData.Experiment> experiments = new ArrayList<>();
    if (Files.isRegularFile(dir.experimentsJson())) {
      for (JsonNode e : RunDirectory.readJson(dir.experimentsJson()).path("experiments")) {
        experiments.add(new ReportData.Experiment(e.path("experiment").asInt(),
            finite(JsonDoubles.read(e.get("search_fitness"), "search_fitness")),
            finite(JsonDoubles.read(e.get("select_fitness"), "select_fitness")), e.path("individuals").asLong()));
      }
    }
    Optional<ReportData.FinalResult> result = Optional.empty();
    List<String> notes = new ArrayList<>();
    if (Files.isRegularFile(dir.resultJson())) {
      JsonNode r = RunDirectory.readJson(dir.resultJson());
      Optional<String> raw = text(dir.algorithmRawText());
      Optional<String> simplified = r.path("simplified").asBoolean(false) ? text(dir.algorithmText()) : Optional.empty();
      if (simplified.isEmpty()) {
        notes.add("The algorithm is shown as found (no simplifier was available when the run ended).");
      }
      result = Optional.of(new ReportData.FinalResult(finite(JsonDoubles.read(r.get("search_fitness"), "search_fitness")),
          finite(JsonDoubles.read(r.get("select_fitness"), "select_fitness")),
          finite(JsonDoubles.read(r.get("final_fitness"), "final_fitness")), raw, simplified));
    } else {
      notes.add("The run has not finished (no result.json yet).");
    }
    if (experiments.size() > 1) {
      notes.add("Generations are numbered across the " + experiments.size()
          + " experiments; each island's individuals are counted over the whole run.");
    }
    return new ReportData(name, dir.configText(), info.path("seed").asLong(), started, rows, experiments, result,
        notes);
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0.0;
  }

  private static Optional<String> text(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      throw new RunDirectoryException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
