package org.automlzero.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.search.EvaluationRequest;

/**
 * One generation's candidates and evaluation requests as flat primitive arrays: what the driver
 * broadcasts. Java serialization of a few primitive arrays is a bulk copy, so the per-generation
 * payload stays compact (no object graph of algorithms and instructions travels).
 *
 * <p>Requests are grouped by (task, shard): shard {@code k} of task {@code t} owns the requests
 * on task t whose ordinal among that task's requests is {@code k} modulo the shard count, so
 * candidates as well as tasks spread over the cluster.
 */
final class CandidateBatch implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Identity of this batch (not part of any result): lets an executor JVM compile each candidate once. */
  private final long key;
  private final int candidates;
  /** Instruction range of function f of candidate c: [functionStart[3c+f], functionStart[3c+f+1]). */
  private final int[] functionStart;
  /** Op id per instruction; the high bit marks an instruction that has data (the next data slot). */
  private final byte[] ops;
  /** in1, in2, out per instruction. */
  private final short[] addresses;
  /** First data slot of candidate c: dataStart[c]; slots are consumed in instruction order. */
  private final int[] dataStart;
  /** activation per data slot. */
  private final double[] activations;
  /** d0, d1, d2 per data slot. */
  private final float[] data;

  private final int[] requestCandidate;
  private final int[] requestTask;
  private final long[] requestTrainExamples;
  private final long[] requestSeed;

  private final int shards;
  /** Requests of group g = task * shards + shard: groupRequests[groupStart[g] .. groupStart[g+1]). */
  private final int[] groupStart;
  private final int[] groupRequests;

  private CandidateBatch(int candidates, int[] functionStart, byte[] ops, short[] addresses, int[] dataStart,
      double[] activations, float[] data, int[] requestCandidate, int[] requestTask, long[] requestTrainExamples, long[] requestSeed,
      int shards, int[] groupStart, int[] groupRequests) {
    this.key = NEXT_KEY.getAndIncrement();
    this.candidates = candidates;
    this.functionStart = functionStart;
    this.ops = ops;
    this.addresses = addresses;
    this.dataStart = dataStart;
    this.activations = activations;
    this.data = data;
    this.requestCandidate = requestCandidate;
    this.requestTask = requestTask;
    this.requestTrainExamples = requestTrainExamples;
    this.requestSeed = requestSeed;
    this.shards = shards;
    this.groupStart = groupStart;
    this.groupRequests = groupRequests;
  }

  /** Driver-side batch numbering, unique within a driver JVM (mixed with the JVM start time below). */
  private static final java.util.concurrent.atomic.AtomicLong NEXT_KEY = new java.util.concurrent.atomic.AtomicLong(
      java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() << 20);

  /** Encodes a batch for {@code numTasks} tasks split into {@code shards} shards each. */
  static CandidateBatch encode(List<Algorithm> candidates, List<EvaluationRequest> requests, int numTasks,
      int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards per task must be >= 1, but was " + shards);
    }
    int instructions = 0;
    int withData = 0;
    for (Algorithm a : candidates) {
      instructions += a.size();
      for (ComponentFunctionType type : ComponentFunctionType.values()) {
        for (Instruction in : a.function(type)) {
          withData += hasData(in) ? 1 : 0;
        }
      }
    }
    // Only instructions with data carry it: most ops (sums, products, ...) have none.
    int[] functionStart = new int[3 * candidates.size() + 1];
    int[] dataStart = new int[candidates.size() + 1];
    byte[] ops = new byte[instructions];
    short[] addresses = new short[3 * instructions];
    double[] activations = new double[withData];
    float[] data = new float[3 * withData];
    int n = 0;
    int f = 0;
    int slot = 0;
    for (int c = 0; c < candidates.size(); c++) {
      dataStart[c] = slot;
      for (ComponentFunctionType type : ComponentFunctionType.values()) {
        functionStart[f++] = n;
        for (Instruction in : candidates.get(c).function(type)) {
          boolean has = hasData(in);
          ops[n] = (byte) (in.op().id() | (has ? 0x80 : 0));
          addresses[3 * n] = address(in.in1());
          addresses[3 * n + 1] = address(in.in2());
          addresses[3 * n + 2] = address(in.out());
          if (has) {
            activations[slot] = in.activation();
            data[3 * slot] = in.d0();
            data[3 * slot + 1] = in.d1();
            data[3 * slot + 2] = in.d2();
            slot++;
          }
          n++;
        }
      }
    }
    functionStart[f] = n;
    dataStart[candidates.size()] = slot;

    int r = requests.size();
    int[] requestCandidate = new int[r];
    int[] requestTask = new int[r];
    long[] requestTrainExamples = new long[r];
    long[] requestSeed = new long[r];
    int groups = numTasks * shards;
    int[] groupOf = new int[r];
    int[] groupSize = new int[groups];
    int[] perTask = new int[numTasks];
    for (int i = 0; i < r; i++) {
      EvaluationRequest q = requests.get(i);
      if (q.candidate() < 0 || q.candidate() >= candidates.size()) {
        throw new IllegalArgumentException("request " + i + " names candidate " + q.candidate() + " of a batch of "
            + candidates.size());
      }
      if (q.task() < 0 || q.task() >= numTasks) {
        throw new IllegalArgumentException("request " + i + " names task " + q.task() + " of a list of " + numTasks);
      }
      requestCandidate[i] = q.candidate();
      requestTask[i] = q.task();
      requestTrainExamples[i] = q.numTrainExamples();
      requestSeed[i] = q.seed();
      int g = q.task() * shards + (perTask[q.task()]++ % shards);
      groupOf[i] = g;
      groupSize[g]++;
    }
    int[] groupStart = new int[groups + 1];
    for (int g = 0; g < groups; g++) {
      groupStart[g + 1] = groupStart[g] + groupSize[g];
    }
    int[] fill = groupStart.clone();
    int[] groupRequests = new int[r];
    for (int i = 0; i < r; i++) {
      groupRequests[fill[groupOf[i]]++] = i;
    }
    return new CandidateBatch(candidates.size(), functionStart, ops, addresses, dataStart, activations, data,
        requestCandidate,
        requestTask, requestTrainExamples, requestSeed, shards, groupStart, groupRequests);
  }

  long key() {
    return key;
  }

  private static boolean hasData(Instruction in) {
    // Bit tests, so that -0.0 (or any stray data on a data-less op) survives exactly.
    return in.op().data() != Op.Data.NONE || Double.doubleToRawLongBits(in.activation()) != 0L
        || Float.floatToRawIntBits(in.d0()) != 0 || Float.floatToRawIntBits(in.d1()) != 0
        || Float.floatToRawIntBits(in.d2()) != 0;
  }

  private static short address(int address) {
    if (address > Short.MAX_VALUE) {
      throw new IllegalArgumentException("address " + address + " is beyond what a candidate batch encodes ("
          + Short.MAX_VALUE + ")");
    }
    return (short) address;
  }

  int candidates() {
    return candidates;
  }

  /** Rebuilds candidate {@code c} (on an executor; instructions are small immutable records). */
  Algorithm algorithm(int c) {
    List<List<Instruction>> functions = new ArrayList<>(3);
    int slot = dataStart[c];
    for (int f = 0; f < 3; f++) {
      int from = functionStart[3 * c + f];
      int to = functionStart[3 * c + f + 1];
      List<Instruction> function = new ArrayList<>(to - from);
      for (int n = from; n < to; n++) {
        Op op = Op.byId(ops[n] & 0x7F);
        if ((ops[n] & 0x80) != 0) {
          function.add(new Instruction(op, addresses[3 * n], addresses[3 * n + 1], addresses[3 * n + 2],
              activations[slot], data[3 * slot], data[3 * slot + 1], data[3 * slot + 2]));
          slot++;
        } else {
          function.add(Instruction.of(op, addresses[3 * n], addresses[3 * n + 1], addresses[3 * n + 2]));
        }
      }
      functions.add(function);
    }
    return new Algorithm(functions.get(0), functions.get(1), functions.get(2));
  }

  /** First position in {@link #groupRequest} of (task, shard)'s requests. */
  int groupFrom(int task, int shard) {
    int g = task * shards + shard;
    return g < groupStart.length - 1 ? groupStart[g] : 0;
  }

  /** End (exclusive) of (task, shard)'s requests; tasks beyond this batch's list own none. */
  int groupTo(int task, int shard) {
    int g = task * shards + shard;
    return g < groupStart.length - 1 ? groupStart[g + 1] : 0;
  }

  int groupRequest(int position) {
    return groupRequests[position];
  }

  int requestCandidate(int request) {
    return requestCandidate[request];
  }

  int requestTask(int request) {
    return requestTask[request];
  }

  long requestTrainExamples(int request) {
    return requestTrainExamples[request];
  }

  long requestSeed(int request) {
    return requestSeed[request];
  }
}
