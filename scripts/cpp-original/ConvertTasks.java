// Converts the Java project's Parquet task data set (Hive partitions
// dataset=D/positive_class=P/negative_class=N/*.parquet, columns
// seed int32, split string, example int32, features array<float>, label float)
// into the files the AutoML-Zero C++ original reads for
// projected_binary_classification_task: one serialized ScalarLabelDataset proto
// per (pair, seed), named binary_{D}-pos_{P}-neg_{N}-dim_{F}-seed_{S}
// (as generate_datasets.py writes them). Labels are copied as stored
// (1.0 = positive class = the smaller class id, 0.0 = negative class), which is
// generate_datasets.py's convention. Floats are copied bit for bit, in example order.
// Afterwards every task is re-read with the Java project's own reader
// (org.automlzero.store.ParquetTaskStore.load) and compared value by value with
// what was written, and a checksum line per task is written for verify_tasks.py.
//
// usage (convert.sh runs it): java -cp target/classes:target/lib/*:$CPP_WORK/tools \
//          ConvertTasks <parquet root> <dataset> <features> <out dir>
import java.io.*;
import java.nio.file.*;
import java.util.*;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.Type;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.ProjectedBinaryExamples;
import org.automlzero.store.ParquetTaskStore;

public class ConvertTasks {
  static final String[] SPLITS = {"train", "valid", "test"};

  static final class Row { float[] x; float y; }

  public static void main(String[] args) throws Exception {
    String root = args[0], dataset = args[1];
    int F = Integer.parseInt(args[2]);
    Path out = Paths.get(args[3]);
    Files.createDirectories(out);
    Configuration conf = new Configuration();
    Path dsDir = Paths.get(root, "dataset=" + dataset);
    List<Path> pairDirs = new ArrayList<>();
    try (DirectoryStream<Path> ps = Files.newDirectoryStream(dsDir, "positive_class=*")) {
      for (Path p : ps) try (DirectoryStream<Path> ns = Files.newDirectoryStream(p, "negative_class=*")) {
        for (Path n : ns) pairDirs.add(n);
      }
    }
    Collections.sort(pairDirs);
    ParquetTaskStore store = ParquetTaskStore.open(root);
    PrintWriter sums = new PrintWriter(new FileWriter(out.resolve("_checksums.tsv").toFile()));
    int files = 0;
    for (Path pd : pairDirs) {
      int pos = Integer.parseInt(pd.getParent().getFileName().toString().split("=")[1]);
      int neg = Integer.parseInt(pd.getFileName().toString().split("=")[1]);
      // seed -> split -> example -> row
      TreeMap<Integer, Map<String, TreeMap<Integer, Row>>> bySeed = new TreeMap<>();
      List<Path> parts = new ArrayList<>();
      try (DirectoryStream<Path> fs = Files.newDirectoryStream(pd, "*.parquet")) {
        for (Path f : fs) if (!f.getFileName().toString().startsWith(".") && !f.getFileName().toString().startsWith("_")) parts.add(f);
      }
      Collections.sort(parts);
      for (Path f : parts) {
        try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
            new org.apache.hadoop.fs.Path(f.toString())).withConf(conf).build()) {
          for (Group g = r.read(); g != null; g = r.read()) {
            int seed = g.getInteger("seed", 0);
            String split = g.getString("split", 0);
            int ex = g.getInteger("example", 0);
            Row row = new Row();
            row.x = readFeatures(g);
            row.y = g.getFloat("label", 0);
            if (row.x.length != F) throw new IllegalStateException(f + ": features length " + row.x.length);
            Row old = bySeed.computeIfAbsent(seed, k -> new HashMap<>())
                .computeIfAbsent(split, k -> new TreeMap<>()).put(ex, row);
            if (old != null) throw new IllegalStateException(f + ": duplicate " + seed + " " + split + " " + ex);
          }
        }
      }
      for (Map.Entry<Integer, Map<String, TreeMap<Integer, Row>>> e : bySeed.entrySet()) {
        int seed = e.getKey();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int[] counts = new int[3];
        for (int s = 0; s < 3; s++) {
          TreeMap<Integer, Row> rows = e.getValue().getOrDefault(SPLITS[s], new TreeMap<>());
          int i = 0;
          for (Map.Entry<Integer, Row> re : rows.entrySet()) {
            if (re.getKey() != i++) throw new IllegalStateException("non-contiguous examples in " + pd + " seed " + seed + " " + SPLITS[s]);
          }
          counts[s] = rows.size();
          int featField = 1 + 2 * s, labelField = 2 + 2 * s;
          // repeated FeatureVector {train,valid,test}_features = 1/3/5 (length-delimited)
          for (Row row : rows.values()) {
            writeVarint(buf, (featField << 3) | 2);
            writeVarint(buf, row.x.length * 5);
            for (float v : row.x) { writeVarint(buf, (1 << 3) | 5); writeFloat(buf, v); }
          }
          // repeated float {train,valid,test}_labels = 2/4/6 (proto2, not packed: one tag per value)
          for (Row row : rows.values()) { writeVarint(buf, (labelField << 3) | 5); writeFloat(buf, row.y); }
        }
        String name = "binary_" + dataset + "-pos_" + pos + "-neg_" + neg + "-dim_" + F + "-seed_" + seed;
        Files.write(out.resolve(name), buf.toByteArray());
        files++;
        // Cross-check with the Java project's reader.
        ProjectedBinaryExamples ref = store.load(dataset, new ClassPair(pos, neg), seed, F, counts[0], counts[1]);
        TreeMap<Integer, Row> tr = e.getValue().get("train"), va = e.getValue().get("valid");
        check(ref.trainFeatures(), ref.trainLabels(), tr, F, name + " train");
        check(ref.validFeatures(), ref.validLabels(), va, F, name + " valid");
        double[] cs = new double[6];
        int s = 0;
        for (String sp : SPLITS) {
          for (Row row : e.getValue().getOrDefault(sp, new TreeMap<>()).values()) {
            for (float v : row.x) cs[2 * s] += v;
            cs[2 * s + 1] += row.y;
          }
          s++;
        }
        sums.printf("%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s%n", name, counts[0], counts[1], counts[2],
            Double.toString(cs[0]), Double.toString(cs[1]), Double.toString(cs[2]), Double.toString(cs[3]),
            Double.toString(cs[4]), Double.toString(cs[5]));
      }
    }
    sums.close();
    System.out.println("wrote " + files + " files to " + out + " (all identical to ParquetTaskStore.load)");
  }

  static void check(double[] x, double[] y, TreeMap<Integer, Row> rows, int F, String what) {
    int k = 0;
    for (Row row : rows.values()) {
      for (int i = 0; i < F; i++) {
        if (x[k * F + i] != (double) row.x[i]) throw new IllegalStateException(what + " feature mismatch at " + k);
      }
      if (y[k] != (double) row.y) throw new IllegalStateException(what + " label mismatch at " + k);
      if (row.y != 0f && row.y != 1f) throw new IllegalStateException(what + " label not 0/1 at " + k);
      k++;
    }
    if (k * F != x.length) throw new IllegalStateException(what + " count mismatch");
  }

  static float[] readFeatures(Group row) {
    Type type = row.getType().getType("features");
    if (type.isPrimitive()) {
      int n = row.getFieldRepetitionCount("features");
      float[] x = new float[n];
      for (int i = 0; i < n; i++) x[i] = row.getFloat("features", i);
      return x;
    }
    Group list = row.getGroup("features", 0);
    int n = list.getFieldRepetitionCount(0);
    boolean threeLevel = !list.getType().getType(0).isPrimitive();
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = threeLevel ? list.getGroup(0, i).getFloat(0, 0) : list.getFloat(0, i);
    return x;
  }

  static void writeVarint(ByteArrayOutputStream o, int v) {
    while ((v & ~0x7F) != 0) { o.write((v & 0x7F) | 0x80); v >>>= 7; }
    o.write(v);
  }

  static void writeFloat(ByteArrayOutputStream o, float f) {
    int b = Float.floatToRawIntBits(f);
    o.write(b); o.write(b >>> 8); o.write(b >>> 16); o.write(b >>> 24);
  }
}
