// Converts a projected data set written by `./submit.sh prepare` (Parquet) into the files the
// AutoML-Zero C++ original reads for projected_binary_classification_task: one serialized
// ScalarLabelDataset proto per (pair, seed), named binary_{D}-pos_{P}-neg_{N}-dim_{F}-seed_{S}
// (as generate_datasets.py writes them). The tasks are read with the project's own reader
// (ParquetTaskStore, every task its manifest lists), so the C++ sees exactly what the project
// evaluates: features and labels (1.0 = positive class = the smaller class id, 0.0 = negative,
// generate_datasets.py's convention) as float32, in example order. Only the train and valid splits
// are written: the C++ reads no others. A checksum line per task goes to _checksums.tsv for
// verify_tasks.py.
//
// usage (convert.sh runs it): java -cp target/classes:target/lib/*:$CPP_WORK/tools \
//          ConvertTasks <parquet root> <dataset> <features> <out dir>
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.TreeSet;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.ProjectedBinaryExamples;
import org.automlzero.store.ParquetTaskStore;
import org.automlzero.store.TaskManifest;

public class ConvertTasks {
  public static void main(String[] args) throws Exception {
    String dataset = args[1];
    int features = Integer.parseInt(args[2]);
    Path out = Paths.get(args[3]);
    Files.createDirectories(out);
    ParquetTaskStore store = ParquetTaskStore.open(args[0]);
    TaskManifest manifest = store.manifest();
    int files = 0;
    try (PrintWriter sums = new PrintWriter(Files.newBufferedWriter(out.resolve("_checksums.tsv")))) {
      for (ClassPair pair : manifest.pairs()) {
        for (int seed : new TreeSet<>(manifest.seeds())) {
          ProjectedBinaryExamples task =
              store.load(dataset, pair, seed, features, manifest.train(), manifest.valid());
          ByteArrayOutputStream buf = new ByteArrayOutputStream();
          // ScalarLabelDataset: repeated FeatureVector train_features = 1, valid_features = 3;
          // repeated float train_labels = 2, valid_labels = 4 (proto2, not packed).
          double[] trainSums = write(buf, 1, task.trainFeatures(), task.trainLabels(), features);
          double[] validSums = write(buf, 3, task.validFeatures(), task.validLabels(), features);
          String name = "binary_" + dataset + "-pos_" + pair.positive() + "-neg_" + pair.negative() + "-dim_"
              + features + "-seed_" + seed;
          Files.write(out.resolve(name), buf.toByteArray());
          files++;
          sums.printf("%s\t%d\t%d\t0\t%s\t%s\t%s\t%s\t0.0\t0.0%n", name, task.trainLabels().length,
              task.validLabels().length, trainSums[0], trainSums[1], validSums[0], validSums[1]);
        }
      }
    }
    System.out.println("wrote " + files + " files to " + out);
  }

  /** Writes one split's feature vectors then its labels; returns the sums of features and labels. */
  static double[] write(ByteArrayOutputStream buf, int featureField, double[] x, double[] y, int features) {
    double[] sums = new double[2];
    for (int k = 0; k < y.length; k++) {
      writeVarint(buf, (featureField << 3) | 2);
      writeVarint(buf, features * 5);
      for (int i = 0; i < features; i++) {
        float v = (float) x[k * features + i]; // exact: the store widened float32 values
        writeVarint(buf, (1 << 3) | 5);
        writeFloat(buf, v);
        sums[0] += v;
      }
    }
    for (double label : y) {
      if (label != 0.0 && label != 1.0) {
        throw new IllegalStateException("label " + label + " is not 0 or 1");
      }
      writeVarint(buf, ((featureField + 1) << 3) | 5);
      writeFloat(buf, (float) label);
      sums[1] += label;
    }
    return sums;
  }

  static void writeVarint(ByteArrayOutputStream o, int v) {
    while ((v & ~0x7F) != 0) {
      o.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    o.write(v);
  }

  static void writeFloat(ByteArrayOutputStream o, float f) {
    int b = Float.floatToRawIntBits(f);
    o.write(b);
    o.write(b >>> 8);
    o.write(b >>> 16);
    o.write(b >>> 24);
  }
}
