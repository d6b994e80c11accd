package org.automlzero.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.automlzero.core.io.AtomicFiles;

/**
 * The run's statistics as Parquet, written with parquet-hadoop directly (no SparkSession):
 * {@code stats/part-NNNNNN.parquet}, one small file per flush (each checkpoint and the end of
 * the run), each written under a hidden temporary name and renamed, so a reader never sees a
 * torn file and appending never rewrites old rows. Spark, DuckDB or pandas read the folder as
 * one table.
 */
public final class StatsParquet {
  public static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message island_generation {
        required int32 experiment;
        required int64 generation;
        required int32 island;
        required int64 individuals;
        required double best_fitness;
        required double mean_fitness;
        required double stdev_fitness;
        required int64 fec_hits;
        required int64 fec_misses;
        required double elapsed_seconds;
        required double individuals_per_second;
      }""");
  private static final Pattern NAME = Pattern.compile("part-(\\d{6,})\\.parquet");

  private StatsParquet() {}

  /** A reader of local files without Hadoop's file system layer. */
  private static final class GroupReaderBuilder extends ParquetReader.Builder<Group> {
    GroupReaderBuilder(LocalInputFile file) {
      super(file);
    }

    @Override
    protected org.apache.parquet.hadoop.api.ReadSupport<Group> getReadSupport() {
      return new GroupReadSupport();
    }
  }

  public static Path directory(Path runDirectory) {
    return runDirectory.resolve("stats");
  }

  public static Path part(Path runDirectory, int index) {
    return directory(runDirectory).resolve(String.format("part-%06d.parquet", index));
  }

  /** Writes {@code rows} as part {@code index} (atomically). */
  public static void writePart(Path runDirectory, int index, List<StatsRow> rows) {
    Path file = part(runDirectory, index);
    Path temp = AtomicFiles.temporary(file);
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(temp);
      SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
      try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(temp))
          .withType(SCHEMA)
          .withConf(new Configuration(false))
          .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .build()) {
        for (StatsRow r : rows) {
          writer.write(groups.newGroup()
              .append("experiment", r.experiment())
              .append("generation", r.generation())
              .append("island", r.island())
              .append("individuals", r.individuals())
              .append("best_fitness", r.bestFitness())
              .append("mean_fitness", r.meanFitness())
              .append("stdev_fitness", r.stdevFitness())
              .append("fec_hits", r.fecHits())
              .append("fec_misses", r.fecMisses())
              .append("elapsed_seconds", r.elapsedSeconds())
              .append("individuals_per_second", r.individualsPerSecond()));
        }
      }
      AtomicFiles.moveIntoPlace(temp, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write statistics " + file + ": " + e.getMessage(), e);
    } finally {
      AtomicFiles.deleteQuietly(temp);
    }
  }

  /** Indices of the part files present, ascending. */
  public static List<Integer> parts(Path runDirectory) {
    List<Integer> out = new ArrayList<>();
    for (long index : AtomicFiles.numberedFiles(directory(runDirectory), NAME)) {
      out.add(Math.toIntExact(index));
    }
    return out;
  }

  /** Every row of every part, sorted by (experiment, generation, island). */
  public static List<StatsRow> readAll(Path runDirectory) {
    List<StatsRow> rows = new ArrayList<>();
    for (int index : parts(runDirectory)) {
      Path file = part(runDirectory, index);
      try (ParquetReader<Group> reader = new GroupReaderBuilder(new LocalInputFile(file))
          .withConf(new Configuration(false)).build()) {
        for (Group g = reader.read(); g != null; g = reader.read()) {
          rows.add(new StatsRow(g.getInteger("experiment", 0), g.getLong("generation", 0), g.getInteger("island", 0),
              g.getLong("individuals", 0), g.getDouble("best_fitness", 0), g.getDouble("mean_fitness", 0),
              g.getDouble("stdev_fitness", 0), g.getLong("fec_hits", 0), g.getLong("fec_misses", 0),
              g.getDouble("elapsed_seconds", 0), g.getDouble("individuals_per_second", 0)));
        }
      } catch (IOException | RuntimeException e) {
        throw new RunDirectoryException("statistics file " + file + " is not readable Parquet of the expected "
            + "schema: " + e.getMessage(), e);
      }
    }
    rows.sort(Comparator.comparingInt(StatsRow::experiment).thenComparingLong(StatsRow::generation)
        .thenComparingInt(StatsRow::island));
    return rows;
  }
}
