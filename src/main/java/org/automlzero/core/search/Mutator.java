package org.automlzero.core.search;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.random.Rng;
import org.automlzero.core.search.spec.FunctionSpec;
import org.automlzero.core.search.spec.MutationType;
import org.automlzero.core.search.spec.SearchSpec;

/**
 * Makes children: with probability {@code mutateProb} one mutation of a type drawn uniformly
 * from the allowed ones, else an exact copy. Component functions are drawn uniformly among those
 * with allowed ops, positions uniformly. Children share every unchanged {@link Instruction}
 * object with their parent. Every draw comes from the {@link Rng} passed in, so the same stream
 * gives the same child. Stateless and thread-safe.
 */
public final class Mutator {
  private final MemoryShape shape;
  private final FunctionSpec[] functions = new FunctionSpec[3];
  private final List<ComponentFunctionType> mutable;
  private final List<MutationType> types;
  private final double mutateProb;

  public Mutator(SearchSpec spec) {
    this(spec.shape(), spec.setup(), spec.predict(), spec.learn(), spec.mutations(), spec.mutateProb());
  }

  public Mutator(MemoryShape shape, FunctionSpec setup, FunctionSpec predict, FunctionSpec learn,
      List<MutationType> types, double mutateProb) {
    this.shape = shape;
    functions[ComponentFunctionType.SETUP.ordinal()] = setup;
    functions[ComponentFunctionType.PREDICT.ordinal()] = predict;
    functions[ComponentFunctionType.LEARN.ordinal()] = learn;
    List<ComponentFunctionType> m = new ArrayList<>();
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      FunctionSpec f = functions[type.ordinal()];
      for (Op op : f.ops()) {
        if (!shape.supports(op)) {
          throw new IllegalArgumentException(
              type.printedName() + " op " + op + " needs an address the memory shape " + shape + " lacks");
        }
      }
      if (f.mutable()) {
        m.add(type);
      }
    }
    if (m.isEmpty()) {
      throw new IllegalArgumentException("no component function has allowed ops: nothing can be mutated");
    }
    this.mutable = List.copyOf(m);
    this.types = List.copyOf(types);
    if (this.types.isEmpty()) {
      throw new IllegalArgumentException("at least one mutation type is needed");
    }
    this.mutateProb = mutateProb;
  }

  public MemoryShape shape() {
    return shape;
  }

  /** The child of {@code parent}: mutated once with probability mutateProb, else the parent itself. */
  public Algorithm mutate(Algorithm parent, Rng rng) {
    // One draw decides, even at probability 1, so the stream layout never depends on the setting.
    if (rng.nextDouble() < mutateProb) {
      MutationType type = types.get(rng.nextInt(types.size()));
      return mutate(parent, type, rng);
    }
    return parent;
  }

  /** Applies one mutation of the given type. */
  public Algorithm mutate(Algorithm parent, MutationType type, Rng rng) {
    return switch (type) {
      case ALTER_PARAM -> {
        ComponentFunctionType f = pickFunction(rng);
        List<Instruction> code = parent.function(f);
        if (code.isEmpty()) {
          yield parent;
        }
        int i = rng.nextInt(code.size());
        yield parent.with(f, replace(code, i, alterParam(code.get(i), shape, rng)));
      }
      case RANDOMIZE_INSTRUCTION -> {
        ComponentFunctionType f = pickFunction(rng);
        List<Instruction> code = parent.function(f);
        if (code.isEmpty()) {
          yield parent;
        }
        int i = rng.nextInt(code.size());
        yield parent.with(f, replace(code, i, randomInstruction(f, rng)));
      }
      case RANDOMIZE_COMPONENT_FUNCTION -> {
        ComponentFunctionType f = pickFunction(rng);
        yield parent.with(f, randomFunction(f, parent.function(f).size(), rng));
      }
      case IDENTITY -> parent;
      case INSERT_INSTRUCTION -> {
        ComponentFunctionType f = pickFunction(rng);
        List<Instruction> code = parent.function(f);
        if (code.size() >= spec(f).maxSize()) {
          yield parent;
        }
        yield parent.with(f, insert(f, code, rng));
      }
      case REMOVE_INSTRUCTION -> {
        ComponentFunctionType f = pickFunction(rng);
        List<Instruction> code = parent.function(f);
        if (code.size() <= spec(f).minSize() || code.isEmpty()) {
          yield parent;
        }
        yield parent.with(f, remove(code, rng));
      }
      case TRADE_INSTRUCTION -> {
        ComponentFunctionType f = pickFunction(rng);
        yield parent.with(f, remove(insert(f, parent.function(f), rng), rng));
      }
      case RANDOMIZE_ALGORITHM -> {
        Algorithm child = parent;
        for (ComponentFunctionType f : mutable) {
          child = child.with(f, randomFunction(f, child.function(f).size(), rng));
        }
        yield child;
      }
    };
  }

  /**
   * A random algorithm of the initial sizes: every instruction of a function with allowed ops is
   * random, functions without allowed ops are NO_OPs (the original's RANDOM initial algorithm).
   */
  public Algorithm randomAlgorithm(Rng rng) {
    Algorithm a = Algorithm.noOp(spec(ComponentFunctionType.SETUP).initSize(),
        spec(ComponentFunctionType.PREDICT).initSize(), spec(ComponentFunctionType.LEARN).initSize());
    for (ComponentFunctionType f : mutable) {
      a = a.with(f, randomFunction(f, spec(f).initSize(), rng));
    }
    return a;
  }

  /** {@code size} random instructions with ops drawn uniformly from the function's allowed ops. */
  public List<Instruction> randomFunction(ComponentFunctionType f, int size, Rng rng) {
    List<Instruction> code = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      code.add(randomInstruction(f, rng));
    }
    return code;
  }

  /** A random instruction for function {@code f}: op uniform among its allowed ops. */
  public Instruction randomInstruction(ComponentFunctionType f, Rng rng) {
    List<Op> ops = spec(f).ops();
    return Instruction.random(ops.get(rng.nextInt(ops.size())), shape, rng);
  }

  /**
   * A copy of {@code in} with exactly one argument redrawn (the original's AlterParam): *_SET
   * ops change the output address or their data (1/2 each); one-input ops the input or the output
   * (1/2 each); two-input ops one of the three addresses (1/3 each). A new address may equal the
   * old one, as in the original. NO_OP has nothing to alter and is returned as is.
   */
  public static Instruction alterParam(Instruction in, MemoryShape shape, Rng rng) {
    Op op = in.op();
    if (op == Op.NO_OP) {
      return in;
    }
    if (op.data() != Op.Data.NONE) {
      return rng.nextInt(2) == 0 ? withOut(in, Instruction.randomOutput(op.out(), shape, rng)) : alterData(in, rng);
    }
    int choices = op.arity() + 1;
    int choice = rng.nextInt(choices);
    if (choice == choices - 1) {
      return withOut(in, Instruction.randomOutput(op.out(), shape, rng));
    }
    if (choice == 0) {
      return new Instruction(op, Instruction.randomInput(op.in1(), shape, rng), in.in2(), in.out(),
          in.activation(), in.d0(), in.d1(), in.d2());
    }
    return new Instruction(op, in.in1(), Instruction.randomInput(op.in2(), shape, rng), in.out(),
        in.activation(), in.d0(), in.d1(), in.d2());
  }

  private static Instruction withOut(Instruction in, int out) {
    return new Instruction(in.op(), in.in1(), in.in2(), out, in.activation(), in.d0(), in.d1(), in.d2());
  }

  private static Instruction alterData(Instruction in, Rng rng) {
    Op op = in.op();
    double a = in.activation();
    float d0 = in.d0();
    float d1 = in.d1();
    float d2 = in.d2();
    switch (op.data()) {
      case NONE -> throw new IllegalStateException(op + " has no data to alter");
      case CONSTANT -> a = logScaleOrFlip(a, rng);
      case VECTOR_ENTRY -> {
        if (rng.nextInt(2) == 0) {
          d0 = (float) rng.uniform(0.0, 1.0);
        } else {
          d1 = (float) logScaleOrFlip(d1, rng);
        }
      }
      case MATRIX_ENTRY -> {
        switch (rng.nextInt(3)) {
          case 0 -> d0 = (float) rng.uniform(0.0, 1.0);
          case 1 -> d1 = (float) rng.uniform(0.0, 1.0);
          default -> d2 = (float) logScaleOrFlip(d2, rng);
        }
      }
      case GAUSSIAN -> {
        if (rng.nextInt(2) == 0) {
          d0 = (float) logScaleOrFlip(d0, rng);
        } else {
          d1 = (float) (d1 * Math.exp(rng.gaussian(0.0, 1.0))); // a stdev never changes sign
        }
      }
      case UNIFORM -> {
        float low = d0;
        float high = d1;
        if (rng.nextInt(2) == 0) {
          low = (float) logScaleOrFlip(low, rng);
        } else {
          high = (float) logScaleOrFlip(high, rng);
        }
        d0 = Math.min(low, high);
        d1 = Math.max(low, high);
      }
    }
    return new Instruction(op, in.in1(), in.in2(), in.out(), a, d0, d1, d2);
  }

  /** Sign flip with probability 0.1, else a log-normal rescale (always 3 draws: the stream layout is fixed). */
  private static double logScaleOrFlip(double value, Rng rng) {
    boolean flip = rng.nextDouble() < 0.1;
    double scale = Math.exp(rng.gaussian(0.0, 1.0));
    return flip ? -value : value * scale;
  }

  private FunctionSpec spec(ComponentFunctionType f) {
    return functions[f.ordinal()];
  }

  private ComponentFunctionType pickFunction(Rng rng) {
    return mutable.get(rng.nextInt(mutable.size()));
  }

  private static List<Instruction> replace(List<Instruction> code, int i, Instruction in) {
    List<Instruction> copy = new ArrayList<>(code);
    copy.set(i, in);
    return copy;
  }

  private List<Instruction> insert(ComponentFunctionType f, List<Instruction> code, Rng rng) {
    int position = rng.nextInt(code.size() + 1);
    List<Instruction> copy = new ArrayList<>(code.size() + 1);
    copy.addAll(code);
    copy.add(position, randomInstruction(f, rng));
    return copy;
  }

  private static List<Instruction> remove(List<Instruction> code, Rng rng) {
    List<Instruction> copy = new ArrayList<>(code);
    copy.remove(rng.nextInt(copy.size()));
    return copy;
  }
}
