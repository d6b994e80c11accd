package org.automlzero.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {
  @Test
  void docsConfigMdIsGeneratedFromTheKeyDefinitions() throws Exception {
    String onDisk = Files.readString(Path.of("docs/config.md"), StandardCharsets.UTF_8);
    assertThat(onDisk)
        .as("docs/config.md differs from ConfigKeys; regenerate it with: " + ConfigReference.REGENERATE)
        .isEqualTo(ConfigReference.markdown());
  }

  @Test
  void everyKeyIsOnThePage() {
    String page = ConfigReference.markdown();
    for (ConfigKey key : ConfigKeys.all()) {
      assertThat(page).contains("| `" + key.name() + "` |");
    }
  }
}
