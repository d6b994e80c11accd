package org.automlzero.dataprep;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code --source} into local raw files: a local file or directory is used as is; an
 * http(s) URL (or, without {@code --source}, the data set's official locations in order) is
 * downloaded into the cache with checksum verification.
 */
public final class Sources {
  private Sources() {}

  /** The local path to read and the location to record in the manifest. */
  public record Resolved(Path path, String location) {}

  public static boolean isUrl(String source) {
    return source.startsWith("http://") || source.startsWith("https://");
  }

  /**
   * @param source a path, a URL, or null for the official locations
   * @param md5 expected MD5 per file name, overriding the published ones (for mirrors and tests)
   */
  public static Resolved resolve(ImageDataset dataset, String source, Path cache, Map<String, String> md5,
      Downloader downloader, PrintStream log) {
    if (source != null && !isUrl(source)) {
      if (source.contains("://")) {
        throw new DataPrepException("--source " + source + " is invalid: only local paths and http(s) URLs are "
            + "supported");
      }
      Path p = Path.of(source);
      if (!Files.exists(p)) {
        throw new DataPrepException("--source " + source + " does not exist");
      }
      return new Resolved(p, p.toAbsolutePath().normalize().toString());
    }
    if (source != null) {
      try {
        URI.create(source).toURL();
      } catch (IllegalArgumentException | java.net.MalformedURLException e) {
        throw new DataPrepException("--source " + source + " is not a valid URL: " + e.getMessage());
      }
    }
    List<String> locations = source != null ? List.of(source) : dataset.defaultLocations();
    List<String> failures = new ArrayList<>();
    for (String location : locations) {
      try {
        Path local = null;
        for (String[] file : files(dataset, location)) {
          String name = file[1];
          String expected = md5.containsKey(name) ? md5.get(name) : dataset.publishedMd5(name);
          local = downloader.fetch(file[0], name, expected);
        }
        // A CIFAR-10 archive under another name is read as that file; IDX files from the cache folder.
        Path path = dataset == ImageDataset.CIFAR10 ? local : cache;
        return new Resolved(path, location);
      } catch (DataPrepException e) {
        if (locations.size() == 1 || e.getMessage().startsWith("checksum mismatch")) {
          throw e;
        }
        failures.add(e.getMessage());
        log.println("download: " + e.getMessage() + (location.equals(locations.get(locations.size() - 1)) ? ""
            : "; trying the next location"));
      }
    }
    throw new DataPrepException("no location could provide " + dataset.id() + ": " + String.join("; ", failures));
  }

  /** (URL, cache file name) of every file to fetch from a location. */
  static List<String[]> files(ImageDataset dataset, String location) {
    String path = URI.create(location).getPath();
    String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    if (dataset == ImageDataset.CIFAR10 && (last.endsWith(".tar.gz") || last.endsWith(".tgz"))) {
      return List.<String[]>of(new String[] {location, last});
    }
    String base = location.endsWith("/") ? location : location + "/";
    List<String[]> out = new ArrayList<>();
    for (String name : dataset.downloadFiles()) {
      out.add(new String[] {base + name, name});
    }
    return out;
  }

  /** The default cache: $XDG_CACHE_HOME/automl-zero/DATASET, else ~/.cache/automl-zero/DATASET. */
  public static Path defaultCache(ImageDataset dataset) {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("automl-zero").resolve(dataset.id());
  }
}
