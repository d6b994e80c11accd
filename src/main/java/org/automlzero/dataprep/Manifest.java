package org.automlzero.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.automlzero.core.task.ClassPair;
import org.automlzero.store.ParquetTaskStore;

/**
 * The {@code _manifest.json} of a prepared data set (see data-prep/FORMAT.md). Two manifests
 * describe the same data set when they agree on everything but the provenance fields
 * ({@link #PROVENANCE}): where the raw files were read from, when, by which version, how long
 * it took.
 */
public final class Manifest {
  /** The manifest's file name, as the reader ({@link ParquetTaskStore}) looks for it. */
  public static final String FILE_NAME = ParquetTaskStore.MANIFEST;
  public static final int FORMAT_VERSION = 1;
  /**
   * Fields ignored when comparing: how a data set was made (not what it holds), and the list of
   * data files, whose names hold a random id.
   */
  public static final List<String> PROVENANCE = List.of("source_location", "written_at", "project_version",
      "elapsed_seconds", "files");
  static final String PROJECTION = "gaussian: raw pixels (0..255, unscaled, flattened in file order) times a "
      + "pixels x F matrix of N(0,1) entries drawn row-major from Rng.derive(seed, \"dataprep-projection\"), "
      + "the same for every pair of a seed; then each feature standardised with the train split's mean and "
      + "population standard deviation (1 when it is 0)";
  static final String SELECTION = "N/2 training images per class drawn without replacement (partial Fisher-Yates, "
      + "Rng.derive(seed, \"dataprep-examples\", class)); per class the first test/2 go to test, the next valid/2 to "
      + "valid, the next train/2 to train; each split's examples shuffled by Rng.derive(seed, \"dataprep-order\", "
      + "positive, negative, split ordinal train=0 valid=1 test=2)";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode node;

  private Manifest(ObjectNode node) {
    this.node = node;
  }

  /** The manifest of a preparation (written_at and elapsed time filled in by {@link #completed}). */
  public static Manifest of(ImageDataset dataset, RawImages raw, String sourceLocation, Recipe recipe,
      List<ClassPair> pairs, List<Integer> seeds) {
    ObjectNode n = JSON.createObjectNode();
    n.put("format_version", FORMAT_VERSION);
    n.put("dataset", dataset.id());
    ObjectNode source = n.putObject("source_files");
    for (RawFile f : raw.files()) {
      ObjectNode file = source.putObject(f.name());
      file.put("bytes", f.bytes());
      file.put("sha256", f.sha256());
    }
    n.put("source_location", sourceLocation);
    n.put("source_images", raw.count());
    n.put("pixels", raw.pixelsPerImage());
    n.put("features", recipe.features());
    ObjectNode counts = n.putObject("counts");
    counts.put("train", recipe.train());
    counts.put("valid", recipe.valid());
    counts.put("test", recipe.test());
    ArrayNode pairArray = n.putArray("pairs");
    for (ClassPair p : pairs) {
      pairArray.addArray().add(p.positive()).add(p.negative());
    }
    n.put("seed_range", Selection.formatSeeds(seeds));
    ArrayNode seedArray = n.putArray("seeds");
    seeds.forEach(seedArray::add);
    n.put("tasks", (long) pairs.size() * seeds.size());
    n.put("rows", (long) pairs.size() * seeds.size() * (recipe.train() + recipe.valid() + recipe.test()));
    n.put("selection", SELECTION);
    n.put("projection", PROJECTION);
    n.put("layout", "Hive-style partitions dataset=/positive_class=/negative_class=; one Parquet file per "
        + "(pair, seed); rows sorted by (seed, split, example), split as a string (test < train < valid)");
    return new Manifest(n);
  }

  /** A copy with the provenance of a finished write. */
  public Manifest completed(Instant writtenAt, double elapsedSeconds) {
    ObjectNode n = node.deepCopy();
    n.put("written_at", writtenAt.toString());
    n.put("project_version", projectVersion());
    n.put("elapsed_seconds", Math.round(elapsedSeconds * 10) / 10.0);
    return new Manifest(n);
  }

  /**
   * A copy listing the data files written: relative path to {@code [bytes, crc32c]}. Not
   * compared ({@link #PROVENANCE}): file names hold a random id and differ between writes.
   */
  public Manifest withFiles(java.util.SortedMap<String, long[]> files) {
    ObjectNode n = node.deepCopy();
    ObjectNode list = n.putObject("files");
    for (java.util.Map.Entry<String, long[]> e : files.entrySet()) {
      ObjectNode f = list.putObject(e.getKey());
      f.put("bytes", e.getValue()[0]);
      f.put("crc32c", String.format("%08x", e.getValue()[1]));
    }
    return new Manifest(n);
  }

  public static Manifest parse(InputStream in, String where) {
    try {
      JsonNode n = JSON.readTree(in);
      if (n == null || !n.isObject()) {
        throw new DataPrepException(where + " is not a JSON object");
      }
      return new Manifest((ObjectNode) n);
    } catch (IOException e) {
      throw new DataPrepException(where + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  public byte[] toBytes() {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a manifest always serialises", e);
    }
  }

  public JsonNode json() {
    return node.deepCopy();
  }

  /** The first field in which two manifests describe different data sets, or null when they agree. */
  public String differenceFrom(Manifest other) {
    ObjectNode a = identity();
    ObjectNode b = other.identity();
    for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      // Text, not node equality: a parsed 12 is an IntNode where a written one may be a LongNode.
      if (!b.has(key) || !a.get(key).toString().equals(b.get(key).toString())) {
        return key + " (" + brief(b.get(key)) + " there, " + brief(a.get(key)) + " requested)";
      }
    }
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!a.has(key)) {
        return key + " (present there, not in this version's manifest)";
      }
    }
    return null;
  }

  private ObjectNode identity() {
    ObjectNode n = node.deepCopy();
    n.remove(PROVENANCE);
    return n;
  }

  private static String brief(JsonNode n) {
    if (n == null) {
      return "absent";
    }
    String s = n.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  /** The project version from the packaged jar's Maven metadata, or "development" when run from classes. */
  static String projectVersion() {
    try (InputStream in = Manifest.class.getResourceAsStream(
        "/META-INF/maven/org.automlzero/automl-zero-spark/pom.properties")) {
      if (in == null) {
        return "development";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "development");
    } catch (IOException e) {
      return "development";
    }
  }
}
