package org.automlzero.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file syntax of experiment configs: {@code key = value} lines, {@code #} comments, dotted
 * keys, lists in brackets (which may span lines until the bracket closes), then command-line
 * overrides ({@code key=value}). Keys must be known ({@link ConfigKeys}); what the values mean
 * is {@link ConfigBinding}'s business.
 */
final class ConfigSyntax {
  private ConfigSyntax() {}

  /** A value as written, and where it came from (file:line or --set key). */
  record Setting(String value, String source) {}

  /** True when the text holds no setting (only blank lines and comments). */
  static boolean isEmpty(String text) {
    return text.lines().map(l -> stripComment(l).trim()).allMatch(String::isEmpty);
  }

  /**
   * The settings of config text ({@code sourceName} appears in messages) with the overrides
   * applied, each with where it came from; every key is known.
   */
  static Map<String, Setting> read(String text, String sourceName, List<String> overrides) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a UTF-8 byte order mark, as some editors write it
    }
    Map<String, Setting> settings = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = stripComment(lines[i]).trim();
      if (line.isEmpty()) {
        continue;
      }
      String where = sourceName + ":" + lineNo;
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new ConfigException(where + ": '" + clip(line) + "' is not a setting: expected 'key = value'");
      }
      String key = line.substring(0, eq).trim();
      StringBuilder value = new StringBuilder(line.substring(eq + 1).trim());
      while (depth(value) > 0 && i + 1 < lines.length) {
        i++;
        value.append(' ').append(stripComment(lines[i]).trim());
      }
      if (depth(value) != 0) {
        throw new ConfigException(where + ": " + key + " = " + clip(value.toString().trim()) + ": unbalanced brackets"
            + (depth(value) > 0 ? " (a '[' opened here is never closed)" : " (a ']' has no '[')"));
      }
      checkKnown(key, where);
      if (settings.containsKey(key)) {
        throw new ConfigException(where + ": " + key + " is set twice (first at " + settings.get(key).source() + ")");
      }
      settings.put(key, new Setting(value.toString().trim(), where));
    }
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq < 0) {
        throw new ConfigException("--set " + o + ": expected key=value");
      }
      String key = o.substring(0, eq).trim();
      String where = "--set " + key;
      checkKnown(key, where);
      settings.put(key, new Setting(o.substring(eq + 1).trim(), where));
    }
    return settings;
  }

  private static void checkKnown(String key, String where) {
    if (ConfigKeys.get(key) == null) {
      throw new ConfigException(where + ": unknown key '" + key + "'; did you mean '" + ConfigKeys.nearest(key) + "'?");
    }
  }

  /** At most about 100 characters of user input, for messages. */
  static String clip(String text) {
    return text.length() <= 100 ? text : text.substring(0, 80) + "... (" + text.length() + " characters)";
  }

  static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  private static int depth(CharSequence s) {
    int d = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '[') {
        d++;
      } else if (c == ']') {
        d--;
      }
    }
    return d;
  }
}
