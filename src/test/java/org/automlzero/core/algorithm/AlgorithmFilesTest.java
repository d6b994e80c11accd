package org.automlzero.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlgorithmFilesTest {
  @TempDir
  Path dir;

  @Test
  void readsBothFormats() throws Exception {
    Algorithm net = HandCodedAlgorithms.neuralNet(0.01, 0.1, new AlgorithmSizes(4, 6, 12));
    MemoryShape shape = new MemoryShape(5, 9, 2, 4);
    Files.writeString(dir.resolve("best.txt"), AlgorithmPrinter.print(net));
    Files.writeString(dir.resolve("best.json"), AlgorithmJson.write(net));
    assertThat(Files.readString(dir.resolve("best.txt"))).startsWith("def Setup():\n  v2 = gaussian(0.0, 0.1");
    assertThat(AlgorithmFiles.read(dir.resolve("best.txt"), shape)).isEqualTo(net);
    assertThat(AlgorithmFiles.read(dir.resolve("best.json"), shape)).isEqualTo(net);
  }

  @Test
  void errorsNameTheFile() throws Exception {
    Path text = dir.resolve("bad.txt");
    Files.writeString(text, "def Setup():\n  s1 = s9 + s0\n");
    assertThatThrownBy(() -> AlgorithmFiles.read(text, new MemoryShape(4, 3, 1, 4)))
        .isInstanceOfSatisfying(AlgorithmFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessage(text + ": line 2, column 8: address s9 is out of range: the memory has 4 scalar addresses "
            + "(s0..s3)");
    Path json = dir.resolve("bad.json");
    Files.writeString(json, "{\"setup\": 3}");
    assertThatThrownBy(() -> AlgorithmFiles.read(json, null))
        .hasMessage(json + ": algorithm JSON: field 'setup' must be an array of instructions, but was 3");
    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> AlgorithmFiles.read(missing, null))
        .hasMessage("algorithm file " + missing + " does not exist");
    Path binary = dir.resolve("binary.txt");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertThatThrownBy(() -> AlgorithmFiles.read(binary, null))
        .hasMessage("algorithm file " + binary + " is not UTF-8 text");
  }
}
