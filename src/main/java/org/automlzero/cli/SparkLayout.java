package org.automlzero.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.config.ConfigKeys;

/**
 * A config's Spark layout: the island model {@code search} runs it with, kept beside the config
 * as {@code NAME.spark.conf} (lines {@code key = value}, {@code #} comments). The config itself
 * stays the original's steady state; the layout is applied before the user's {@code --set}, so
 * any of its values can be overridden, and {@code --layout none} runs the config as written.
 * Why each shipped layout is what it is: docs/spark.md.
 */
record SparkLayout(Path file, List<String> overrides) {
  /** {@code conf/X.conf} → {@code conf/X.spark.conf}. */
  static Path besides(Path config) {
    String name = config.getFileName().toString();
    String stem = name.endsWith(".conf") ? name.substring(0, name.length() - ".conf".length()) : name;
    return config.resolveSibling(stem + ".spark.conf");
  }

  /**
   * The layout to apply: {@code option} null = the config's own layout if it has one; "none" =
   * no layout; otherwise a layout file. Returns null for no layout.
   */
  static SparkLayout choose(Path config, String option) {
    if ("none".equals(option)) {
      return null;
    }
    Path file = option == null ? besides(config) : Path.of(option);
    if (option == null && !Files.isRegularFile(file)) {
      return null;
    }
    return read(file);
  }

  static SparkLayout read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError("--layout " + file + ": no such file (give a NAME.spark.conf file, or none)", 2);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("layout " + file + " cannot be read: " + e.getMessage(), 2);
    }
    List<String> overrides = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (text.isEmpty()) {
        continue;
      }
      int eq = text.indexOf('=');
      String key = eq < 0 ? text : text.substring(0, eq).trim();
      if (eq < 0 || ConfigKeys.get(key) == null) {
        throw new UserError("layout " + file + " line " + (n + 1) + ": '" + abbreviate(text) + "' is not "
            + (eq < 0 ? "a 'key = value' line" : "a config key"), 2);
      }
      overrides.add(key + "=" + text.substring(eq + 1).trim());
    }
    return new SparkLayout(file, List.copyOf(overrides));
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  String describe() {
    return String.join(", ", overrides);
  }
}
