package org.automlzero.core.interpreter;

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

    /** Number of live instructions over the three functions. */
    public int liveCount() {
      return count(setup) + count(predict) + count(learn);
    }

    private static int count(boolean[] mask) {
      int n = 0;
      for (boolean b : mask) {
        n += b ? 1 : 0;
      }
      return n;
    }
  }

  /** Computes the live-instruction masks of an algorithm (addresses need not fit any shape). */
  public static Masks liveInstructions(Algorithm algorithm) {
    Sets sizes = Sets.sizedFor(algorithm);
    List<Instruction> setup = algorithm.setup();
    List<Instruction> predict = algorithm.predict();
    List<Instruction> learn = algorithm.learn();

    // Fixpoint over the live-in sets of Predict and Learn; the sets only grow, so it terminates.
    Sets predictIn = sizes.empty();
    Sets learnIn = sizes.empty();
    while (true) {
      Sets newPredictIn = transfer(predict, predictLiveOut(sizes, predictIn, learnIn), null);
      Sets newLearnIn = transfer(learn, boundary(sizes, predictIn), null);
      if (newPredictIn.equalTo(predictIn) && newLearnIn.equalTo(learnIn)) {
        break;
      }
      newPredictIn.addAllFrom(predictIn);
      newLearnIn.addAllFrom(learnIn);
      predictIn = newPredictIn;
      learnIn = newLearnIn;
    }
    boolean[] setupMask = new boolean[setup.size()];
    boolean[] predictMask = new boolean[predict.size()];
    boolean[] learnMask = new boolean[learn.size()];
    transfer(setup, boundary(sizes, predictIn), setupMask);
    transfer(predict, predictLiveOut(sizes, predictIn, learnIn), predictMask);
    transfer(learn, boundary(sizes, predictIn), learnMask);
    return new Masks(setupMask, predictMask, learnMask);
  }

  // After Predict come: the error check / validation loss (read s1), Learn, another Predict
  // (validation or the next epoch), or the end.
  private static Sets predictLiveOut(Sets sizes, Sets predictIn, Sets learnIn) {
    Sets out = boundary(sizes, predictIn);
    out.addAllFrom(boundary(sizes, learnIn));
    out.scalars[MemoryShape.PREDICTION] = true;
    return out;
  }

  // What is live when control enters a function whose live-in set is `in`: everything but
  // s0 and v0, which the executor overwrites first.
  private static Sets boundary(Sets sizes, Sets in) {
    Sets out = sizes.empty();
    out.addAllFrom(in);
    out.scalars[MemoryShape.LABEL] = false;
    out.vectors[MemoryShape.FEATURES] = false;
    return out;
  }

  /** Backward pass over one function; fills {@code mask} when given; returns the live-in set. */
  private static Sets transfer(List<Instruction> function, Sets liveOut, boolean[] mask) {
    Sets live = liveOut.copy();
    for (int i = function.size() - 1; i >= 0; i--) {
      Instruction instruction = function.get(i);
      Op op = instruction.op();
      boolean isLive = op.out() != Kind.NONE && live.get(op.out(), instruction.out());
      if (mask != null) {
        mask[i] = isLive;
      }
      if (!isLive) {
        continue;
      }
      if (!writesOneEntry(op)) {
        live.set(op.out(), instruction.out(), false);
      }
      if (op.in1() != Kind.NONE) {
        live.set(op.in1(), instruction.in1(), true);
      }
      if (op.in2() != Kind.NONE) {
        live.set(op.in2(), instruction.in2(), true);
      }
    }
    return live;
  }

  private static boolean writesOneEntry(Op op) {
    return op == Op.VECTOR_CONST_SET || op == Op.MATRIX_CONST_SET;
  }

  /** Three small boolean sets over the scalar, vector and matrix addresses. */
  private static final class Sets {
    final boolean[] scalars;
    final boolean[] vectors;
    final boolean[] matrices;

    Sets(int s, int v, int m) {
      scalars = new boolean[s];
      vectors = new boolean[v];
      matrices = new boolean[m];
    }

    static Sets sizedFor(Algorithm algorithm) {
      int s = MemoryShape.PREDICTION + 1;
      int v = MemoryShape.FEATURES + 1;
      int m = 1;
      for (ComponentFunctionType type : ComponentFunctionType.values()) {
        for (Instruction instruction : algorithm.function(type)) {
          Op op = instruction.op();
          int[] addresses = {instruction.in1(), instruction.in2(), instruction.out()};
          Kind[] kinds = {op.in1(), op.in2(), op.out()};
          for (int k = 0; k < 3; k++) {
            switch (kinds[k]) {
              case NONE -> { }
              case SCALAR -> s = Math.max(s, addresses[k] + 1);
              case VECTOR -> v = Math.max(v, addresses[k] + 1);
              case MATRIX -> m = Math.max(m, addresses[k] + 1);
            }
          }
        }
      }
      return new Sets(s, v, m);
    }

    Sets empty() {
      return new Sets(scalars.length, vectors.length, matrices.length);
    }

    Sets copy() {
      Sets c = empty();
      c.addAllFrom(this);
      return c;
    }

    /** Union in place; true when this set grew. */
    boolean addAllFrom(Sets other) {
      return or(scalars, other.scalars) | or(vectors, other.vectors) | or(matrices, other.matrices);
    }

    boolean equalTo(Sets other) {
      return java.util.Arrays.equals(scalars, other.scalars) && java.util.Arrays.equals(vectors, other.vectors)
          && java.util.Arrays.equals(matrices, other.matrices);
    }

    boolean get(Kind kind, int address) {
      return bank(kind)[address];
    }

    void set(Kind kind, int address, boolean value) {
      bank(kind)[address] = value;
    }

    private boolean[] bank(Kind kind) {
      return switch (kind) {
        case SCALAR -> scalars;
        case VECTOR -> vectors;
        case MATRIX -> matrices;
        case NONE -> throw new IllegalStateException("no bank for kind NONE");
      };
    }

    private static boolean or(boolean[] into, boolean[] from) {
      boolean grew = false;
      for (int i = 0; i < into.length; i++) {
        if (from[i] && !into[i]) {
          into[i] = true;
          grew = true;
        }
      }
      return grew;
    }
  }
}
