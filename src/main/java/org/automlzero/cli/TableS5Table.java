package org.automlzero.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.automlzero.core.io.AtomicFiles;

/**
 * Table S5 from the runs' figures: the per method and island count arithmetic (mean, standard
 * error, fractions beating each baseline) and its files, markdown, Parquet (the table and every
 * run) and a self-contained HTML plot.
 */
final class TableS5Table {
  /** A finished run's figures, with the baselines' accuracies under the same seeds. */
  record Row(String method, int islands, int run, long seed, double accuracy, double linear, double neuralNet,
      long trainSteps, long individuals, double seconds) {}

  /** One line of the table. */
  record Line(String method, int islands, int runs, double mean, double standardError, double beatLinear,
      double beatNeuralNet, double linear, double neuralNet, double meanTrainSteps, double meanIndividuals) {}

  private TableS5Table() {}

  /** Writes table-s5.md, table-s5.parquet, table-s5-runs.parquet and table-s5.html into the output directory. */
  static String writeAll(ReproduceCommand.Options o, List<Line> table, List<Row> rows) {
    String markdown = markdown(table, o);
    AtomicFiles.writeString(o.out().resolve("table-s5.md"), markdown, "table");
    writeParquet(o.out().resolve("table-s5.parquet"), table);
    writeRunsParquet(o.out().resolve("table-s5-runs.parquet"), rows);
    AtomicFiles.writeString(o.out().resolve("table-s5.html"), html(table, rows), "plot");
    return markdown;
  }

  /** The table: per method and island count, mean +- standard error and the fractions beating each baseline. */
  static List<Line> table(List<Row> rows) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row r : rows) {
      groups.computeIfAbsent(r.method() + "\u0000" + r.islands(), k -> new ArrayList<>()).add(r);
    }
    List<Line> lines = new ArrayList<>();
    for (List<Row> g : groups.values()) {
      int n = g.size();
      double sum = 0;
      double linear = 0;
      double neural = 0;
      double steps = 0;
      double individuals = 0;
      int beatLinear = 0;
      int beatNeural = 0;
      for (Row r : g) {
        sum += r.accuracy();
        linear += r.linear();
        neural += r.neuralNet();
        steps += r.trainSteps();
        individuals += r.individuals();
        beatLinear += r.accuracy() > r.linear() ? 1 : 0;
        beatNeural += r.accuracy() > r.neuralNet() ? 1 : 0;
      }
      double mean = sum / n;
      double squares = 0;
      for (Row r : g) {
        squares += (r.accuracy() - mean) * (r.accuracy() - mean);
      }
      double se = n > 1 ? Math.sqrt(squares / (n - 1)) / Math.sqrt(n) : Double.NaN;
      lines.add(new Line(g.get(0).method(), g.get(0).islands(), n, mean, se, (double) beatLinear / n,
          (double) beatNeural / n, linear / n, neural / n, steps / n, individuals / n));
    }
    lines.sort(java.util.Comparator.comparingInt((Line l) -> TableS5Plan.METHODS.indexOf(l.method())).thenComparingInt(Line::islands));
    return lines;
  }

  static String markdown(List<Line> table, ReproduceCommand.Options o) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Table S5 on %s: best accuracy on %d selection tasks, mean +- standard error "
        + "over runs; %,d train steps per island.%n%n", String.join(" + ", o.datasets()), o.selectTasks(),
        o.trainSteps()));
    sb.append("| method | islands | runs | best accuracy | > LINEAR | > NEURAL_NET | LINEAR | NEURAL_NET "
        + "| train steps per run | individuals per run |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (Line l : table) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.4f +- %s | %.2f | %.2f | %.4f | %.4f | %,.0f | %,.0f |%n",
          l.method(), l.islands(), l.runs(), l.mean(), Double.isNaN(l.standardError()) ? "n/a"
              : String.format(Locale.ROOT, "%.4f", l.standardError()), l.beatLinear(), l.beatNeuralNet(),
          l.linear(), l.neuralNet(), l.meanTrainSteps(), l.meanIndividuals()));
    }
    return sb.toString();
  }

  static final MessageType TABLE_SCHEMA = MessageTypeParser.parseMessageType("""
      message table_s5 {
        required binary method (STRING);
        required int32 islands;
        required int32 runs;
        required double mean_accuracy;
        required double standard_error;
        required double fraction_beating_linear;
        required double fraction_beating_neural_net;
        required double linear_accuracy;
        required double neural_net_accuracy;
        required double mean_train_steps;
        required double mean_individuals;
      }""");

  static final MessageType RUNS_SCHEMA = MessageTypeParser.parseMessageType("""
      message table_s5_run {
        required binary method (STRING);
        required int32 islands;
        required int32 run;
        required int64 seed;
        required double accuracy;
        required double linear_accuracy;
        required double neural_net_accuracy;
        required int64 train_steps;
        required int64 individuals;
        required double elapsed_seconds;
      }""");

  static void writeParquet(Path file, List<Line> table) {
    write(file, TABLE_SCHEMA, groups -> {
      List<Group> out = new ArrayList<>();
      for (Line l : table) {
        out.add(groups.newGroup().append("method", l.method()).append("islands", l.islands()).append("runs", l.runs())
            .append("mean_accuracy", l.mean()).append("standard_error", l.standardError())
            .append("fraction_beating_linear", l.beatLinear()).append("fraction_beating_neural_net", l.beatNeuralNet())
            .append("linear_accuracy", l.linear()).append("neural_net_accuracy", l.neuralNet())
            .append("mean_train_steps", l.meanTrainSteps()).append("mean_individuals", l.meanIndividuals()));
      }
      return out;
    });
  }

  static void writeRunsParquet(Path file, List<Row> rows) {
    write(file, RUNS_SCHEMA, groups -> {
      List<Group> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(groups.newGroup().append("method", r.method()).append("islands", r.islands()).append("run", r.run())
            .append("seed", r.seed()).append("accuracy", r.accuracy()).append("linear_accuracy", r.linear())
            .append("neural_net_accuracy", r.neuralNet()).append("train_steps", r.trainSteps())
            .append("individuals", r.individuals()).append("elapsed_seconds", r.seconds()));
      }
      return out;
    });
  }

  private static void write(Path file, MessageType schema,
      java.util.function.Function<SimpleGroupFactory, List<Group>> rows) {
    Path temp = AtomicFiles.temporary(file);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(temp);
      try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(temp)).withType(schema)
          .withConf(new Configuration(false)).withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
        for (Group g : rows.apply(new SimpleGroupFactory(schema))) {
          writer.write(g);
        }
      }
      AtomicFiles.moveIntoPlace(temp, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      AtomicFiles.deleteQuietly(temp);
    }
  }

  /** A self-contained page: mean accuracy per island count for both methods, every run, the baselines. */
  static String html(List<Line> table, List<Row> rows) {
    StringBuilder series = new StringBuilder("[");
    List<Integer> counts = table.stream().map(Line::islands).distinct().sorted().toList();
    double linear = table.stream().mapToDouble(Line::linear).average().orElse(Double.NaN);
    double neural = table.stream().mapToDouble(Line::neuralNet).average().orElse(Double.NaN);
    for (String method : TableS5Plan.METHODS) {
      StringBuilder means = new StringBuilder("[");
      StringBuilder points = new StringBuilder("[");
      for (Line l : table) {
        if (l.method().equals(method)) {
          means.append(String.format(Locale.ROOT, "['%d', %.6f],", l.islands(), l.mean()));
        }
      }
      for (Row r : rows) {
        if (r.method().equals(method)) {
          points.append(String.format(Locale.ROOT, "['%d', %.6f],", r.islands(), r.accuracy()));
        }
      }
      series.append("{name:'").append(method).append(" (mean)',type:'line',symbolSize:10,data:").append(means)
          .append("]},{name:'").append(method).append(" (runs)',type:'scatter',symbolSize:5,data:").append(points)
          .append("]},");
    }
    series.append(String.format(Locale.ROOT, "{name:'baselines',type:'line',data:[],markLine:{symbol:'none',data:["
        + "{yAxis:%.6f,name:'LINEAR'},{yAxis:%.6f,name:'NEURAL_NET'}],label:{formatter:'{b} {c}'}}}]", linear, neural));
    String cats = counts.stream().map(c -> "'" + c + "'").reduce((x, y) -> x + "," + y).orElse("");
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Table S5 reproduction</title>\n<script>"
        + echarts() + "</script></head>\n<body style=\"font-family:sans-serif\"><h1>Table S5: best accuracy on the "
        + "selection tasks</h1>\n<div id=\"chart\" style=\"width:900px;height:520px\"></div>\n<script>\n"
        + "echarts.init(document.getElementById('chart')).setOption({tooltip:{trigger:'item'},legend:{},"
        + "xAxis:{type:'category',name:'islands',data:[" + cats + "]},yAxis:{type:'value',name:'accuracy',scale:true},"
        + "series:" + series + "});\n</script></body></html>\n";
  }

  private static String echarts() {
    String name = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    try (InputStream in = TableS5Table.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path (dependency org.webjars.npm:echarts:5.3.1)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from the class path", e);
    }
  }}
