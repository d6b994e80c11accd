package org.automlzero.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import org.automlzero.core.algorithm.Op;
import org.junit.jupiter.api.Test;

/**
 * Ties the interpreter's named op codes to the op table: one constant per op, named as the op
 * and equal to its id, and the interpreter's own codes beyond them. (OpsTest runs every op.)
 */
class OpCodesTest {
  @Test
  void everyOpHasItsNamedCodeAndNothingElseDoes() throws Exception {
    Map<String, Integer> codes = new TreeMap<>();
    for (Field field : OpCodes.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
        codes.put(field.getName(), field.getInt(null));
      }
    }
    Map<String, Integer> expected = new TreeMap<>();
    for (Op op : Op.values()) {
      expected.put(op.name(), op.id());
    }
    expected.put("SKIP_DRAWS", Op.values().length);
    expected.put("F4_OFFSET", 100);
    expected.put("F8_OFFSET", 200);
    expected.put("F16_OFFSET", 300);
    expected.put("F32_OFFSET", 400);
    expected.put("FUSED_OFFSET", 500);
    expected.put("KNOWN_OFFSET", 1000);
    assertThat(codes).isEqualTo(expected);
  }

  @Test
  void variantCodesNeverCollide() {
    // A variant's code minus its offset is its op's code; offsets are apart by more than the ops.
    assertThat(OpCodes.SKIP_DRAWS).isLessThan(OpCodes.F4_OFFSET);
    assertThat(OpCodes.F4_OFFSET + Op.values().length).isLessThan(OpCodes.F8_OFFSET);
    assertThat(OpCodes.F8_OFFSET + Op.values().length).isLessThan(OpCodes.F16_OFFSET);
    assertThat(OpCodes.F16_OFFSET + Op.values().length).isLessThan(OpCodes.F32_OFFSET);
    assertThat(OpCodes.F32_OFFSET + Op.values().length).isLessThan(OpCodes.FUSED_OFFSET);
    assertThat(OpCodes.FUSED_OFFSET + Op.values().length).isLessThan(OpCodes.KNOWN_OFFSET);
    assertThat(OpCodes.KNOWN_OFFSET % 100).isZero();
    for (Op op : Op.values()) {
      for (int f : new int[] {4, 8, 16, 32, 5}) {
        assertThat(CompiledAlgorithm.opCode(op, f) % 100).isEqualTo(op.id());
      }
    }
  }
}
