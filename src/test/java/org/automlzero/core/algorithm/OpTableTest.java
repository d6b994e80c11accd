package org.automlzero.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The op table is consistent: templates use exactly the fields an op has, spellings are unique. */
class OpTableTest {
  @Test
  void idsAreTheOrdinals() {
    for (Op op : Op.values()) {
      assertThat(op.id()).isEqualTo(op.ordinal());
      assertThat(Op.byId(op.id())).isSameAs(op);
    }
  }

  @Test
  void templatesNameExactlyTheAddressesAndDataOfTheirOp() {
    for (Op op : Op.values()) {
      for (String template : new String[] {op.readable(), op.python()}) {
        if (op == Op.NO_OP) {
          continue;
        }
        boolean python = template == op.python();
        assertThat(template.contains("{a}")).as("%s %s", op, template).isEqualTo(op.in1() != Kind.NONE);
        assertThat(template.contains("{b}")).as("%s %s", op, template).isEqualTo(op.in2() != Kind.NONE);
        assertThat(template.contains("{out}")).as("%s %s", op, template).isEqualTo(!python);
        assertThat(template.contains("{activation}")).as("%s", op).isEqualTo(op.data() == Op.Data.CONSTANT);
        boolean usesD2 = op.data() == Op.Data.MATRIX_ENTRY;
        assertThat(template.contains("{d2}")).as("%s", op).isEqualTo(usesD2);
      }
    }
    assertThat(Op.NO_OP.python()).isEmpty();
  }

  @Test
  void everySignatureFindsItsOp() {
    int spelled = 0;
    for (Op op : Op.values()) {
      if (op.signature() != null) {
        assertThat(Op.bySignature(op.signature())).as(op.signature()).isSameAs(op);
        spelled++;
      }
    }
    assertThat(spelled).isEqualTo(Op.values().length - 3); // NO_OP and the two entry sets are lines of their own
    assertThat(Op.MATRIX_VECTOR_PRODUCT.signature()).isEqualTo("dot(m, v)");
  }

  @Test
  void functionNamesComeFromTheTemplates() {
    assertThat(String.join(", ", Op.functionNames())).isEqualTo("abs, arccos, arcsin, arctan, bcast, cos, dot, exp, "
        + "gaussian, heaviside, log, matmul, maximum, mean, minimum, norm, outer, sin, std, tan, transpose, uniform");
  }

  @Test
  void fillReplacesThePlaceholders() {
    assertThat(Op.fill("{out}[{d0}, {d1}] = {d2}", "m1", "", "", "0.5", "0.25", "3", "")).isEqualTo("m1[0.5, 0.25] = 3");
    assertThat(Op.fill("{x} = {a}", "", "s1", "", "", "", "", "")).isEqualTo("{x} = s1");
  }
}
