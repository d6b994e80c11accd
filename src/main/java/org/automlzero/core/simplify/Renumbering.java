package org.automlzero.core.simplify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Kind;
import org.automlzero.core.algorithm.MemoryShape;

/**
 * Renames addresses in order of first use (Setup, then Predict, then Learn; inputs before the
 * output), keeping the fixed roles s0 (label), s1 (prediction) and v0 (features). A renaming is a
 * bijection on zero-initialised memory, so every value, alias and random draw stays the same; the
 * result never needs more addresses than the original.
 */
final class Renumbering {
  private Renumbering() {}

  static Algorithm renumber(Algorithm algorithm) {
    int[] sizes = ConstantFolding.sizes(algorithm);
    int[][] map = new int[3][];
    int[] next = {MemoryShape.PREDICTION + 1, MemoryShape.FEATURES + 1, 0};
    for (int bank = 0; bank < 3; bank++) {
      map[bank] = new int[sizes[bank]];
      Arrays.fill(map[bank], -1);
    }
    map[0][MemoryShape.LABEL] = MemoryShape.LABEL;
    map[0][MemoryShape.PREDICTION] = MemoryShape.PREDICTION;
    map[1][MemoryShape.FEATURES] = MemoryShape.FEATURES;
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      for (Instruction in : algorithm.function(type)) {
        assign(map, next, in.op().in1(), in.in1());
        assign(map, next, in.op().in2(), in.in2());
        assign(map, next, in.op().out(), in.out());
      }
    }
    Algorithm result = algorithm;
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      List<Instruction> renamed = new ArrayList<>();
      for (Instruction in : algorithm.function(type)) {
        renamed.add(new Instruction(in.op(), rename(map, in.op().in1(), in.in1()), rename(map, in.op().in2(), in.in2()),
            rename(map, in.op().out(), in.out()), in.activation(), in.d0(), in.d1(), in.d2()));
      }
      result = result.with(type, renamed);
    }
    return result;
  }

  private static void assign(int[][] map, int[] next, Kind kind, int address) {
    int bank = ConstantFolding.bank(kind);
    if (bank >= 0 && map[bank][address] < 0) {
      map[bank][address] = next[bank]++;
    }
  }

  private static int rename(int[][] map, Kind kind, int address) {
    int bank = ConstantFolding.bank(kind);
    return bank < 0 ? address : map[bank][address];
  }
}
