package org.automlzero.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads experiment configs: {@code key = value} lines, {@code #} comments, dotted keys, lists in
 * brackets (which may span lines until the bracket closes). Command-line overrides
 * ({@code key=value}) are applied after the file and checked the same way. Every error is one
 * {@link ConfigException} naming where (file:line or --set), the key, the value and the rule.
 * Unknown keys are rejected with the nearest known key as a suggestion. The file syntax is
 * {@link ConfigSyntax}, the typed binding and cross-key rules {@link ConfigBinding}.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Loads a config file and applies overrides ({@code key=value}). */
  public static ExperimentConfig load(Path file, List<String> overrides) {
    String text;
    try {
      text = org.automlzero.core.io.InputFiles.readText(file, "config file");
    } catch (org.automlzero.core.io.InputException e) {
      throw new ConfigException(e.getMessage());
    }
    if (ConfigSyntax.isEmpty(text)) {
      throw new ConfigException("config file " + file + " is empty (no 'key = value' settings); start from "
          + "conf/demo.conf");
    }
    return parse(text, file.toString(), overrides);
  }

  /** Parses config text ({@code sourceName} appears in messages) and applies overrides. */
  public static ExperimentConfig parse(String text, String sourceName, List<String> overrides) {
    return new ConfigBinding(ConfigSyntax.read(text, sourceName, overrides)).build();
  }
}
