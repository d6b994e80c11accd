package org.automlzero.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.search.spec.IslandMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkLayoutTest {
  private static final Path CONF = Path.of(System.getProperty("project.basedir", "."), "conf");

  @TempDir Path dir;

  @Test
  void everyShippedConfigHasALayoutThatLoads() {
    for (String name : List.of("demo", "nonlinear", "baseline")) {
      Path config = CONF.resolve(name + ".conf");
      SparkLayout layout = SparkLayout.choose(config, null);
      assertThat(layout).as(name).isNotNull();
      assertThat(layout.file()).isEqualTo(CONF.resolve(name + ".spark.conf"));
      var spec = ConfigLoader.load(config, layout.overrides()).run().search();
      assertThat(spec.islands().mode()).as(name).isEqualTo(IslandMode.ISLAND_STAGE);
      assertThat(spec.islands().islands()).as(name).isGreaterThan(1);
      // The config as written stays the original's steady state.
      assertThat(ConfigLoader.load(config, List.of()).run().search().islands().islands()).isEqualTo(1);
    }
    assertThat(SparkLayout.choose(CONF.resolve("demo.conf"), "none")).isNull();
  }

  @Test
  void aLayoutFileIsKeyValueLinesWithComments() throws Exception {
    Path file = Files.writeString(dir.resolve("x.spark.conf"), "# comment\n\nislands.count = 3   # three\n"
        + "islands.mode=ISLAND_STAGE\n");
    assertThat(SparkLayout.read(file).overrides()).containsExactly("islands.count=3", "islands.mode=ISLAND_STAGE");
    assertThat(SparkLayout.choose(dir.resolve("x.conf"), null).overrides()).hasSize(2);
    assertThat(SparkLayout.choose(dir.resolve("y.conf"), null)).isNull();
  }

  @Test
  void badLayoutsAreNamedInOneLine() throws Exception {
    Path typo = Files.writeString(dir.resolve("typo.spark.conf"), "islands.cuont = 3\n");
    assertThatThrownBy(() -> SparkLayout.read(typo)).isInstanceOf(UserError.class)
        .hasMessage("layout " + typo + " line 1: 'islands.cuont = 3' is not a config key");
    Path noValue = Files.writeString(dir.resolve("novalue.spark.conf"), "\nislands.count\n");
    assertThatThrownBy(() -> SparkLayout.read(noValue))
        .hasMessage("layout " + noValue + " line 2: 'islands.count' is not a 'key = value' line");
    assertThatThrownBy(() -> SparkLayout.choose(dir.resolve("a.conf"), dir.resolve("missing").toString()))
        .hasMessageContaining("no such file");
  }
}
