package org.automlzero.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlzero.core.interpreter.Interpreter;
import org.junit.jupiter.api.Test;

/**
 * The bench corpus (evolved algorithms plus LINEAR and NEURAL_NET on the baseline shape) gives
 * exactly the per-task fitnesses recorded in {@code bench/corpus-fitness.tsv} (raw bits), with
 * and without liveness skipping: any engine change that alters one bit of a result fails here.
 */
class CorpusGoldenTest {

  @Test
  void corpusFitnessesAreBitIdenticalToTheGoldenFile() throws IOException {
    Map<String, List<Long>> golden = golden();
    Corpus corpus = Corpus.load();
    assertThat(corpus.entries()).hasSize(golden.size()).hasSizeGreaterThanOrEqualTo(40);
    Interpreter interpreter = new Interpreter(Corpus.SHAPE, Interpreter.DEFAULT_MAX_ABS_ERROR);
    for (int i = 0; i < corpus.entries().size(); i++) {
      String name = corpus.entries().get(i).name();
      assertThat(golden).containsKey(name);
      for (boolean skip : new boolean[] {true, false}) {
        double[] fitness = corpus.fitnesses(i, interpreter, skip, null);
        List<Long> bits = new ArrayList<>();
        for (double f : fitness) {
          bits.add(Double.doubleToRawLongBits(f));
        }
        assertThat(bits).as("%s (skip %s): per-task fitness bits", name, skip).isEqualTo(golden.get(name));
      }
    }
  }

  @Test
  void corpusSpansTheSearchStages() {
    Corpus corpus = Corpus.load();
    assertThat(corpus.entries()).extracting(Corpus.Entry::stage).contains("hand-coded", "g0", "g12000", "g25500");
    assertThat(corpus.tasks()).hasSize(10).allSatisfy(t -> {
      assertThat(t.numTrain()).isEqualTo(8000);
      assertThat(t.numValid()).isEqualTo(1000);
      assertThat(t.features()).isEqualTo(16);
    });
  }

  private static Map<String, List<Long>> golden() throws IOException {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    try (InputStream in = CorpusGoldenTest.class.getResourceAsStream("/bench/corpus-fitness.tsv")) {
      assertThat(in).as("bench/corpus-fitness.tsv on the test classpath").isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        List<Long> bits = out.computeIfAbsent(f[0], k -> new ArrayList<>());
        assertThat(Integer.parseInt(f[1])).isEqualTo(bits.size());
        bits.add(Long.parseUnsignedLong(f[3], 16));
      }
    }
    return out;
  }
}
