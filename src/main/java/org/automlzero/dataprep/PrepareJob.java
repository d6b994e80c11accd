package org.automlzero.dataprep;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.automlzero.core.task.ClassPair;

/**
 * The preparation as a Spark job: the raw images (read once on the driver) are broadcast, every
 * (pair, seed) is one Spark task writing one Parquet file, and the data set appears at its
 * final path only when complete (written to a hidden temporary sibling, manifest last, then
 * renamed). An existing data set with the same manifest is kept (nothing to do); anything
 * else at the path is replaced only with {@code overwrite}.
 */
public final class PrepareJob {
  /** What a run did. */
  public enum Outcome {
    WRITTEN,
    ALREADY_PRESENT
  }

  /** Everything a run needs besides the raw images. */
  public record Request(ImageDataset dataset, String sourceLocation, String out, List<ClassPair> pairs,
      List<Integer> seeds, Recipe recipe, boolean overwrite) {
    public Request {
      // Sorted and distinct: the manifest and the work order do not depend on how they were listed.
      pairs = pairs.stream().distinct().sorted(Selection::compare).toList();
      seeds = seeds.stream().distinct().sorted().toList();
      if (pairs.isEmpty()) {
        throw new DataPrepException("--pairs selects no class pair");
      }
      if (seeds.isEmpty()) {
        throw new DataPrepException("--seeds selects no seed");
      }
    }
  }

  private final SparkSession spark;
  private final PrintStream log;
  private final long progressIntervalMillis;

  public PrepareJob(SparkSession spark, PrintStream log, long progressIntervalMillis) {
    this.spark = spark;
    this.log = log;
    this.progressIntervalMillis = progressIntervalMillis;
  }

  public Outcome run(RawImages raw, Request request) {
    if (raw.pixelsPerImage() != request.dataset().pixels()) {
      throw new DataPrepException("the raw " + raw.dataset() + " images have " + raw.pixelsPerImage()
          + " pixels, but " + request.dataset().id() + " images have " + request.dataset().pixels());
    }
    for (ClassPair pair : request.pairs()) {
      TaskMaker.checkEnoughImages(raw, pair, request.recipe());
    }
    Manifest manifest = Manifest.of(request.dataset(), raw, request.sourceLocation(), request.recipe(),
        request.pairs(), request.seeds());
    try {
      FileSystem fs = new Path(request.out()).getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path out = fs.makeQualified(new Path(request.out()));
      if (!checkExisting(fs, out, manifest, request.overwrite())) {
        log.println("prepare: " + out + " already holds this data set (same _manifest.json); nothing to do");
        return Outcome.ALREADY_PRESENT;
      }
      Path parent = out.getParent();
      if (parent == null) {
        throw new DataPrepException("--out " + request.out() + " is invalid: the output cannot be a root directory");
      }
      fs.mkdirs(parent);
      warnAboutStaleTemporaries(fs, out);
      // Unique per process and time; the name never affects what is written.
      Path tmp = new Path(parent, "." + out.getName() + ".tmp-" + ProcessHandle.current().pid() + "-"
          + System.currentTimeMillis());
      try {
        long start = System.nanoTime();
        write(raw, request, tmp);
        Manifest done = manifest.completed(Instant.now(), (System.nanoTime() - start) / 1e9)
            .withFiles(dataFiles(fs, tmp));
        try (OutputStream o = fs.create(new Path(tmp, Manifest.FILE_NAME), false)) {
          o.write(done.toBytes());
        }
        replace(fs, tmp, out);
        log.printf(Locale.ROOT, "prepare: wrote %d tasks (%d pairs x %d seeds, %d rows) to %s in %.1f s%n",
            (long) request.pairs().size() * request.seeds().size(), request.pairs().size(), request.seeds().size(),
            done.json().get("rows").asLong(), out, (System.nanoTime() - start) / 1e9);
        return Outcome.WRITTEN;
      } finally {
        if (fs.exists(tmp)) {
          fs.delete(tmp, true);
        }
      }
    } catch (IOException e) {
      throw DataPrepException.failure("cannot write " + request.out() + ": " + e.getMessage(), e);
    }
  }

  /** True when the job must write; false when the same data set is already there. */
  private boolean checkExisting(FileSystem fs, Path out, Manifest manifest, boolean overwrite) throws IOException {
    if (!fs.exists(out)) {
      return true;
    }
    FileStatus status = fs.getFileStatus(out);
    if (!status.isDirectory()) {
      if (overwrite) {
        return true;
      }
      throw new DataPrepException("--out " + out + " is a file, not a data set directory; choose another path or "
          + "pass --overwrite to replace it");
    }
    if (fs.listStatus(out).length == 0) {
      return true;
    }
    Path manifestPath = new Path(out, Manifest.FILE_NAME);
    if (!fs.exists(manifestPath)) {
      if (overwrite) {
        return true;
      }
      throw new DataPrepException("--out " + out + " is a non-empty directory without " + Manifest.FILE_NAME
          + ", so it is not a prepared data set; refusing to overwrite it (choose another path, or pass --overwrite "
          + "to replace it)");
    }
    Manifest existing;
    try (InputStream in = fs.open(manifestPath)) {
      existing = Manifest.parse(in, manifestPath.toString());
    }
    String difference = manifest.differenceFrom(existing);
    if (difference == null) {
      return overwrite;
    }
    if (overwrite) {
      return true;
    }
    throw new DataPrepException("--out " + out + " holds a different prepared data set (it differs in "
        + difference + "); choose another path, or pass --overwrite to replace it");
  }

  /** Every data file under {@code dir} (relative path, in name order) with its size and CRC-32C. */
  public static java.util.SortedMap<String, long[]> dataFiles(FileSystem fs, Path dir) throws IOException {
    java.util.SortedMap<String, long[]> files = new java.util.TreeMap<>();
    String base = fs.makeQualified(dir).toUri().getPath().replaceAll("/+$", "");
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      org.apache.hadoop.fs.LocatedFileStatus st = it.next();
      String name = st.getPath().getName();
      if (!name.endsWith(".parquet") || name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      String relative = st.getPath().toUri().getPath().substring(base.length() + 1);
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      byte[] buffer = new byte[1 << 16];
      try (java.io.InputStream in = fs.open(st.getPath())) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          crc.update(buffer, 0, n);
        }
      }
      files.put(relative, new long[] {st.getLen(), crc.getValue()});
    }
    return files;
  }

  private void write(RawImages raw, Request request, Path tmp) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<TaskRows.Item> items = new ArrayList<>();
    for (ClassPair pair : request.pairs()) {
      for (int seed : request.seeds()) {
        items.add(new TaskRows.Item(pair.positive(), pair.negative(), seed));
      }
    }
    Broadcast<RawImages> broadcast = jsc.broadcast(raw);
    LongAccumulator done = spark.sparkContext().longAccumulator("prepared tasks");
    // One item per Spark partition: one task per (pair, seed), one Parquet file per task.
    JavaRDD<Row> rows = jsc.parallelize(items, items.size())
        .mapPartitions(new TaskRows(broadcast, request.recipe(), request.dataset().id(), done));
    Progress progress = new Progress(log, items.size(), done, progressIntervalMillis);
    progress.start();
    try {
      spark.createDataFrame(rows, TaskRows.SCHEMA)
          // The full sort key: the writer then needs no sort of its own, and rows stay in storage order.
          .sortWithinPartitions("dataset", "positive_class", "negative_class", "seed", "split", "example")
          .write()
          .mode(SaveMode.ErrorIfExists)
          // Page CRCs: a reader with parquet.page.verify-checksum.enabled finds a damaged page.
          .option("parquet.page.write-checksum.enabled", "true")
          .partitionBy("dataset", "positive_class", "negative_class")
          .parquet(tmp.toString());
    } finally {
      progress.stop();
      broadcast.destroy();
    }
  }

  private static void replace(FileSystem fs, Path tmp, Path out) throws IOException {
    Path old = null;
    if (fs.exists(out)) {
      old = new Path(out.getParent(), "." + out.getName() + ".old-" + System.currentTimeMillis());
      if (!fs.rename(out, old)) {
        throw new IOException("cannot move the existing " + out + " aside to " + old);
      }
    }
    if (!fs.rename(tmp, out)) {
      if (old != null) {
        fs.rename(old, out);
      }
      throw new IOException("cannot rename " + tmp + " to " + out);
    }
    if (old != null) {
      fs.delete(old, true);
    }
  }

  private void warnAboutStaleTemporaries(FileSystem fs, Path out) throws IOException {
    FileStatus[] stale = fs.globStatus(new Path(out.getParent(), "." + out.getName() + ".tmp-*"));
    if (stale != null) {
      for (FileStatus s : stale) {
        log.println("prepare: warning: " + s.getPath() + " is left over from an interrupted run; delete it when no "
            + "other prepare is running");
      }
    }
  }

  /** Prints tasks done / total, rate and ETA while the job runs. */
  private static final class Progress {
    private final PrintStream log;
    private final int total;
    private final LongAccumulator done;
    private final long intervalMillis;
    private final long start = System.nanoTime();
    private Thread thread;
    private volatile long lastReported = -1;

    Progress(PrintStream log, int total, LongAccumulator done, long intervalMillis) {
      this.log = log;
      this.total = total;
      this.done = done;
      this.intervalMillis = intervalMillis;
    }

    void start() {
      thread = new Thread(() -> {
        try {
          while (true) {
            Thread.sleep(intervalMillis);
            long d = Math.min(done.value(), total);
            if (d != lastReported) {
              report(d);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "prepare-progress");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() {
      thread.interrupt();
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long d = Math.min(done.value(), total);
      if (d != lastReported) {
        report(d);
      }
    }

    private void report(long d) {
      lastReported = d;
      double seconds = (System.nanoTime() - start) / 1e9;
      double rate = d / Math.max(seconds, 1e-9);
      String eta = d == 0 ? "?" : String.format(Locale.ROOT, "%.0f s", (total - d) / rate);
      log.printf(Locale.ROOT, "prepare: %d / %d tasks (pairs x seeds) done, %.1f tasks/s, ETA %s%n", d, total, rate,
          eta);
    }
  }
}
