package org.automlzero.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** {@code prepare}: raw CIFAR-10 / MNIST / Fashion-MNIST into projected binary Parquet tasks (data-prep/FORMAT.md). */
final class PrepareCommand {
  private PrepareCommand() {}

  static String usage() {
    return """
        usage: submit.sh prepare --dataset cifar10|mnist|fashion_mnist --out DIR [options]
          --dataset NAME     cifar10, mnist or fashion_mnist
          --source PATH|URL  a local directory or file (CIFAR-10: cifar-10-binary.tar.gz or the
                             extracted data_batch_N.bin; MNIST: train-{images,labels}-idx?-ubyte[.gz]),
                             or an http(s) URL to download from (default: the official locations)
          --out DIR          the data set directory to write (atomically; see data-prep/FORMAT.md)
          --pairs LIST       all (default, 45 pairs), heldout (9), search (36), or e.g. (4,6),(3,5)
          --seeds LIST       data seeds, e.g. 0-99 (default) or 0-9,20
          --features F       projected features per example (default 16)
          --train N --valid N --test N   examples per task and split (default 8000 1000 1000; even)
          --cache DIR        where downloads are kept (default ~/.cache/automl-zero/DATASET)
          --md5 NAME=HEX     expected MD5 of a downloaded file (repeatable; default: the published ones)
          --overwrite        replace whatever --out holds (default: keep an identical data set,
                             refuse anything else)""";
  }

  static int run(String[] args) {
    return run(args, System.err);
  }

  static int run(String[] args, PrintStream log) {
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> md5 = new LinkedHashMap<>();
    boolean overwrite = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          System.out.println(usage());
          return 0;
        }
        case "--overwrite" -> overwrite = true;
        case "--dataset", "--source", "--out", "--pairs", "--seeds", "--features", "--train", "--valid", "--test",
            "--cache", "--md5" -> {
          if (i + 1 >= args.length) {
            throw new UserError("prepare: option " + a + " needs a value\n" + usage(), 2);
          }
          String v = args[++i];
          if (a.equals("--md5")) {
            for (String item : v.split(",")) {
              int eq = item.indexOf('=');
              if (eq <= 0) {
                throw new UserError("prepare: --md5 '" + item + "' is invalid: use NAME=HEX", 2);
              }
              md5.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
            }
          } else {
            options.put(a, v);
          }
        }
        default -> throw new UserError("prepare: unknown option '" + a + "'\n" + usage(), 2);
      }
    }
    if (!options.containsKey("--dataset") || !options.containsKey("--out")) {
      throw new UserError("prepare: --dataset and --out are required\n" + usage(), 2);
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
