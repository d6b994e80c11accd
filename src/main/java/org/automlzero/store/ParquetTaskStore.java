package org.automlzero.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.automlzero.core.io.InputException;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.ProjectedBinaryExamples;
import org.automlzero.core.task.ProjectedBinarySource;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;

/**
 * The reader side of the Parquet task data set (data-prep/FORMAT.md): Hive-style partitions
 * {@code dataset=D/positive_class=P/negative_class=N/*.parquet}, rows sorted by (seed, split,
 * example). A task (pair + data seed) is read from its partition directory only, with the seed
 * pushed down as a Parquet filter, so row groups of other seeds are skipped. Works on any
 * Hadoop file system (local, HDFS, S3A) so executors can read it themselves.
 */
public final class ParquetTaskStore implements ProjectedBinarySource {
  /** The manifest file at the root of a data set. */
  public static final String MANIFEST = "_manifest.json";

  private final String root;
  private final Configuration conf;
  /** Data files whose size and checksum were verified by {@link #check} (relative paths). */
  private final java.util.Set<String> verified = new java.util.HashSet<>();
  private boolean notedUnlisted;

  private ParquetTaskStore(String root, Configuration conf) {
    this.root = root;
    this.conf = conf;
  }

  /** A store over the data set at {@code root} (a local path or any Hadoop file system URI). */
  public static ParquetTaskStore open(String root) {
    Configuration conf = new Configuration();
    // Parquet page CRCs (written by prepare): a damaged page fails its read instead of giving wrong numbers.
    conf.setBoolean("parquet.page.verify-checksum.enabled", true);
    return new ParquetTaskStore(root, conf);
  }

  /** The directory holding one class pair's rows. */
  Path pairDirectory(String dataset, ClassPair pair) {
    return new Path(new Path(new Path(root, "dataset=" + dataset), "positive_class=" + pair.positive()),
        "negative_class=" + pair.negative());
  }

  /** Reads {@code _manifest.json}; a missing or unreadable manifest names the file. */
  public TaskManifest manifest() {
    Path path = new Path(root, MANIFEST);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(new Path(root))) {
        throw new InputException("data set " + root + " does not exist (prepare it with"
            + " ./submit.sh prepare, see data-prep/README.md)");
      }
      if (!fs.exists(path)) {
        throw new InputException("data set " + root + " has no " + MANIFEST
            + ": it is not a prepared task data set (prepare it with ./submit.sh prepare)");
      }
      JsonNode json;
      try (InputStream in = fs.open(path)) {
        json = new ObjectMapper().readTree(in);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        throw new InputException(path + " is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
            + ", column " + at.getColumnNr() + ")") + ": it is truncated or damaged; prepare the data set again", e);
      }
      return TaskManifest.fromJson(path.toString(), json);
    } catch (IOException e) {
      throw new InputException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks, on the driver and before any long work, that the data set holds what the task list
   * needs (data set name, F, train/valid counts, pairs, data seeds 0..max-1, the pair
   * directories and the file schema). Throws one message naming the file and the mismatch.
   */
  public void check(TaskList list) {
    TaskManifest manifest = null;
    for (LearningTaskSpec spec : list.specs()) {
      if (spec.type() != TaskType.PROJECTED_BINARY_CLASSIFICATION) {
        continue;
      }
      if (manifest == null) {
        manifest = manifest();
      }
      manifest.check(list.name(), spec);
      for (ClassPair pair : spec.pairs()) {
        checkFiles(manifest, spec.dataset(), pair);
        checkSchema(firstFile(spec.dataset(), pair));
      }
    }
  }

  @Override
  public ProjectedBinaryExamples load(String dataset, ClassPair pair, int dataSeed, int features, int numTrain,
      int numValid) {
    double[] trainX = new double[numTrain * features];
    double[] trainY = new double[numTrain];
    double[] validX = new double[numValid * features];
    double[] validY = new double[numValid];
    boolean[] haveTrain = new boolean[numTrain];
    boolean[] haveValid = new boolean[numValid];
    List<Path> files = files(dataset, pair);
    FilterCompat.Filter seedFilter = FilterCompat.get(FilterApi.eq(FilterApi.intColumn("seed"), dataSeed));
    for (Path file : files) {
      checkSchema(file);
      try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf)
          .withFilter(seedFilter).build()) {
        for (Group row = reader.read(); row != null; row = reader.read()) {
          if (row.getInteger("seed", 0) != dataSeed) {
            continue;
          }
          String split = row.getString("split", 0);
          int example = row.getInteger("example", 0);
          boolean train = split.equals("train");
          if (!train && !split.equals("valid")) {
            continue;
          }
          if (example < 0 || example >= (train ? numTrain : numValid)) {
            continue;
          }
          double[] x = train ? trainX : validX;
          int n = readFeatures(row, x, example * features, features, file);
          if (n != features) {
            throw new InputException("file " + file + ": features of " + dataset + " pair " + pair
                + " seed " + dataSeed + " have length " + n + ", but the config says F=" + features);
          }
          (train ? trainY : validY)[example] = row.getFloat("label", 0);
          (train ? haveTrain : haveValid)[example] = true;
        }
      } catch (IOException | RuntimeException e) {
        if (e instanceof InputException ie) {
          throw ie;
        }
        // A damaged file (failed page checksum, garbled page) surfaces here, often on an executor.
        throw new InputException("file " + file + " cannot be read: it is damaged or truncated ("
            + firstLine(e) + "); prepare the data set again", e);
      }
    }
    int gotTrain = count(haveTrain);
    int gotValid = count(haveValid);
    if (gotTrain < numTrain || gotValid < numValid) {
      throw new InputException("data set " + root + ": task " + dataset + " pair " + pair + " seed "
          + dataSeed + " in " + pairDirectory(dataset, pair) + " has " + gotTrain + " of " + numTrain
          + " train and " + gotValid + " of " + numValid + " valid examples the config asks for");
    }
    return new ProjectedBinaryExamples(trainX, trainY, validX, validY);
  }

  /**
   * The pair's data files against the manifest's list: each listed file exists with its size
   * and CRC-32C, and no other data file is there. A manifest without a file list (written before
   * it had one) is accepted with a note: its files are not checked.
   */
  private void checkFiles(TaskManifest manifest, String dataset, ClassPair pair) {
    if (!manifest.listsFiles()) {
      if (!notedUnlisted) {
        notedUnlisted = true;
        System.out.println("note: " + manifest.file() + " lists no data file sizes or checksums (prepared by an "
            + "older version), so the files are not checked; prepare the data set again to add them");
      }
      return;
    }
    String prefix = "dataset=" + dataset + "/positive_class=" + pair.positive() + "/negative_class=" + pair.negative()
        + "/";
    Path dir = pairDirectory(dataset, pair);
    java.util.Map<String, Long> present = new java.util.TreeMap<>();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (fs.exists(dir)) {
        for (FileStatus st : fs.listStatus(dir, p -> p.getName().endsWith(".parquet") && !p.getName().startsWith(".")
            && !p.getName().startsWith("_"))) {
          present.put(prefix + st.getPath().getName(), st.getLen());
        }
      }
      int listed = 0;
      for (java.util.Map.Entry<String, TaskManifest.FileEntry> e : manifest.files().entrySet()) {
        if (!e.getKey().startsWith(prefix)) {
          continue;
        }
        listed++;
        Path file = new Path(root, e.getKey());
        Long size = present.remove(e.getKey());
        if (size == null) {
          throw new InputException("data set " + root + ": file " + file + " is listed in " + MANIFEST
              + " but missing; prepare the data set again (or copy it whole)");
        }
        if (size != e.getValue().bytes()) {
          throw new InputException("data set " + root + ": file " + file + " has " + size + " bytes, but " + MANIFEST
              + " says " + e.getValue().bytes() + ": it is truncated or was changed; prepare the data set again");
        }
        if (verified.add(e.getKey())) {
          String crc = crc32c(fs, file);
          if (!crc.equals(e.getValue().crc32c())) {
            verified.remove(e.getKey());
            throw new InputException("data set " + root + ": file " + file + " is damaged: its CRC-32C is " + crc
                + ", but " + MANIFEST + " says " + e.getValue().crc32c() + "; prepare the data set again");
          }
        }
      }
      if (!present.isEmpty()) {
        throw new InputException("data set " + root + ": file " + new Path(root, present.keySet().iterator().next())
            + " is not listed in " + MANIFEST + " (a stray or foreign file); remove it or prepare the data set again");
      }
      if (listed == 0) {
        throw new InputException(manifest.file() + " lists pair " + pair + " but no data file of it");
      }
    } catch (IOException e) {
      throw new InputException("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  /** CRC-32C of a file's bytes, as 8 hex digits. */
  static String crc32c(FileSystem fs, Path file) throws IOException {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = fs.open(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        crc.update(buffer, 0, n);
      }
    }
    return String.format("%08x", crc.getValue());
  }

  private Path firstFile(String dataset, ClassPair pair) {
    return files(dataset, pair).get(0);
  }

  private List<Path> files(String dataset, ClassPair pair) {
    Path dir = pairDirectory(dataset, pair);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        throw new InputException("data set " + root + " has no class pair " + pair + " of '" + dataset
            + "': directory " + dir + " is missing");
      }
      // Names starting with '.' or '_' are not data (checksums, markers); see data-prep/FORMAT.md.
      FileStatus[] statuses = fs.listStatus(dir, p -> p.getName().endsWith(".parquet")
          && !p.getName().startsWith(".") && !p.getName().startsWith("_"));
      if (statuses.length == 0) {
        throw new InputException("data set " + root + ": directory " + dir + " holds no .parquet files");
      }
      List<Path> files = new ArrayList<>();
      for (FileStatus s : statuses) {
        files.add(s.getPath());
      }
      files.sort(null); // a fixed order, whatever the file system lists
      return files;
    } catch (IOException e) {
      throw new InputException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The columns data-prep/FORMAT.md fixes (partition columns live in the directory names). */
  private void checkSchema(Path file) {
    MessageType schema;
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
      schema = reader.getFooter().getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      throw new InputException("file " + file + " is not a readable Parquet file: " + e.getMessage(), e);
    }
    String expected = "seed int32, split string, example int32, features array<float>, label float";
    requirePrimitive(schema, "seed", PrimitiveTypeName.INT32, file, expected);
    requirePrimitive(schema, "split", PrimitiveTypeName.BINARY, file, expected);
    requirePrimitive(schema, "example", PrimitiveTypeName.INT32, file, expected);
    requirePrimitive(schema, "label", PrimitiveTypeName.FLOAT, file, expected);
    if (!schema.containsField("features") || floatElement(schema.getType("features")) == null) {
      throw new InputException("file " + file + " has the wrong schema: column 'features' must be"
          + " array<float>; expected columns " + expected + ", found " + compact(schema));
    }
  }

  private static void requirePrimitive(MessageType schema, String name, PrimitiveTypeName type, Path file,
      String expected) {
    if (!schema.containsField(name) || !schema.getType(name).isPrimitive()
        || schema.getType(name).asPrimitiveType().getPrimitiveTypeName() != type) {
      throw new InputException("file " + file + " has the wrong schema: column '" + name + "' must be "
          + type.name().toLowerCase(java.util.Locale.ROOT) + "; expected columns " + expected + ", found "
          + compact(schema));
    }
  }

  private static String compact(MessageType schema) {
    return schema.toString().replaceAll("\\s+", " ").trim();
  }

  /** The float leaf of a list column, whether written with 3 levels (Spark) or 2. */
  private static PrimitiveType floatElement(Type type) {
    Type t = type;
    for (int depth = 0; depth < 3; depth++) {
      if (t.isPrimitive()) {
        PrimitiveType p = t.asPrimitiveType();
        return depth > 0 || p.isRepetition(Type.Repetition.REPEATED)
            ? (p.getPrimitiveTypeName() == PrimitiveTypeName.FLOAT ? p : null) : null;
      }
      GroupType g = t.asGroupType();
      if (g.getFieldCount() != 1) {
        return null;
      }
      t = g.getType(0);
    }
    return null;
  }

  /** Copies the features list of {@code row} into {@code out[at..]}; returns its length. */
  private static int readFeatures(Group row, double[] out, int at, int features, Path file) {
    Type type = row.getType().getType("features");
    if (type.isPrimitive()) {
      int n = row.getFieldRepetitionCount("features");
      for (int i = 0; i < Math.min(n, features); i++) {
        out[at + i] = row.getFloat("features", i);
      }
      return n;
    }
    Group list = row.getGroup("features", 0);
    int n = list.getFieldRepetitionCount(0);
    boolean threeLevel = !list.getType().getType(0).isPrimitive();
    for (int i = 0; i < Math.min(n, features); i++) {
      out[at + i] = threeLevel ? list.getGroup(0, i).getFloat(0, 0) : list.getFloat(0, i);
    }
    return n;
  }

  private static String firstLine(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
      t = t.getCause();
    }
    String m = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
    String text = t.getClass().getSimpleName() + ": " + m;
    return text.length() <= 160 ? text : text.substring(0, 160) + "...";
  }

  private static int count(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return n;
  }

  @Override
  public String toString() {
    return "ParquetTaskStore[" + root + "]";
  }
}
