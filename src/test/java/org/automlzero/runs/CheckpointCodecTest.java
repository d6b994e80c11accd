package org.automlzero.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmParser;
import org.automlzero.core.search.ExperimentResult;
import org.automlzero.core.search.IslandState;
import org.automlzero.core.search.LoopState;
import org.automlzero.core.search.RunState;
import org.automlzero.core.search.fec.FecCache;
import org.junit.jupiter.api.Test;

/** Checkpoints as JSON: every field and every double bit come back; defects are named. */
class CheckpointCodecTest {
  private static final Algorithm A = AlgorithmParser.parse("def Setup():\n  s2 = 0.01\ndef Predict():\n"
      + "  s1 = dot(v0, v1)\ndef Learn():\n  s3 = s0 - s1\n");
  private static final Algorithm B = AlgorithmParser.parse("def Setup():\ndef Predict():\n  s1 = s2 * s3\n"
      + "def Learn():\n");

  /** Awkward doubles: signed zeros, NaN, infinities, subnormals, extremes, and random bit patterns. */
  private static double[] awkward() {
    List<Double> values = new ArrayList<>(List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 0.1,
        1.0 / 3.0, 2e-323, 1e23, 9007199254740993.0, 0.30886143340661043));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 500; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      values.add(Double.isNaN(d) ? 0.5 : d);
      values.add(random.nextDouble());
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static Checkpoint sample(double[] numbers) {
    List<FecCache.Entry> fec = new ArrayList<>();
    for (int i = 0; i < numbers.length; i++) {
      fec.add(new FecCache.Entry(i * 0x9E3779B97F4A7C15L, numbers[i], i % 7));
    }
    IslandState island0 = new IslandState(List.of(A, B, A), new double[] {numbers[0], numbers[1], numbers[2]}, 2,
        17);
    IslandState island1 = new IslandState(List.of(B, B, B), new double[] {numbers[3], numbers[4], numbers[5]}, 0, 9);
    LoopState loop = new LoopState(1, 42, 26, 12345, 3, 4, List.of(island0, island1),
        List.of(new double[] {numbers[6], numbers[7], numbers[8]}, new double[] {numbers[9], numbers[10], numbers[11]}),
        fec);
    RunState state = new RunState(List.of(new ExperimentResult(0, B, numbers[12], numbers[13], 100)), 100, 5000, 7, 8,
        numbers[14], loop, 1.25);
    return new Checkpoint(6, -3, "abc123", 4, state);
  }

  @Test
  void everyFieldAndEveryDoubleBitRoundTrips() {
    double[] numbers = awkward();
    Checkpoint c = sample(numbers);
    Checkpoint back = CheckpointCodec.read(CheckpointCodec.write(c));

    assertThat(back.sequence()).isEqualTo(6);
    assertThat(back.seed()).isEqualTo(-3);
    assertThat(back.configDigest()).isEqualTo("abc123");
    assertThat(back.statsParts()).isEqualTo(4);
    // Writing is a pure function of the state, so equal text means equal state (NaN compares badly).
    assertThat(CheckpointCodec.write(back)).isEqualTo(CheckpointCodec.write(c));
    assertThat(back.state().loop().islands()).isEqualTo(c.state().loop().islands());
    assertThat(back.state().experiments()).isEqualTo(c.state().experiments());
    List<FecCache.Entry> entries = back.state().loop().fecEntries();
    for (int i = 0; i < numbers.length; i++) {
      if (Double.isNaN(numbers[i])) {
        assertThat(entries.get(i).fitness()).isNaN();
      } else {
        assertThat(Double.doubleToRawLongBits(entries.get(i).fitness())).as("bits of %s", numbers[i])
            .isEqualTo(Double.doubleToRawLongBits(numbers[i]));
      }
      assertThat(entries.get(i).hash()).isEqualTo(i * 0x9E3779B97F4A7C15L);
      assertThat(entries.get(i).hits()).isEqualTo(i % 7);
    }
    assertThat(back.state().loop().partialFitness().get(1)).containsExactly(numbers[9], numbers[10], numbers[11]);
    assertThat(Double.doubleToRawLongBits(back.state().loop().islands().get(0).fitness()[1])).isEqualTo(
        Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void equalMembersAreWrittenOnce() {
    String text = CheckpointCodec.write(sample(awkward()));
    assertThat(text.split("\"format\":\"automl-zero-algorithm\"", -1)).hasSize(1 + 2 + 1); // A, B, experiment's B
  }

  @Test
  void aTruncatedOrIncompleteCheckpointIsRejectedWithTheReason() {
    String text = CheckpointCodec.write(sample(awkward()));
    assertThatThrownBy(() -> CheckpointCodec.read(text.substring(0, text.length() / 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not complete JSON (");
    assertThatThrownBy(() -> CheckpointCodec.read(text.replace("\"complete\":true", "\"complete\":false")))
        .hasMessage("it lacks the final \"complete\": true (written only part way)");
    assertThatThrownBy(() -> CheckpointCodec.read(text.replace("\"stats_parts\":4", "\"stats_parts\":\"4\"")))
        .hasMessage("field 'stats_parts' must be an integer, but was \"4\"");
    assertThatThrownBy(() -> CheckpointCodec.read("{\"format\":\"automl-zero-checkpoint\",\"version\":3}"))
        .hasMessage("field 'version' must be 1 or 2, but was 3");
  }

  @Test
  void anEditedOrUndigestedCheckpointIsRejectedAndAVersionOneOneIsRead() {
    String text = CheckpointCodec.write(sample(awkward()));
    assertThat(text).contains(",\"content_sha256\":\"");
    String edited = text.replace("\"stats_parts\":4", "\"stats_parts\":5");
    assertThat(edited).isNotEqualTo(text);
    assertThatThrownBy(() -> CheckpointCodec.read(edited)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("its content does not match its SHA-256 'content_sha256' (the file was edited or damaged)");
    String undigested = text.replaceFirst(",\"content_sha256\":\"[0-9a-f]{64}\"", "");
    assertThatThrownBy(() -> CheckpointCodec.read(undigested)).hasMessage("it lacks its content digest "
        + "'content_sha256'");
    Checkpoint v1 = CheckpointCodec.read(undigested.replace("\"version\":2", "\"version\":1"));
    assertThat(v1.statsParts()).isEqualTo(4);
  }
}
