package org.automlzero.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transport codec keeps every field bit for bit, including the values a compact form could lose. */
class AlgorithmCodecTest {

  private static Algorithm roundTrip(Algorithm a) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      AlgorithmCodec.write(a, out);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return AlgorithmCodec.read(in);
    }
  }

  @Test
  void everyOpAndAwkwardFieldValueSurvives() throws IOException {
    List<Instruction> setup = new ArrayList<>();
    float[] floats = {0.0f, -0.0f, Float.NaN, Float.MIN_VALUE, -3.5f, Float.POSITIVE_INFINITY};
    double[] doubles = {0.0, -0.0, Double.NaN, Double.MIN_VALUE, 1e300, Double.NEGATIVE_INFINITY};
    int k = 0;
    for (Op op : Op.values()) {
      setup.add(new Instruction(op, k % 7, (k * 3) % 11, k % 5, doubles[k % doubles.length],
          floats[k % floats.length], floats[(k + 1) % floats.length], floats[(k + 2) % floats.length]));
      k++;
    }
    List<Instruction> predict = List.of(new Instruction(Op.byId(1), 300, 255, 65535, -0.0, 0f, 0f, -0.0f));
    Algorithm a = new Algorithm(setup, predict, List.of());
    Algorithm back = roundTrip(a);
    assertThat(back).isEqualTo(a);
    for (int i = 0; i < setup.size(); i++) {
      Instruction x = setup.get(i);
      Instruction y = back.setup().get(i);
      assertThat(Double.doubleToRawLongBits(y.activation())).isEqualTo(Double.doubleToRawLongBits(x.activation()));
      assertThat(Float.floatToRawIntBits(y.d0())).isEqualTo(Float.floatToRawIntBits(x.d0()));
      assertThat(Float.floatToRawIntBits(y.d2())).isEqualTo(Float.floatToRawIntBits(x.d2()));
    }
    assertThat(Float.floatToRawIntBits(back.predict().get(0).d2())).isEqualTo(Float.floatToRawIntBits(-0.0f));
  }
}
