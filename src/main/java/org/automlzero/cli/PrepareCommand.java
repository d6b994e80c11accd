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

  private final Map<String, String> md5 = new LinkedHashMap<>();
  private final PrintStream log;

  PrepareCommand() {
    this(System.err);
  }

  PrepareCommand(PrintStream log) {
    this.log = log;
  }

  @Option(names = "--dataset", paramLabel = "NAME", description = "cifar10, mnist or fashion_mnist")
  String datasetOption;

  @Option(names = "--source", paramLabel = "PATH|URL", description = {"a local directory or file (CIFAR-10: "
      + "cifar-10-binary.tar.gz or the extracted data_batch_N.bin;", "MNIST: train-{images,labels}-idx?-ubyte[.gz]), "
      + "or an http(s) URL to download from (default: the official locations)"})
  String sourceOption;

  @Option(names = "--out", paramLabel = "DIR", description = "the data set directory to write (atomically; see "
      + "data-prep/FORMAT.md)")
  String outOption;

  @Option(names = "--pairs", paramLabel = "LIST", description = "all (default, 45 pairs), heldout (9), search (36), "
      + "or e.g. (4,6),(3,5)")
  String pairsOption;

  @Option(names = "--seeds", paramLabel = "LIST", description = "data seeds, e.g. 0-99 (default) or 0-9,20")
  String seedsOption;

  @Option(names = "--features", paramLabel = "F", description = "projected features per example (default 16)")
  String featuresOption;

  @Option(names = "--train", paramLabel = "N", description = "training examples per task (default 8000; even)")
  String trainOption;

  @Option(names = "--valid", paramLabel = "N", description = "validation examples per task (default 1000; even)")
  String validOption;

  @Option(names = "--test", paramLabel = "N", description = "test examples per task (default 1000; even)")
  String testOption;

  @Option(names = "--cache", paramLabel = "DIR", description = "where downloads are kept (default "
      + "~/.cache/automl-zero/DATASET)")
  String cacheOption;

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
    if (datasetOption == null || outOption == null) {
      throw new UserError("prepare: --dataset and --out are required\n" + Main.usage("prepare"), 2);
    }
    try {
      ImageDataset dataset = ImageDataset.parse(datasetOption);
      List<ClassPair> pairs = Selection.parsePairs(pairsOption == null ? "all" : pairsOption);
      List<Integer> seeds = Selection.parseSeeds(seedsOption == null ? "0-99" : seedsOption);
      Recipe recipe = new Recipe(intOption("--features", featuresOption, 16), intOption("--train", trainOption, 8000),
          intOption("--valid", validOption, 1000), intOption("--test", testOption, 1000));
      Path cache = cacheOption != null ? Path.of(cacheOption) : Sources.defaultCache(dataset);
      if (pairs.isEmpty() || seeds.isEmpty()) {
        throw new DataPrepException("--pairs and --seeds must each select at least one value");
      }

      Downloader downloader = new Downloader(cache, log, 4, 2000, 2000);
      Sources.Resolved resolved = Sources.resolve(dataset, sourceOption, cache, md5, downloader, log);
      long t0 = System.nanoTime();
      RawImages raw = dataset.read(resolved.path());
      log.printf(java.util.Locale.ROOT, "prepare: read %d %s training images from %s in %.1f s%n", raw.count(),
          dataset.id(), resolved.path(), (System.nanoTime() - t0) / 1e9);
      PrepareJob.Request request = new PrepareJob.Request(dataset, resolved.location(), outOption, pairs,
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

  /** An integer option's value ({@code v}, null when not given: {@code dflt}). */
  private static int intOption(String key, String v, int dflt) {
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
