package org.automlzero.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.random.Rng;
import org.junit.jupiter.api.Test;

class AlgorithmJsonTest {

  @Test
  void writesOpNamesAddressesAndData() {
    Algorithm algorithm = new Algorithm(List.of(Instruction.constant(2, 0.01)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)), List.of(Instruction.NO_OP));
    String json = AlgorithmJson.write(algorithm);
    assertThat(json).contains("\"format\" : \"automl-zero-algorithm\"", "\"op\" : \"SCALAR_CONST_SET\"",
        "\"activation\" : 0.01", "\"op\" : \"VECTOR_INNER_PRODUCT\"", "\"op\" : \"NO_OP\"");
    assertThat(AlgorithmJson.read(json)).isEqualTo(algorithm);
  }

  @Test
  void roundTripsRandomAlgorithmsAndUnusualValuesExactly() {
    for (int i = 0; i < 1_000; i++) {
      Rng rng = Rng.derive(5, "json-round-trip", i);
      MemoryShape shape = new MemoryShape(2 + rng.nextInt(8), 2 + rng.nextInt(8), 1 + rng.nextInt(3), 4);
      List<List<Instruction>> functions = new ArrayList<>();
      for (int f = 0; f < 3; f++) {
        List<Instruction> function = new ArrayList<>();
        for (int k = rng.nextInt(10); k > 0; k--) {
          function.add(Instruction.random(Op.byId(rng.nextInt(Op.values().length)), shape, rng));
        }
        functions.add(function);
      }
      Algorithm algorithm = new Algorithm(functions.get(0), functions.get(1), functions.get(2));
      assertThat(AlgorithmJson.read(AlgorithmJson.write(algorithm), shape)).isEqualTo(algorithm);
    }
    // Every field is kept as stored, also unused ones and non-finite or tiny values.
    Algorithm odd = new Algorithm(
        List.of(new Instruction(Op.SCALAR_CONST_SET, 3, 4, 2, Double.NaN, Float.MIN_VALUE, -0f, Float.MAX_VALUE),
            new Instruction(Op.NO_OP, 1, 2, 3, Double.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 1e-40f, 0.1f),
            Instruction.constant(1, Double.MIN_VALUE), Instruction.constant(1, -0.0),
            Instruction.constant(1, 0.1 + 0.2)),
        List.of(), List.of());
    assertThat(AlgorithmJson.read(AlgorithmJson.write(odd))).isEqualTo(odd);
  }

  @Test
  void readsHandWrittenJsonWithMissingFieldsAsZero() {
    Algorithm algorithm = AlgorithmJson.read("""
        {"setup": [{"op": "SCALAR_CONST_SET_OP", "out": 2, "activation": 1e-3}],
         "predict": [{"op": "vector_inner_product", "in1": 1, "out": 1}],
         "learn": []}""");
    assertThat(algorithm).isEqualTo(new Algorithm(List.of(Instruction.constant(2, 0.001)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)), List.of()));
  }

  @Test
  void badJsonGivesOneClearMessage() {
    assertThatThrownBy(() -> AlgorithmJson.read("{\"setup\": [")).isInstanceOf(AlgorithmFormatException.class)
        .hasMessageStartingWith("algorithm JSON is malformed: ");
    assertThatThrownBy(() -> AlgorithmJson.read("[]"))
        .hasMessage("algorithm JSON: expected an object with setup, predict and learn, found array");
    assertThatThrownBy(() -> AlgorithmJson.read("{\"setup\": [], \"predict\": []}"))
        .hasMessage("algorithm JSON: field 'learn' must be an array of instructions, but was missing");
    assertThatThrownBy(() -> AlgorithmJson.read("{\"setup\": [], \"predict\": [], \"learn\": [], \"extra\": 1}"))
        .hasMessage("algorithm JSON: unknown field 'extra', expected one of [format, learn, predict, setup, version]");
    assertThatThrownBy(() -> AlgorithmJson.read("{\"setup\": [{\"op\": \"FOO\"}], \"predict\": [], \"learn\": []}"))
        .hasMessage("algorithm JSON: setup[0].op: unknown op 'FOO': expected one of the 65 op names, "
            + "e.g. SCALAR_SUM or VECTOR_INNER_PRODUCT_OP");
    assertThatThrownBy(() -> AlgorithmJson.read(
        "{\"setup\": [], \"predict\": [{\"op\": \"SCALAR_SUM\", \"in1\": -1}], \"learn\": []}"))
        .hasMessage("algorithm JSON: predict[0].in1 must be an address, an integer >= 0, but was -1");
    assertThatThrownBy(() -> AlgorithmJson.read(
        "{\"setup\": [], \"predict\": [], \"learn\": [{\"op\": \"SCALAR_CONST_SET\", \"activation\": \"x\"}]}"))
        .hasMessage("algorithm JSON: learn[0].activation must be a number (or \"nan\", \"inf\", \"-inf\", \"-0.0\"), "
            + "but was \"x\"");
    assertThatThrownBy(() -> AlgorithmJson.read(
        "{\"setup\": [], \"predict\": [{\"op\": \"SCALAR_SUM\", \"in1\": 7, \"out\": 1}], \"learn\": []}",
        new MemoryShape(4, 3, 1, 4)))
        .hasMessage("algorithm JSON: Predict instruction 0: in1 address 7 of SCALAR_SUM is out of range: "
            + "the scalar bank has 4 addresses");
  }
}
