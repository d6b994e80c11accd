package org.automlzero.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.automlzero.core.task.ClassPair;
import org.automlzero.dataprep.DataPrepException;
import org.automlzero.dataprep.Downloader;
import org.automlzero.dataprep.ImageDataset;
import org.automlzero.dataprep.PrepareJob;
import org.automlzero.dataprep.RawImages;
import org.automlzero.dataprep.Recipe;
import org.automlzero.dataprep.Selection;
import org.automlzero.dataprep.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prepare}: raw CIFAR-10 / MNIST / Fashion-MNIST into projected binary Parquet tasks (data-prep/FORMAT.md). */
@Command(name = "prepare", synopsisHeading = "",
    customSynopsis = "usage: submit.sh prepare --dataset cifar10|mnist|fashion_mnist --out DIR [options]",
    description = "Prepares projected binary Parquet tasks from an image data set (docs/data.md).",
    footer = {"exit codes: 0 done, 2 bad input (options, corrupt or wrong source files), 1 failed while running"})
final class PrepareCommand implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  private final Map<String, String> options = new LinkedHashMap<>();
  private final Map<String, String> md5 = new LinkedHashMap<>();
  private final PrintStream log;

  PrepareCommand() {
    this(System.err);
  }

  PrepareCommand(PrintStream log) {
    this.log = log;
  }

  @Option(names = "--dataset", paramLabel = "NAME", description = "cifar10, mnist or fashion_mnist")
  void dataset(String v) {
    options.put("--dataset", v);
  }

  @Option(names = "--source", paramLabel = "PATH|URL", description = {"a local directory or file (CIFAR-10: "
      + "cifar-10-binary.tar.gz or the extracted data_batch_N.bin;", "MNIST: train-{images,labels}-idx?-ubyte[.gz]), "
      + "or an http(s) URL to download from (default: the official locations)"})
  void source(String v) {
    options.put("--source", v);
  }

  @Option(names = "--out", paramLabel = "DIR", description = "the data set directory to write (atomically; see "
      + "data-prep/FORMAT.md)")
  void out(String v) {
    options.put("--out", v);
  }

  @Option(names = "--pairs", paramLabel = "LIST", description = "all (default, 45 pairs), heldout (9), search (36), "
      + "or e.g. (4,6),(3,5)")
  void pairs(String v) {
    options.put("--pairs", v);
  }

  @Option(names = "--seeds", paramLabel = "LIST", description = "data seeds, e.g. 0-99 (default) or 0-9,20")
  void seeds(String v) {
    options.put("--seeds", v);
  }

  @Option(names = "--features", paramLabel = "F", description = "projected features per example (default 16)")
  void features(String v) {
    options.put("--features", v);
  }

  @Option(names = "--train", paramLabel = "N", description = "training examples per task (default 8000; even)")
  void train(String v) {
    options.put("--train", v);
  }

  @Option(names = "--valid", paramLabel = "N", description = "validation examples per task (default 1000; even)")
  void valid(String v) {
    options.put("--valid", v);
  }

  @Option(names = "--test", paramLabel = "N", description = "test examples per task (default 1000; even)")
  void test(String v) {
    options.put("--test", v);
  }

  @Option(names = "--cache", paramLabel = "DIR", description = "where downloads are kept (default "
      + "~/.cache/automl-zero/DATASET)")
  void cache(String v) {
    options.put("--cache", v);
  }

  @Option(names = "--md5", paramLabel = "NAME=HEX", description = "expected MD5 of a downloaded file (repeatable; "
      + "default: the published ones)")
  void md5(String v) {
    for (String item : v.split(",")) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new UserError("prepare: --md5 '" + item + "' is invalid: use NAME=HEX", 2);
      }
      md5.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
    }
  }

  @Option(names = "--overwrite", description = "replace whatever --out holds (default: keep an identical data set, "
      + "refuse anything else)")
  boolean overwrite;

  @Override
  public Integer call() {
    if (!options.containsKey("--dataset") || !options.containsKey("--out")) {
      throw new UserError("prepare: --dataset and --out are required\n" + Main.usage("prepare"), 2);
    }
    try {
      ImageDataset dataset = ImageDataset.parse(options.get("--dataset"));
      List<ClassPair> pairs = Selection.parsePairs(options.getOrDefault("--pairs", "all"));
      List<Integer> seeds = Selection.parseSeeds(options.getOrDefault("--seeds", "0-99"));
      Recipe recipe = new Recipe(intOption(options, "--features", 16), intOption(options, "--train", 8000),
          intOption(options, "--valid", 1000), intOption(options, "--test", 1000));
      Path cache = options.containsKey("--cache") ? Path.of(options.get("--cache")) : Sources.defaultCache(dataset);
      if (pairs.isEmpty() || seeds.isEmpty()) {
        throw new DataPrepException("--pairs and --seeds must each select at least one value");
      }

      Downloader downloader = new Downloader(cache, log, 4, 2000, 2000);
      Sources.Resolved resolved = Sources.resolve(dataset, options.get("--source"), cache, md5, downloader, log);
      long t0 = System.nanoTime();
      RawImages raw = dataset.read(resolved.path());
      log.printf(java.util.Locale.ROOT, "prepare: read %d %s training images from %s in %.1f s%n", raw.count(),
          dataset.id(), resolved.path(), (System.nanoTime() - t0) / 1e9);
      PrepareJob.Request request = new PrepareJob.Request(dataset, resolved.location(), options.get("--out"), pairs,
          seeds, recipe, overwrite);

      boolean ownSession = SparkSession.getDefaultSession().isEmpty() && SparkSession.getActiveSession().isEmpty();
      SparkSession.Builder builder = SparkSession.builder().appName("automl-zero prepare");
      if (ownSession && !new SparkConf().contains("spark.master")) {
        builder.master("local[*]");
      }
      SparkSession spark = builder.getOrCreate();
      try {
        new PrepareJob(spark, log, 5000).run(raw, request);
      } finally {
        if (ownSession) {
          spark.stop();
        }
      }
      return 0;
    } catch (DataPrepException e) {
      throw new UserError("prepare: " + e.getMessage(), e.exitCode(), e);
    }
  }

  private static int intOption(Map<String, String> options, String key, int dflt) {
    String v = options.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new UserError("prepare: " + key + " '" + v + "' is not an integer", 2);
    }
  }
}
