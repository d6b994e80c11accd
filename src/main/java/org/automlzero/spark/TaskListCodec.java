package org.automlzero.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.task.ClassPair;
import org.automlzero.core.task.EvalType;
import org.automlzero.core.task.LearningTaskSpec;
import org.automlzero.core.task.TaskList;
import org.automlzero.core.task.TaskType;

/**
 * Encodes a {@link TaskList} (a few specs and seeds) to bytes so that executors can generate or
 * load its tasks themselves; the core types stay free of Java serialization.
 */
final class TaskListCodec {
  private static final int VERSION = 1;

  private TaskListCodec() {}

  static byte[] encode(TaskList list) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(VERSION);
      out.writeUTF(list.name());
      out.writeInt(list.specs().size());
      for (LearningTaskSpec spec : list.specs()) {
        out.writeUTF(spec.type().name());
        out.writeInt(spec.features());
        out.writeInt(spec.numTrain());
        out.writeInt(spec.numValid());
        out.writeInt(spec.numTasks());
        out.writeInt(spec.epochs());
        out.writeUTF(spec.evalType().name());
        writeLongs(out, spec.dataSeeds());
        writeLongs(out, spec.paramSeeds());
        out.writeUTF(spec.dataset());
        out.writeInt(spec.pairs().size());
        for (ClassPair pair : spec.pairs()) {
          out.writeInt(pair.positive());
          out.writeInt(pair.negative());
        }
        out.writeInt(spec.maxDataSeed());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static TaskList decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalStateException("task list encoding version " + version + " is not " + VERSION);
      }
      String name = in.readUTF();
      int n = in.readInt();
      List<LearningTaskSpec> specs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        TaskType type = TaskType.valueOf(in.readUTF());
        int features = in.readInt();
        int numTrain = in.readInt();
        int numValid = in.readInt();
        int numTasks = in.readInt();
        int epochs = in.readInt();
        EvalType evalType = EvalType.valueOf(in.readUTF());
        List<Long> dataSeeds = readLongs(in);
        List<Long> paramSeeds = readLongs(in);
        String dataset = in.readUTF();
        int pairCount = in.readInt();
        List<ClassPair> pairs = new ArrayList<>(pairCount);
        for (int p = 0; p < pairCount; p++) {
          pairs.add(new ClassPair(in.readInt(), in.readInt()));
        }
        int maxDataSeed = in.readInt();
        specs.add(new LearningTaskSpec(type, features, numTrain, numValid, numTasks, epochs, evalType, dataSeeds,
            paramSeeds, dataset, pairs, maxDataSeed));
      }
      return new TaskList(name, specs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeLongs(DataOutputStream out, List<Long> values) throws IOException {
    out.writeInt(values.size());
    for (long v : values) {
      out.writeLong(v);
    }
  }

  private static List<Long> readLongs(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Long> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(in.readLong());
    }
    return values;
  }
}
