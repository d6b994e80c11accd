package org.automlzero.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.automlzero.core.random.Rng;
import org.junit.jupiter.api.Test;

class HandCodedAlgorithmsTest {
  private static final AlgorithmSizes NO_PADDING = new AlgorithmSizes(0, 0, 0);
  private static final MemoryShape BASELINE = new MemoryShape(5, 9, 2, 4);

  @Test
  void linearIsTheOriginalsLinearModel() {
    Algorithm linear = HandCodedAlgorithms.linear(0.01, NO_PADDING);
    assertThat(linear).isEqualTo(new Algorithm(
        List.of(Instruction.constant(2, 0.01)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)),
        List.of(Instruction.of(Op.SCALAR_DIFF, 0, 1, 3), Instruction.of(Op.SCALAR_PRODUCT, 2, 3, 3),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 3, 0, 2), Instruction.of(Op.VECTOR_SUM, 1, 2, 1))));
    assertThat(HandCodedAlgorithms.neededAddresses(linear)).containsExactly(4, 3, 0);
  }

  @Test
  void neuralNetIsTheOriginalsTwoLayerNetWithBiases() {
    Algorithm net = HandCodedAlgorithms.neuralNet(0.01, 0.1, NO_PADDING);
    assertThat(net).isEqualTo(new Algorithm(
        List.of(Instruction.withData(Op.VECTOR_GAUSSIAN_SET, 2, 0f, 0.1f, 0f),
            Instruction.withData(Op.MATRIX_GAUSSIAN_SET, 0, 0f, 0.1f, 0f),
            Instruction.constant(3, 0.01)),
        List.of(Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 0, 3), Instruction.of(Op.VECTOR_SUM, 3, 1, 3),
            Instruction.of(Op.VECTOR_MAX, 3, 5, 4), Instruction.of(Op.VECTOR_INNER_PRODUCT, 4, 2, 1),
            Instruction.of(Op.SCALAR_SUM, 1, 2, 1)),
        List.of(Instruction.of(Op.SCALAR_DIFF, 0, 1, 4), Instruction.of(Op.SCALAR_PRODUCT, 3, 4, 4),
            Instruction.of(Op.SCALAR_SUM, 2, 4, 2), Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 4, 4, 6),
            Instruction.of(Op.VECTOR_SUM, 2, 6, 2), Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 4, 2, 7),
            Instruction.of(Op.VECTOR_HEAVYSIDE, 3, 0, 8), Instruction.of(Op.VECTOR_PRODUCT, 8, 7, 7),
            Instruction.of(Op.VECTOR_SUM, 1, 7, 1), Instruction.of(Op.VECTOR_OUTER_PRODUCT, 7, 0, 1),
            Instruction.of(Op.MATRIX_SUM, 0, 1, 0))));
    assertThat(HandCodedAlgorithms.neededAddresses(net)).containsExactly(5, 9, 2);
  }

  @Test
  void substitutesLearningRateAndInitScaleAndPadsWithNoOps() {
    Algorithm net = HandCodedAlgorithms.neuralNet(0.003, 0.5, new AlgorithmSizes(5, 4, 12));
    assertThat(net.setup()).hasSize(5);
    assertThat(net.setup().get(0)).isEqualTo(Instruction.withData(Op.VECTOR_GAUSSIAN_SET, 2, 0f, 0.5f, 0f));
    assertThat(net.setup().get(1)).isEqualTo(Instruction.withData(Op.MATRIX_GAUSSIAN_SET, 0, 0f, 0.5f, 0f));
    assertThat(net.setup().get(2)).isEqualTo(Instruction.constant(3, 0.003));
    assertThat(net.setup().subList(3, 5)).containsOnly(Instruction.NO_OP);
    assertThat(net.predict()).hasSize(5); // longer than its size 4: kept whole, as in the original
    assertThat(net.learn()).hasSize(12);
    assertThat(net.learn().get(11)).isEqualTo(Instruction.NO_OP);
    Algorithm linear = HandCodedAlgorithms.linear(0.5, new AlgorithmSizes(1, 3, 4));
    assertThat(linear.setup()).containsExactly(Instruction.constant(2, 0.5));
    assertThat(linear.predict()).hasSize(3);
    assertThatThrownBy(() -> HandCodedAlgorithms.linear(Double.NaN, NO_PADDING))
        .hasMessage("learning rate must be a finite number, but was NaN");
    assertThatThrownBy(() -> HandCodedAlgorithms.neuralNet(0.01, -1, NO_PADDING))
        .hasMessage("init scale must be >= 0 (a standard deviation), but was -1.0");
  }

  @Test
  void checkFitsNamesTheAddressesAnAlgorithmNeeds() {
    AlgorithmSizes sizes = new AlgorithmSizes(10, 2, 8);
    Algorithm net = HandCodedAlgorithms.neuralNet(0.01, 0.1, sizes);
    assertThatThrownBy(() -> HandCodedAlgorithms.checkFits("NEURAL_NET", net, new MemoryShape(4, 3, 1, 4)))
        .hasMessage("init algorithm NEURAL_NET needs at least 5 scalar, 9 vector and 2 matrix addresses, "
            + "but the memory has 4 scalar, 3 vector and 1 matrix addresses");
    Algorithm linear = HandCodedAlgorithms.linear(0.01, sizes);
    assertThatThrownBy(() -> HandCodedAlgorithms.checkFits("LINEAR", linear, new MemoryShape(3, 3, 0, 4)))
        .hasMessage("init algorithm LINEAR needs at least 4 scalar, 3 vector and 0 matrix addresses, "
            + "but the memory has 3 scalar, 3 vector and 0 matrix addresses");
    HandCodedAlgorithms.checkFits("NEURAL_NET", net, new MemoryShape(5, 9, 2, 4));
    HandCodedAlgorithms.checkFits("LINEAR", linear, new MemoryShape(4, 3, 0, 4));
    assertThat(HandCodedAlgorithms.noOp(sizes)).isEqualTo(Algorithm.noOp(10, 2, 8));
  }

  @Test
  void randomUsesOnlyAllowedOpsAndIsReproducible() {
    MemoryShape shape = new MemoryShape(4, 3, 1, 4);
    Map<ComponentFunctionType, List<Op>> allowed = Map.of(
        ComponentFunctionType.SETUP, List.of(Op.SCALAR_CONST_SET, Op.VECTOR_UNIFORM_SET),
        ComponentFunctionType.PREDICT, List.of(Op.VECTOR_INNER_PRODUCT),
        ComponentFunctionType.LEARN,
        List.of(Op.SCALAR_DIFF, Op.SCALAR_PRODUCT, Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM));
    AlgorithmSizes sizes = new AlgorithmSizes(10, 2, 8);
    Algorithm a = HandCodedAlgorithms.random(sizes, allowed, shape, Rng.derive(3, "init"));
    Algorithm b = HandCodedAlgorithms.random(sizes, allowed, shape, Rng.derive(3, "init"));
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(HandCodedAlgorithms.random(sizes, allowed, shape, Rng.derive(4, "init")));
    assertThat(a.setup()).hasSize(10)
        .allSatisfy(in -> assertThat(in.op()).isIn(allowed.get(ComponentFunctionType.SETUP)));
    assertThat(a.predict()).hasSize(2).allSatisfy(in -> assertThat(in.op()).isEqualTo(Op.VECTOR_INNER_PRODUCT));
    assertThat(a.learn()).hasSize(8)
        .allSatisfy(in -> assertThat(in.op()).isIn(allowed.get(ComponentFunctionType.LEARN)));
    a.checkAddresses(shape);
    assertThat(a.setup()).extracting(Instruction::op).contains(Op.SCALAR_CONST_SET, Op.VECTOR_UNIFORM_SET);

    assertThatThrownBy(() -> HandCodedAlgorithms.random(sizes, Map.of(), shape, Rng.derive(3, "init")))
        .hasMessage("Setup: size is 10 but no ops are allowed: a component function with instructions needs at "
            + "least one allowed op");
    assertThatThrownBy(() -> HandCodedAlgorithms.random(sizes, Map.of(ComponentFunctionType.SETUP,
        List.of(Op.MATRIX_SUM)), new MemoryShape(4, 3, 0, 4), Rng.derive(3, "init")))
        .hasMessage("Setup: allowed op MATRIX_SUM needs a matrix address, but the memory "
            + "MemoryShape[scalars=4, vectors=3, matrices=0, features=4] has none it could use");
  }

  @Test
  void createBuildsTheInitAlgorithmAndChecksThatTheMemoryHoldsIt() {
    Rng rng = Rng.derive(1, "init");
    AlgorithmSizes sizes = new AlgorithmSizes(10, 2, 8);
    assertThatThrownBy(() -> HandCodedAlgorithms.create(InitAlgorithm.NEURAL_NET, sizes, Map.of(),
        new MemoryShape(4, 3, 1, 4), rng))
        .hasMessage("init algorithm NEURAL_NET needs at least 5 scalar, 9 vector and 2 matrix addresses, "
            + "but the memory has 4 scalar, 3 vector and 1 matrix addresses");
    assertThat(HandCodedAlgorithms.create(InitAlgorithm.NEURAL_NET, sizes, Map.of(), BASELINE, rng))
        .isEqualTo(HandCodedAlgorithms.neuralNet(0.01, 0.1, sizes));
    assertThat(HandCodedAlgorithms.create(InitAlgorithm.LINEAR, sizes, Map.of(), BASELINE, rng))
        .isEqualTo(HandCodedAlgorithms.linear(0.01, sizes));
    assertThat(HandCodedAlgorithms.create(InitAlgorithm.NO_OP, sizes, Map.of(), new MemoryShape(4, 3, 1, 4), rng))
        .isEqualTo(Algorithm.noOp(10, 2, 8));
    Map<ComponentFunctionType, List<Op>> allowed = Map.of(ComponentFunctionType.SETUP, List.of(Op.SCALAR_CONST_SET),
        ComponentFunctionType.PREDICT, List.of(Op.VECTOR_INNER_PRODUCT), ComponentFunctionType.LEARN,
        List.of(Op.VECTOR_SUM));
    assertThat(HandCodedAlgorithms.create(InitAlgorithm.RANDOM, sizes, allowed, BASELINE, Rng.derive(2, "init")))
        .isEqualTo(HandCodedAlgorithms.random(sizes, allowed, BASELINE, Rng.derive(2, "init")));
  }

  @Test
  void initAlgorithmNamesParse() {
    assertThat(InitAlgorithm.parse("neural_net")).isEqualTo(InitAlgorithm.NEURAL_NET);
    assertThat(InitAlgorithm.parse("LINEAR_ALGORITHM")).isEqualTo(InitAlgorithm.LINEAR);
    assertThatThrownBy(() -> InitAlgorithm.parse("MLP"))
        .hasMessage("unknown init algorithm 'MLP': expected one of NO_OP, RANDOM, LINEAR, NEURAL_NET");
  }
}
