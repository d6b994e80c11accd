package org.automlzero.core.interpreter;

import java.util.Arrays;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Kind;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;

/**
 * Which instructions of an algorithm can influence its fitness: a backward liveness analysis
 * over the whole execution structure {@code Setup -> (Predict -> Learn)* -> Predict(validation)*},
 * repeated over epochs. The interpreter skips the dead ones; simplification reuses the masks.
 *
 * <p>Facts the analysis relies on: v0 and s0 are overwritten before every Predict and Learn, so
 * they are never live across a function boundary; s1 is read after every Predict (error check,
 * validation loss); VECTOR_CONST_SET and MATRIX_CONST_SET write one entry only, so they do not
 * end the liveness of their output; every other op writes its whole output. Liveness is tracked
 * per address (a whole vector or matrix), which is conservative and therefore safe.
 *
 * <p>A dead instruction that draws random numbers still changes the random stream; callers that
 * drop it must consume the same draws (the interpreter does, with {@code Rng.skip}).
 */
public final class Liveness {
  private Liveness() {}

  /** Per-function masks: {@code true} where the instruction's result can be read. */
  public record Masks(boolean[] setup, boolean[] predict, boolean[] learn) {
    /** The mask of one component function (index = instruction position). */
    public boolean[] of(ComponentFunctionType type) {
      return switch (type) {
        case SETUP -> setup;
        case PREDICT -> predict;
        case LEARN -> learn;
      };
    }
  }

  /** Computes the live-instruction masks of an algorithm (addresses need not fit any shape). */
  public static Masks liveInstructions(Algorithm algorithm) {
    return analyze(algorithm).masks();
  }

  /**
   * The masks plus whether s1 is live when Learn starts (Learn, or a later Predict through
   * Learn, can read the prediction the executor leaves there).
   */
  record Analysis(Masks masks, boolean predictionLiveIntoLearn, long[] predictLiveOut, long[] learnLiveOut,
      int matrixBit) {
    /** Whether matrix {@code address} can be read after Predict or Learn ends (before being overwritten). */
    boolean matrixLiveOut(ComponentFunctionType type, int address) {
      return get(type == ComponentFunctionType.PREDICT ? predictLiveOut : learnLiveOut, matrixBit + address);
    }
  }

  /**
   * The analysis for an algorithm whose addresses are known to fit {@code shape} (no sizing
   * pass; a shape always holds s0, s1 and v0).
   */
  static Analysis analyze(Algorithm algorithm, MemoryShape shape) {
    return analyze(algorithm, shape.scalars(), shape.vectors(), shape.matrices());
  }

  static Analysis analyze(Algorithm algorithm) {
    // Every address gets one bit: scalars first, then vectors, then matrices.
    int scalars = MemoryShape.PREDICTION + 1;
    int vectors = MemoryShape.FEATURES + 1;
    int matrices = 0;
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      for (Instruction instruction : algorithm.function(type)) {
        Op op = instruction.op();
        scalars = Math.max(scalars, maxAddress(op, instruction, Kind.SCALAR) + 1);
        vectors = Math.max(vectors, maxAddress(op, instruction, Kind.VECTOR) + 1);
        matrices = Math.max(matrices, maxAddress(op, instruction, Kind.MATRIX) + 1);
      }
    }
    return analyze(algorithm, scalars, vectors, matrices);
  }

  private static Analysis analyze(Algorithm algorithm, int scalars, int vectors, int matrices) {
    int words = (scalars + vectors + matrices + 63) >>> 6;
    Encoded setup = new Encoded(algorithm.setup(), scalars, vectors);
    Encoded predict = new Encoded(algorithm.predict(), scalars, vectors);
    Encoded learn = new Encoded(algorithm.learn(), scalars, vectors);
    int featuresBit = scalars + MemoryShape.FEATURES;
    if (words == 1) {
      return analyzeSmall(setup, predict, learn, featuresBit, scalars + vectors);
    }

    // Fixpoint over the live-in sets of Predict and Learn; the sets only grow, so it terminates.
    long[] predictIn = new long[words];
    long[] learnIn = new long[words];
    while (true) {
      long[] newPredictIn = predict.transfer(predictLiveOut(predictIn, learnIn, featuresBit), null);
      long[] newLearnIn = learn.transfer(boundary(predictIn, featuresBit), null);
      if (Arrays.equals(newPredictIn, predictIn) && Arrays.equals(newLearnIn, learnIn)) {
        break;
      }
      or(newPredictIn, predictIn);
      or(newLearnIn, learnIn);
      predictIn = newPredictIn;
      learnIn = newLearnIn;
    }
    boolean[] setupMask = new boolean[setup.size];
    boolean[] predictMask = new boolean[predict.size];
    boolean[] learnMask = new boolean[learn.size];
    long[] predictOut = predictLiveOut(predictIn, learnIn, featuresBit);
    long[] learnOut = boundary(predictIn, featuresBit);
    setup.transfer(boundary(predictIn, featuresBit), setupMask);
    predict.transfer(predictOut, predictMask);
    learn.transfer(learnOut, learnMask);
    return new Analysis(new Masks(setupMask, predictMask, learnMask), get(learnIn, MemoryShape.PREDICTION),
        predictOut, learnOut, scalars + vectors);
  }

  /** The same analysis when all addresses fit one 64-bit set (every usual memory shape). */
  private static Analysis analyzeSmall(Encoded setup, Encoded predict, Encoded learn, int featuresBit,
      int matrixBit) {
    final long boundary = ~((1L << MemoryShape.LABEL) | (1L << featuresBit));
    final long prediction = 1L << MemoryShape.PREDICTION;
    long predictIn = 0;
    long learnIn = 0;
    while (true) {
      long newPredictIn = predict.transfer((predictIn | learnIn) & boundary | prediction, null) | predictIn;
      long newLearnIn = learn.transfer(predictIn & boundary, null) | learnIn;
      if (newPredictIn == predictIn && newLearnIn == learnIn) {
        break;
      }
      predictIn = newPredictIn;
      learnIn = newLearnIn;
    }
    boolean[] setupMask = new boolean[setup.size];
    boolean[] predictMask = new boolean[predict.size];
    boolean[] learnMask = new boolean[learn.size];
    long predictOut = (predictIn | learnIn) & boundary | prediction;
    long learnOut = predictIn & boundary;
    setup.transfer(predictIn & boundary, setupMask);
    predict.transfer(predictOut, predictMask);
    learn.transfer(learnOut, learnMask);
    return new Analysis(new Masks(setupMask, predictMask, learnMask), (learnIn & prediction) != 0,
        new long[] {predictOut}, new long[] {learnOut}, matrixBit);
  }

  private static int maxAddress(Op op, Instruction instruction, Kind kind) {
    int max = -1;
    if (op.in1() == kind) {
      max = Math.max(max, instruction.in1());
    }
    if (op.in2() == kind) {
      max = Math.max(max, instruction.in2());
    }
    if (op.out() == kind) {
      max = Math.max(max, instruction.out());
    }
    return max;
  }

  // After Predict come: the error check / validation loss (read s1), Learn, another Predict
  // (validation or the next epoch), or the end.
  private static long[] predictLiveOut(long[] predictIn, long[] learnIn, int featuresBit) {
    long[] out = boundary(predictIn, featuresBit);
    long[] fromLearn = boundary(learnIn, featuresBit);
    or(out, fromLearn);
    set(out, MemoryShape.PREDICTION);
    return out;
  }

  // What is live when control enters a function whose live-in set is `in`: everything but
  // s0 and v0, which the executor overwrites first.
  private static long[] boundary(long[] in, int featuresBit) {
    long[] out = in.clone();
    clear(out, MemoryShape.LABEL);
    clear(out, featuresBit);
    return out;
  }

  private static void or(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] |= from[i];
    }
  }

  private static boolean get(long[] set, int bit) {
    return (set[bit >>> 6] & (1L << bit)) != 0;
  }

  private static void set(long[] set, int bit) {
    set[bit >>> 6] |= 1L << bit;
  }

  private static void clear(long[] set, int bit) {
    set[bit >>> 6] &= ~(1L << bit);
  }

  /** One function as bit indices: per instruction the output bit (-1: none), inputs and whether it kills. */
  private static final class Encoded {
    final int size;
    final int[] out;
    final int[] in1;
    final int[] in2;
    final boolean[] kills;

    Encoded(List<Instruction> function, int scalars, int vectors) {
      size = function.size();
      out = new int[size];
      in1 = new int[size];
      in2 = new int[size];
      kills = new boolean[size];
      for (int i = 0; i < size; i++) {
        Instruction instruction = function.get(i);
        Op op = instruction.op();
        out[i] = bit(op.out(), instruction.out(), scalars, vectors);
        in1[i] = bit(op.in1(), instruction.in1(), scalars, vectors);
        in2[i] = bit(op.in2(), instruction.in2(), scalars, vectors);
        kills[i] = !writesOneEntry(op);
      }
    }

    private static int bit(Kind kind, int address, int scalars, int vectors) {
      return switch (kind) {
        case NONE -> -1;
        case SCALAR -> address;
        case VECTOR -> scalars + address;
        case MATRIX -> scalars + vectors + address;
      };
    }

    /** {@link #transfer(long[], boolean[])} on a one-word set. */
    long transfer(long liveOut, boolean[] mask) {
      long live = liveOut;
      for (int i = size - 1; i >= 0; i--) {
        int o = out[i];
        boolean isLive = o >= 0 && (live & (1L << o)) != 0;
        if (mask != null) {
          mask[i] = isLive;
        }
        if (!isLive) {
          continue;
        }
        if (kills[i]) {
          live &= ~(1L << o);
        }
        if (in1[i] >= 0) {
          live |= 1L << in1[i];
        }
        if (in2[i] >= 0) {
          live |= 1L << in2[i];
        }
      }
      return live;
    }

    /** Backward pass; fills {@code mask} when given; returns the live-in set (a new array). */
    long[] transfer(long[] liveOut, boolean[] mask) {
      long[] live = liveOut.clone();
      for (int i = size - 1; i >= 0; i--) {
        int o = out[i];
        boolean isLive = o >= 0 && get(live, o);
        if (mask != null) {
          mask[i] = isLive;
        }
        if (!isLive) {
          continue;
        }
        if (kills[i]) {
          clear(live, o);
        }
        if (in1[i] >= 0) {
          set(live, in1[i]);
        }
        if (in2[i] >= 0) {
          set(live, in2[i]);
        }
      }
      return live;
    }
  }

  private static boolean writesOneEntry(Op op) {
    return op == Op.VECTOR_CONST_SET || op == Op.MATRIX_CONST_SET;
  }
}
