package org.automlzero.core.interpreter;

import static org.automlzero.core.interpreter.OpCodes.F4_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.FUSED_OFFSET;
import static org.automlzero.core.interpreter.OpCodes.MATRIX_CONST_SET;
import static org.automlzero.core.interpreter.OpCodes.MATRIX_SUM;
import static org.automlzero.core.interpreter.OpCodes.SKIP_DRAWS;
import static org.automlzero.core.interpreter.OpCodes.VECTOR_OUTER_PRODUCT;

import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Kind;
import org.automlzero.core.algorithm.Op;

/**
 * Marks "mX = outer(a, b)" followed by "mY = mX + mZ" (or "mZ + mX") whose outer product is read
 * by nothing else: the interpreter then computes mY = mZ + a b^T in one pass and never stores
 * the product (the SGD step of a neural net: 2 x F x F stores and loads fewer per step). Each
 * entry is the same product, added to the same entry of mZ in the same operand order, so the
 * results are bit-identical. The product is dead when mY is mX itself, or when, after the sum,
 * the function fully overwrites mX before any read, or ends with mX not live
 * ({@link Liveness}). Only the op codes change (to {@link OpCodes#FUSED_OFFSET} plus the op's
 * code): the operands stay, so {@link CompiledAlgorithm#keptOpIds} and the task batch (which
 * runs op code % 100) still see the two instructions.
 */
final class OuterSumFusion {
  private OuterSumFusion() {}

  private static final Op[] BY_ID = byId();

  /** Marks the fusable pairs in one compiled Predict or Learn function, in place. */
  static void mark(int[] code, ComponentFunctionType type, Liveness.Analysis analysis) {
    final int stride = CompiledAlgorithm.STRIDE;
    for (int base = 0; base + stride < code.length; base += stride) {
      if (id(code[base]) != VECTOR_OUTER_PRODUCT || id(code[base + stride]) != MATRIX_SUM
          || code[base] >= FUSED_OFFSET) {
        continue;
      }
      int product = code[base + 3];
      int left = code[base + stride + 1];
      int right = code[base + stride + 2];
      int sum = code[base + stride + 3];
      if ((left == product) == (right == product)) {
        continue; // the sum does not read the product, or reads it twice
      }
      if (sum == product || deadAfter(code, base + 2 * stride, product, type, analysis)) {
        code[base] = FUSED_OFFSET + VECTOR_OUTER_PRODUCT;
        code[base + stride] = FUSED_OFFSET + MATRIX_SUM;
      }
    }
  }

  /** Whether matrix {@code m} is overwritten before any read from instruction {@code from} on. */
  private static boolean deadAfter(int[] code, int from, int m, ComponentFunctionType type,
      Liveness.Analysis analysis) {
    for (int base = from; base < code.length; base += CompiledAlgorithm.STRIDE) {
      int id = id(code[base]);
      if (id == SKIP_DRAWS) {
        continue;
      }
      Op op = BY_ID[id];
      if ((op.in1() == Kind.MATRIX && code[base + 1] == m) || (op.in2() == Kind.MATRIX && code[base + 2] == m)) {
        return false;
      }
      if (op.out() == Kind.MATRIX && code[base + 3] == m && id != MATRIX_CONST_SET) {
        return true;
      }
    }
    return !analysis.matrixLiveOut(type, m);
  }

  private static Op[] byId() {
    Op[] ops = new Op[SKIP_DRAWS];
    for (Op op : Op.values()) {
      ops[op.id()] = op;
    }
    return ops;
  }

  private static int id(int code) {
    return code >= F4_OFFSET ? code % 100 : code;
  }
}
