package org.automlzero.runs.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.automlzero.core.io.AtomicFiles;
import org.automlzero.runs.report.ReportData.Experiment;
import org.automlzero.runs.report.ReportData.FinalResult;
import org.automlzero.runs.report.ReportData.GenerationRow;

/**
 * Renders a {@link ReportData} as one self-contained HTML page: ECharts and the chart data are
 * inlined, so the page opens offline and can be mailed or archived as a single file.
 */
public final class HtmlReport {

  /** Most points drawn per island and series; longer runs are thinned evenly, keeping the last row. */
  static final int MAX_POINTS = 2000;

  /** Island colours in island order (cycling for more islands); the browser test looks for them. */
  static final List<String> ISLAND_COLOURS = List.of(
      "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
      "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22");

  private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private HtmlReport() {}

  /** Writes the page to {@code file} through a temporary file in the same folder, so a reader never sees half a page. */
  public static void write(ReportData data, Path file) throws IOException {
    try {
      AtomicFiles.writeString(file, render(data), "report");
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The whole page as a string. */
  public static String render(ReportData data) {
    StringBuilder html = new StringBuilder(1_200_000);
    String name = escape(data.runName());
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>AutoML-Zero run ").append(name).append("</title>\n")
        .append("<style>\n").append(Assets.CSS).append("</style>\n</head>\n<body>\n<main>\n");

    List<Integer> islands = data.generations().stream().map(GenerationRow::island).distinct().sorted().toList();
    long generations = data.generations().stream().map(GenerationRow::generation).distinct().count();
    html.append("<header>\n<h1>AutoML-Zero run: ").append(name).append("</h1>\n<p class=\"meta\">seed ")
        .append(data.seed()).append(" · started ")
        .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(data.startTime().atOffset(ZoneOffset.UTC).withNano(0)))
        .append(" UTC · ").append(islands.size()).append(islands.size() == 1 ? " island" : " islands")
        .append(" · ").append(generations).append(generations == 1 ? " generation" : " generations")
        .append("</p>\n</header>\n");

    summary(html, data);
    if (!data.notes().isEmpty()) {
      html.append("<ul class=\"notes\">\n");
      data.notes().forEach(note -> html.append("<li>").append(escape(note)).append("</li>\n"));
      html.append("</ul>\n");
    }

    html.append("<h2>Progress</h2>\n<div class=\"charts\">\n");
    for (String id : List.of("chart-fitness-individuals", "chart-fitness-time", "chart-fec", "chart-throughput")) {
      html.append("<div class=\"chart\" id=\"").append(id).append("\"></div>\n");
    }
    html.append("</div>\n");

    algorithm(html, data.result());
    experiments(html, data.experiments());
    html.append("<h2>Config</h2>\n<pre>").append(escape(data.configText())).append("</pre>\n");

    html.append("</main>\n<script type=\"application/json\" id=\"report-data\">")
        .append(chartJson(data, islands)).append("</script>\n")
        .append("<script>\n").append(Assets.ECHARTS_JS).append("\n</script>\n")
        .append("<script>\n").append(Assets.REPORT_JS).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void summary(StringBuilder html, ReportData data) {
    Optional<FinalResult> result = data.result();
    double elapsed = data.generations().stream().mapToDouble(GenerationRow::elapsedSeconds).max().orElse(0);
    // Each island counts its own individuals, so the run's total is the sum of each island's latest count.
    long individuals = data.generations().stream()
        .collect(Collectors.toMap(GenerationRow::island, GenerationRow::individuals, Math::max))
        .values().stream().mapToLong(Long::longValue).sum();
    html.append("<h2>Summary</h2>\n<table class=\"summary\">\n");
    row(html, "Search fitness", result.map(r -> fitness(r.searchFitness())).orElse("— (run not finished)"));
    row(html, "Select fitness", result.map(r -> fitness(r.selectFitness())).orElse("—"));
    row(html, "Final fitness", result.map(r -> fitness(r.finalFitness())).orElse("—"));
    row(html, "Individuals", String.format(Locale.ROOT, "%,d", individuals));
    row(html, "Elapsed", duration(elapsed));
    row(html, "Experiments", Integer.toString(data.experiments().size()));
    html.append("</table>\n");
  }

  private static void row(StringBuilder html, String label, String value) {
    html.append("<tr><th>").append(label).append("</th><td>").append(escape(value)).append("</td></tr>\n");
  }

  private static void algorithm(StringBuilder html, Optional<FinalResult> result) {
    html.append("<h2>Final algorithm</h2>\n");
    Optional<String> simplified = result.flatMap(FinalResult::simplifiedAlgorithm);
    Optional<String> raw = result.flatMap(FinalResult::rawAlgorithm);
    if (simplified.isEmpty() && raw.isEmpty()) {
      html.append("<p class=\"empty\">No final algorithm recorded.</p>\n");
    }
    simplified.ifPresent(text -> html.append("<h3>Simplified</h3>\n<pre>").append(escape(text)).append("</pre>\n"));
    raw.ifPresent(text -> html.append("<h3>Raw</h3>\n<pre>").append(escape(text)).append("</pre>\n"));
  }

  private static void experiments(StringBuilder html, List<Experiment> experiments) {
    html.append("<h2>Experiments</h2>\n");
    if (experiments.isEmpty()) {
      html.append("<p class=\"empty\">No experiment finished yet.</p>\n");
      return;
    }
    html.append("<table>\n<tr><th>Experiment</th><th class=\"num\">Search fitness</th>")
        .append("<th class=\"num\">Select fitness</th><th class=\"num\">Individuals</th></tr>\n");
    experiments.stream().sorted(Comparator.comparingInt(Experiment::experiment)).forEach(e -> html
        .append("<tr><td>").append(e.experiment()).append("</td><td class=\"num\">").append(fitness(e.searchFitness()))
        .append("</td><td class=\"num\">").append(fitness(e.selectFitness()))
        .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,d", e.individuals()))
        .append("</td></tr>\n"));
    html.append("</table>\n");
  }

  /** The charts' data: one object per island with parallel arrays, each thinned to {@link #MAX_POINTS}. */
  static String chartJson(ReportData data, List<Integer> islands) {
    TreeMap<Integer, List<GenerationRow>> byIsland = new TreeMap<>();
    for (GenerationRow row : data.generations()) {
      byIsland.computeIfAbsent(row.island(), k -> new ArrayList<>()).add(row);
    }
    StringBuilder json = new StringBuilder();
    json.append("{\"runName\":").append(jsonString(data.runName()))
        .append(",\"seed\":").append(data.seed())
        .append(",\"startTime\":").append(jsonString(data.startTime().toString()))
        .append(",\"islands\":[");
    for (int i = 0; i < islands.size(); i++) {
      List<GenerationRow> rows = byIsland.get(islands.get(i));
      rows.sort(Comparator.comparingLong(GenerationRow::generation));
      List<GenerationRow> kept = new ArrayList<>();
      for (int index : downsample(rows.size(), MAX_POINTS)) {
        kept.add(rows.get(index));
      }
      json.append(i == 0 ? "" : ",").append("\n{\"island\":").append(islands.get(i))
          .append(",\"colour\":").append(jsonString(ISLAND_COLOURS.get(i % ISLAND_COLOURS.size())));
      array(json, "generation", kept, r -> Long.toString(r.generation()));
      array(json, "individuals", kept, r -> Long.toString(r.individuals()));
      array(json, "elapsed", kept, r -> Double.toString(r.elapsedSeconds()));
      array(json, "best", kept, r -> Double.toString(r.bestFitness()));
      array(json, "mean", kept, r -> Double.toString(r.meanFitness()));
      array(json, "fecRate", kept, r -> r.fecHitRate().map(String::valueOf).orElse("null"));
      array(json, "throughput", kept, r -> Double.toString(r.individualsPerSecond()));
      json.append('}');
    }
    return json.append("]}").toString();
  }

  private static void array(StringBuilder json, String key, List<GenerationRow> rows, Function<GenerationRow, String> value) {
    json.append(",\"").append(key).append("\":[");
    for (int i = 0; i < rows.size(); i++) {
      json.append(i == 0 ? "" : ",").append(value.apply(rows.get(i)));
    }
    json.append(']');
  }

  /** Indices of at most {@code max} of {@code n} rows, evenly spread, always keeping the first and last. */
  static int[] downsample(int n, int max) {
    if (max < 2) {
      throw new IllegalArgumentException("Downsampling needs at least 2 points, but max was " + max);
    }
    int count = Math.min(n, max);
    int[] indices = new int[count];
    for (int i = 0; i < count; i++) {
      indices[i] = count == n ? i : (int) Math.round((double) i * (n - 1) / (count - 1));
    }
    return indices;
  }

  /** A JSON string that is also safe inside a script element: no '<', '>' or '&' survive unescaped. */
  static String jsonString(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String fitness(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }

  private static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long whole = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d (h:mm:ss)", whole / 3600, whole / 60 % 60, whole % 60);
  }

  /** Page assets from the class path, read once. */
  private static final class Assets {
    static final String CSS = resource(HtmlReport.class.getResourceAsStream("report.css"), "report.css");
    static final String REPORT_JS = resource(HtmlReport.class.getResourceAsStream("report.js"), "report.js");
    // The minified library holds no "</script", but a future version must not end our script element early.
    static final String ECHARTS_JS = resource(HtmlReport.class.getClassLoader().getResourceAsStream(ECHARTS), ECHARTS)
        .replace("</script", "<\\/script");

    private static String resource(InputStream in, String name) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path"
            + (name.equals(ECHARTS) ? " (dependency org.webjars.npm:echarts:5.3.1)" : ""));
      }
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + name + " from the class path", e);
      }
    }
  }
}
