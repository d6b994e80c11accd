package org.automlzero.core.search;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

class MutatorTest {
  private static final MemoryShape SHAPE = new MemoryShape(5, 4, 2, 4);
  private static final List<Op> ALL_OPS = allOps();

  private static List<Op> allOps() {
    List<Op> ops = new ArrayList<>();
    for (Op op : Op.values()) {
      if (op != Op.NO_OP) {
        ops.add(op);
      }
    }
    return ops;
  }

  private static Mutator mutator(List<Op> setupOps, double prob, MutationType... types) {
    return new Mutator(SHAPE, new FunctionSpec(setupOps, 3, 2, 5), new FunctionSpec(ALL_OPS, 3, 2, 5),
        new FunctionSpec(ALL_OPS, 4, 2, 6), List.of(types), prob);
  }

  private static Mutator mutator(MutationType... types) {
    return mutator(ALL_OPS, 1.0, types);
  }

  private static Algorithm parent(Mutator m, long seed) {
    return m.randomAlgorithm(new Rng(seed));
  }

  /** Positions (function, index) whose instruction differs, for equal-size functions. */
  private static List<int[]> differences(Algorithm a, Algorithm b) {
    List<int[]> out = new ArrayList<>();
    for (ComponentFunctionType f : ComponentFunctionType.values()) {
      List<Instruction> x = a.function(f);
      List<Instruction> y = b.function(f);
      assertThat(y).hasSameSizeAs(x);
      for (int i = 0; i < x.size(); i++) {
        if (!x.get(i).equals(y.get(i))) {
          out.add(new int[] {f.ordinal(), i});
        }
      }
    }
    return out;
  }

  /** Number of arguments (in1, in2, out, data) in which two instructions of the same op differ. */
  private static int changedArguments(Instruction a, Instruction b) {
    assertThat(b.op()).isEqualTo(a.op());
    int n = 0;
    n += a.in1() != b.in1() ? 1 : 0;
    n += a.in2() != b.in2() ? 1 : 0;
    n += a.out() != b.out() ? 1 : 0;
    boolean data = a.activation() != b.activation() || a.d0() != b.d0() || a.d1() != b.d1() || a.d2() != b.d2();
    return n + (data ? 1 : 0);
  }

  /** Children share unchanged instructions: at most one position holds a new object. */
  private static void assertSharesUnchanged(Algorithm parent, Algorithm child) {
    int fresh = 0;
    for (ComponentFunctionType f : ComponentFunctionType.values()) {
      List<Instruction> x = parent.function(f);
      List<Instruction> y = child.function(f);
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        fresh += y.get(i) != x.get(i) ? 1 : 0;
      }
    }
    assertThat(fresh).isLessThanOrEqualTo(1);
  }

  @Test
  void alterParamChangesExactlyOneArgumentOfOneInstruction() {
    Mutator m = mutator(MutationType.ALTER_PARAM);
    int changed = 0;
    int[] dataChanges = new int[1];
    for (long seed = 0; seed < 3000; seed++) {
      Algorithm p = parent(m, seed);
      Algorithm c = m.mutate(p, MutationType.ALTER_PARAM, new Rng(seed + 1_000_000));
      List<int[]> diff = differences(p, c);
      assertThat(diff.size()).isLessThanOrEqualTo(1);
      if (diff.size() == 1) {
        ComponentFunctionType f = ComponentFunctionType.values()[diff.get(0)[0]];
        Instruction before = p.function(f).get(diff.get(0)[1]);
        Instruction after = c.function(f).get(diff.get(0)[1]);
        assertThat(changedArguments(before, after)).isEqualTo(1);
        after.checkAddresses(SHAPE);
        if (before.op().data() == Op.Data.UNIFORM) {
          assertThat(after.d0()).isLessThanOrEqualTo(after.d1());
        }
        if (before.op().data() == Op.Data.GAUSSIAN && before.d1() != after.d1()) {
          assertThat(Math.signum(after.d1())).isEqualTo(Math.signum(before.d1()));
        }
        if (before.activation() != after.activation() || before.d0() != after.d0() || before.d1() != after.d1()
            || before.d2() != after.d2()) {
          dataChanges[0]++;
        }
        changed++;
      }
      assertSharesUnchanged(p, c);
    }
    // A redrawn address may repeat the old one; most mutations still change something.
    assertThat(changed).isGreaterThan(2000);
    assertThat(dataChanges[0]).isGreaterThan(50);
  }

  @Test
  void alterParamOnEachKindOfOpTouchesOnlyItsArguments() {
    Rng rng = new Rng(5);
    for (Op op : ALL_OPS) {
      Instruction in = Instruction.random(op, SHAPE, rng);
      for (int k = 0; k < 50; k++) {
        Instruction out = Mutator.alterParam(in, SHAPE, rng);
        assertThat(changedArguments(in, out)).isLessThanOrEqualTo(1);
        if (op.data() == Op.Data.NONE) {
          assertThat(out.activation()).isEqualTo(in.activation());
          assertThat(out.d0()).isEqualTo(in.d0());
        } else {
          assertThat(out.in1()).isEqualTo(in.in1());
          assertThat(out.in2()).isEqualTo(in.in2());
        }
        out.checkAddresses(SHAPE);
      }
    }
    assertThat(Mutator.alterParam(Instruction.NO_OP, SHAPE, rng)).isSameAs(Instruction.NO_OP);
  }

  @Test
  void randomizeInstructionReplacesOneInstructionWithAnAllowedOp() {
    Mutator m = mutator(List.of(Op.SCALAR_SUM), 1.0, MutationType.RANDOMIZE_INSTRUCTION);
    for (long seed = 0; seed < 500; seed++) {
      Algorithm p = parent(m, seed);
      Algorithm c = m.mutate(p, MutationType.RANDOMIZE_INSTRUCTION, new Rng(~seed));
      assertThat(differences(p, c).size()).isLessThanOrEqualTo(1);
      assertThat(c.setup()).allMatch(in -> in.op() == Op.SCALAR_SUM);
      assertSharesUnchanged(p, c);
    }
  }

  @Test
  void randomizeComponentFunctionChangesOneFunctionKeepingItsLength() {
    Mutator m = mutator(MutationType.RANDOMIZE_COMPONENT_FUNCTION);
    for (long seed = 0; seed < 300; seed++) {
      Algorithm p = parent(m, seed);
      Algorithm c = m.mutate(p, MutationType.RANDOMIZE_COMPONENT_FUNCTION, new Rng(~seed));
      int functionsChanged = 0;
      for (ComponentFunctionType f : ComponentFunctionType.values()) {
        assertThat(c.function(f)).hasSameSizeAs(p.function(f));
        if (c.function(f) == p.function(f)) {
          continue; // untouched functions are the parent's own list
        }
        functionsChanged++;
      }
      assertThat(functionsChanged).isEqualTo(1);
    }
  }

  @Test
  void insertAddsOneInstructionUpToTheMaximum() {
    Mutator m = mutator(MutationType.INSERT_INSTRUCTION);
    Rng rng = new Rng(11);
    Algorithm a = parent(m, 1);
    for (int step = 0; step < 200; step++) {
      Algorithm c = m.mutate(a, MutationType.INSERT_INSTRUCTION, rng);
      int grown = c.size() - a.size();
      assertThat(grown).isBetween(0, 1);
      assertThat(c.setup().size()).isLessThanOrEqualTo(5);
      assertThat(c.predict().size()).isLessThanOrEqualTo(5);
      assertThat(c.learn().size()).isLessThanOrEqualTo(6);
      for (ComponentFunctionType f : ComponentFunctionType.values()) {
        // The parent's instructions are all still there, in order, as the same objects.
        List<Instruction> before = a.function(f);
        List<Instruction> after = c.function(f);
        int j = 0;
        for (Instruction in : after) {
          if (j < before.size() && in == before.get(j)) {
            j++;
          }
        }
        assertThat(j).isEqualTo(before.size());
      }
      a = c;
    }
    assertThat(List.of(a.setup().size(), a.predict().size(), a.learn().size())).containsExactly(5, 5, 6);
  }

  @Test
  void removeDropsOneInstructionDownToTheMinimum() {
    Mutator m = mutator(MutationType.REMOVE_INSTRUCTION);
    Rng rng = new Rng(12);
    Algorithm a = parent(m, 2);
    for (int step = 0; step < 200; step++) {
      Algorithm c = m.mutate(a, MutationType.REMOVE_INSTRUCTION, rng);
      assertThat(a.size() - c.size()).isBetween(0, 1);
      a = c;
    }
    assertThat(List.of(a.setup().size(), a.predict().size(), a.learn().size())).containsExactly(2, 2, 2);
  }

  @Test
  void tradeKeepsSizes() {
    Mutator m = mutator(MutationType.TRADE_INSTRUCTION);
    for (long seed = 0; seed < 200; seed++) {
      Algorithm p = parent(m, seed);
      Algorithm c = m.mutate(p, MutationType.TRADE_INSTRUCTION, new Rng(~seed));
      differences(p, c); // asserts equal sizes
      assertThat(c.size()).isEqualTo(p.size());
    }
  }

  @Test
  void randomizeAlgorithmLeavesFunctionsWithoutOpsAlone() {
    Mutator m = mutator(List.of(), 1.0, MutationType.RANDOMIZE_ALGORITHM);
    Algorithm p = parent(m, 3);
    assertThat(p.setup()).containsOnly(Instruction.NO_OP);
    Algorithm c = m.mutate(p, MutationType.RANDOMIZE_ALGORITHM, new Rng(4));
    assertThat(c.setup()).isSameAs(p.setup());
    assertThat(c.predict()).isNotEqualTo(p.predict());
    assertThat(c.learn()).isNotEqualTo(p.learn());
    assertThat(c.size()).isEqualTo(p.size());
  }

  @Test
  void identityReturnsTheParent() {
    Mutator m = mutator(MutationType.IDENTITY);
    Algorithm p = parent(m, 5);
    assertThat(m.mutate(p, new Rng(6))).isSameAs(p);
  }

  @Test
  void mutationProbabilityZeroCopiesTheParent() {
    Mutator m = mutator(ALL_OPS, 0.0, MutationType.RANDOMIZE_ALGORITHM);
    Algorithm p = parent(m, 7);
    for (long s = 0; s < 100; s++) {
      assertThat(m.mutate(p, new Rng(s))).isSameAs(p);
    }
  }

  @Test
  void mutationProbabilityIsRespected() {
    Mutator m = mutator(ALL_OPS, 0.3, MutationType.RANDOMIZE_ALGORITHM);
    Algorithm p = parent(m, 7);
    int mutated = 0;
    Rng rng = new Rng(8);
    for (int i = 0; i < 10_000; i++) {
      mutated += m.mutate(p, rng) != p ? 1 : 0;
    }
    assertThat(mutated).isBetween(2800, 3200);
  }

  @Test
  void sameSeedSameChild() {
    Mutator m = mutator(MutationType.values());
    for (long seed = 0; seed < 200; seed++) {
      Algorithm p = parent(m, seed);
      assertThat(m.mutate(p, new Rng(seed * 31))).isEqualTo(m.mutate(p, new Rng(seed * 31)));
    }
  }

  @Test
  void childrenOnlyUseAllowedOpsAndValidAddresses() {
    Mutator m = mutator(List.of(Op.SCALAR_CONST_SET, Op.VECTOR_GAUSSIAN_SET), 1.0, MutationType.values());
    Rng rng = new Rng(9);
    Algorithm a = parent(m, 9);
    for (int i = 0; i < 2000; i++) {
      a = m.mutate(a, rng);
      a.checkAddresses(SHAPE);
      assertThat(a.setup()).allMatch(in -> in.op() == Op.SCALAR_CONST_SET || in.op() == Op.VECTOR_GAUSSIAN_SET);
      assertThat(a.setup().size()).isBetween(2, 6); // trade is unchecked: max + 1 transiently never persists
    }
  }
}
